/**
 * "Back to the bot" in en/fil/ur. The whole message must be the phrase (give or take politeness
 * words): "cancel my order" is something to tell the agent, not a way out of the queue.
 */
const PHRASES = [
  // English
  'cancel',
  'cancel it',
  'cancel request',
  'cancel the request',
  'cancel handoff',
  'back to bot',
  'back to the bot',
  'go back to the bot',
  'talk to the bot',
  'bot please',
  'never mind',
  'nevermind',
  'stop waiting',
  'forget it',
  'i will wait no more',
  // Filipino / Taglish
  'i cancel',
  'icancel',
  'kanselahin',
  'kanselahin mo',
  'huwag na',
  'wag na',
  'hwag na',
  'balik sa bot',
  'bumalik sa bot',
  'bot na lang',
  'bot nalang',
  'ayoko na maghintay',
  'cancel na lang',
  'cancel nalang',
  'cancel na',
  // Urdu (Arabic script and Roman Urdu)
  'منسوخ',
  'منسوخ کریں',
  'منسوخ کر دیں',
  'رہنے دیں',
  'بوٹ پر واپس',
  'واپس بوٹ',
  'بوٹ سے بات',
  'انتظار نہیں',
  'cancel kar do',
  'cancel karo',
  'cancel kardo',
  'rehne do',
  'rehnay do',
  'wapas bot',
  'bot par wapas',
  'bot pe wapas',
  'nahi chahiye',
];
const POLITE = new Set([
  'please',
  'pls',
  'plz',
  'po',
  'na',
  'lang',
  'nalang',
  'ok',
  'okay',
  'sige',
  'just',
  'براہ',
  'کرم',
  'mehrbani',
  'meharbani',
]);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u064B-\u0652\u0670]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The phrase without politeness words, so "wag na po" and "please cancel" match too. */
const core = (normalised: string) =>
  normalised
    .split(' ')
    .filter((t) => t && !POLITE.has(t))
    .join(' ');

const KNOWN = new Set(PHRASES.flatMap((p) => [normalise(p), core(normalise(p))]).filter(Boolean));

/** Does this message, on its own, ask to stop waiting and go back to the bot? */
export function isCancelRequest(text: string | undefined): boolean {
  if (!text || text.length > 60) return false;
  const n = normalise(text);
  return KNOWN.has(n) || KNOWN.has(core(n));
}
