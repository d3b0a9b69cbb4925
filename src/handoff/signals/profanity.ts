/**
 * Abuse and strong profanity: obscenity's English dataset (it handles l33t and spacing tricks)
 * plus the curated Filipino and Urdu lists, matched strictly.
 */
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import type { Lexicons } from './loader.js';
import type { PreparedText, SignalHit } from './types.js';

export type ProfanityCheck = (text: PreparedText) => SignalHit | undefined;

export function createProfanityCheck(lex: Lexicons['profanity']): ProfanityCheck {
  // Building the matcher compiles every pattern; do it once per detector, not per message.
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return (text) => {
    const words = new Set<string>();
    for (const match of matcher.getAllMatches(text.raw)) {
      if (!onWordEdge(text.raw, match.startIndex, match.endIndex)) continue;
      // Leetspeak digits ("a55") are far likelier to be a model number (Galaxy A55) in a shop chat.
      if (/\d/u.test(text.raw.slice(match.startIndex, match.endIndex + 1))) continue;
      const word = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
      words.add(word ?? text.raw.slice(match.startIndex, match.endIndex + 1).toLowerCase());
    }
    for (const hit of lex.find(text.tokens)) words.add(hit.phrase);
    if (words.size === 0) return undefined;
    return { code: 'abuse', score: 1, detail: [...words].join(', ') };
  };
}

const LETTER = /\p{L}/u;

/**
 * obscenity matches inside words, which is how it catches "bullshit" and "fucking", but inside a
 * Filipino or Urdu word it finds English slurs that are not there ("natatanggap"). A match must
 * start or end where its word does.
 */
function onWordEdge(raw: string, start: number, end: number): boolean {
  const startsWord = start === 0 || !LETTER.test(raw[start - 1] ?? '');
  const endsWord = end + 1 >= raw.length || !LETTER.test(raw[end + 1] ?? '');
  return startsWord || endsWord;
}
