import type { Lang } from '../knowledge/types.js';

export type ChitChat = 'greeting' | 'thanks' | 'goodbye';

/**
 * Short social messages in the three languages. Only whole short messages count: "thanks, but my
 * refund is missing" is a question, not small talk.
 */
const PATTERNS: [ChitChat, RegExp][] = [
  [
    'greeting',
    /^(hi+|hello+|hey+|good (morning|afternoon|evening)|kumusta|kamusta|musta|magandang (umaga|hapon|gabi)|salam|assalam[ou]?\s*[oa]?\s*alaikum|aoa|السلام علیکم|سلام|ہیلو)( po| there| tulay)?[!. ]*$/iu,
  ],
  [
    'thanks',
    /^(thanks?( you)?( so much| a lot)?|thank u|ty|salamat( po)?( ng marami)?|maraming salamat( po)?|shukriya|shukria|bohat shukriya|شکریہ|بہت شکریہ|جزاک اللہ)[!. 🙏😊]*$/iu,
  ],
  [
    'goodbye',
    /^(bye+|goodbye|see you|paalam( na)?( po)?|sige( po)?,? salamat|allah hafiz|khuda hafiz|خدا حافظ|اللہ حافظ)[!. ]*$/iu,
  ],
];

export function detectChitChat(text: string): ChitChat | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 40) return undefined;
  return PATTERNS.find(([, re]) => re.test(trimmed))?.[0];
}

/**
 * Small talk only one of Tulay's languages uses ("kumusta", "salamat po", "assalam o alaikum",
 * "khuda hafiz") says which language the customer speaks, even where the language detector is
 * unsure of two words. "hi", "thanks" and "bye" say nothing: Taglish and Roman Urdu use them too.
 */
const LANGUAGE_OF: [Lang, RegExp][] = [
  ['fil', /^(kumusta|kamusta|musta|magandang|salamat|maraming salamat|paalam|sige)\b|\bpo[!. ]*$/iu],
  ['ur', /^(salam|assalam|aoa|shukri|bohat shukriya|allah hafiz|khuda hafiz)|\p{Script=Arabic}/iu],
];

export function chitChatLanguage(text: string): Lang | undefined {
  if (!detectChitChat(text)) return undefined;
  return LANGUAGE_OF.find(([, re]) => re.test(text.trim()))?.[0];
}

export const CHITCHAT_REPLY: Record<ChitChat, 'greeting' | 'thanks' | 'goodbye'> = {
  greeting: 'greeting',
  thanks: 'thanks',
  goodbye: 'goodbye',
};

export type { Lang };
