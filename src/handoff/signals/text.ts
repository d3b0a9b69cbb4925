/**
 * Text normalisation shared by every signal and by the lexicon loader, so a lexicon entry and a
 * customer message that differ only in casing, accents, punctuation, stretched letters or Arabic
 * keyboard variants compare equal.
 */

// Latin accents and Arabic short vowels are optional in how people type; madda and hamza are not
// (stripping madda would turn آلو "potato" into الو "owl", an insult), so those recompose under NFC.
const OPTIONAL_MARKS = /[\u0300-\u036F\u064B-\u0652\u0670]/gu;
// Arabic-keyboard code points typed into Urdu text, mapped to the Urdu letters the lexicons use.
const ARABIC_VARIANTS: Record<string, string> = {
  '\u064A': '\u06CC', // ي → ی
  '\u0649': '\u06CC', // ى → ی
  '\u0643': '\u06A9', // ك → ک
  '\u0647': '\u06C1', // ه → ہ
  '\u0629': '\u06C1', // ة → ہ
};
const ARABIC_VARIANT = /[\u064A\u0649\u0643\u0647\u0629]/gu;
// Tatweel and zero-width joiners change how a word looks, not what it is.
const INVISIBLE = /[\u0640\u200B-\u200F\u2060\uFEFF]/gu;
// Apostrophes join ("didn't" → "didnt"); every other non-letter, non-digit separates ("ma-access" → "ma access").
const APOSTROPHE = /['’‘`´]/gu;
const SEPARATOR = /[^\p{L}\p{N}]+/gu;
// Three or more of one letter is stretching ("pleeease", "tagaaal"); two can be spelling ("baat", "need").
const STRETCH = /(\p{L})\1{2,}/gu;

/** Lowercased, accent-free, punctuation-free text with single spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(OPTIONAL_MARKS, '')
    .normalize('NFC')
    .replace(ARABIC_VARIANT, (ch) => ARABIC_VARIANTS[ch] ?? ch)
    .replace(INVISIBLE, '')
    .replace(APOSTROPHE, '')
    .replace(SEPARATOR, ' ')
    .replace(STRETCH, '$1$1')
    .trim();
}

export function tokenize(normalised: string): string[] {
  return normalised ? normalised.split(' ') : [];
}

/** Every run of a repeated letter reduced to one, so "baat"/"bat" and "soo"/"so" meet. */
export function squeeze(token: string): string {
  return token.replace(/(\p{L})\1+/gu, '$1');
}

/** Character-trigram set of normalised text, padded so short words still yield trigrams. */
export function trigrams(normalised: string): Set<string> {
  const padded = ` ${normalised} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function overlap(a: string, b: string): { shared: number; sizeA: number; sizeB: number } {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return { shared, sizeA: ga.size, sizeB: gb.size };
}

/** Jaccard similarity of two normalised texts' trigram sets, 0..1. */
export function similarity(a: string, b: string): number {
  const { shared, sizeA, sizeB } = overlap(a, b);
  return sizeA === 0 || sizeB === 0 ? 0 : shared / (sizeA + sizeB - shared);
}

/** Share of the shorter text's trigrams found in the longer one: a restatement scores high. */
export function containment(a: string, b: string): number {
  const { shared, sizeA, sizeB } = overlap(a, b);
  return sizeA === 0 || sizeB === 0 ? 0 : shared / Math.min(sizeA, sizeB);
}

/** Share of letters that are uppercase, over Latin letters only (Arabic script has no case). */
export function upperShare(text: string): { upper: number; letters: number } {
  const letters = text.match(/[A-Za-z]/gu) ?? [];
  const upper = letters.filter((ch) => ch >= 'A' && ch <= 'Z').length;
  return { upper, letters: letters.length };
}
