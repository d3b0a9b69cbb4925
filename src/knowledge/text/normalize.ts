/**
 * Text normalisation shared by every index, so that a query and a question that differ only in
 * script variants, accents, case or elongation ("salamaaat", "ك" vs "ک") produce the same features.
 */

// Arabic-script letters that Urdu writers type interchangeably (Arabic keyboard layouts, copy-paste).
const URDU_MAP: Record<string, string> = {
  '\u064A': '\u06CC', // Arabic yeh → Farsi/Urdu yeh
  '\u0649': '\u06CC', // alef maksura → yeh
  '\u06D2': '\u06CC', // bari yeh: writers mix it with choti yeh at word ends
  '\u0643': '\u06A9', // Arabic kaf → keheh
  '\u0647': '\u06C1', // Arabic heh → heh goal
  '\u0629': '\u06C1', // teh marbuta → heh goal
  '\u06C3': '\u06C1', // teh marbuta goal → heh goal
  '\u0623': '\u0627', // alef with hamza above → alef
  '\u0625': '\u0627', // alef with hamza below → alef
  '\u0622': '\u0627', // alef with madda → alef
  '\u0624': '\u0648', // waw with hamza → waw
  '\u0626': '\u06CC', // yeh with hamza → yeh
};
const URDU_RE = new RegExp(`[${Object.keys(URDU_MAP).join('')}]`, 'g');

/** Eastern Arabic (U+0660) and Extended Arabic-Indic (U+06F0) digits → ASCII. */
const DIGIT_RE = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Lowercases, applies NFKC, strips combining marks (accents, Urdu aerab), unifies Urdu letter
 * variants and digits, removes tatweel and zero-width joiners, and collapses runs of three or
 * more of the same letter to one (elongation is emphasis, not spelling).
 */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(URDU_RE, (c) => URDU_MAP[c] ?? c);
  s = s.replace(DIGIT_RE, (d) => String((d.charCodeAt(0) & 0xf) % 10));
  // NFD exposes accents and Arabic harakat as combining marks so one regex removes them all.
  s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  s = s.replace(/[\u0640\u200B-\u200F\u2060\uFEFF]/g, '');
  s = s.replace(/(\p{L})\1{2,}/gu, '$1');
  return s.normalize('NFC');
}

/** Splits normalised text into word tokens (letters and digits; apostrophes inside words kept). */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}
