/**
 * Typo-tolerant token comparison. Tolerance grows with word length because a one-letter slip in
 * "representative" is a typo, while one letter in "tao" or "call" makes another word.
 */
import { squeeze } from './text.js';

/** Optimal-string-alignment distance (Levenshtein plus adjacent transposition), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

export type Tolerance = 'loose' | 'normal' | 'strict' | 'exact';

/**
 * Edits allowed against a lexicon word. 'loose' is for word classes that only count in combination
 * (a request verb near a person noun), so a stray near miss alone does nothing; 'normal' for lexicons
 * that fire on their own; 'strict' where a near miss is costly (insults); 'exact' for short function
 * words and guards, where any edit makes another word.
 */
export function allowedEdits(word: string, tolerance: Tolerance): number {
  const n = [...word].length;
  if (tolerance === 'exact') return 0;
  if (tolerance === 'strict') return n >= 8 ? 1 : 0;
  // Five-letter words sit one edit from too many others across three languages ("lahat"/"lanat").
  if (n <= 4 || (n === 5 && tolerance === 'normal')) return 0;
  return n >= 9 ? 2 : 1;
}

/**
 * Does a message token stand for a lexicon word? A trailing `*` in the word is a prefix pattern,
 * for affixing languages ("nakakainis*") and inflections. Fuzzy matches must keep the first letter
 * (people rarely mistype it) unless the slip is swapping the first two.
 */
export function tokenMatches(token: string, word: string, tolerance: Tolerance = 'normal'): boolean {
  if (word.endsWith('*')) return token.startsWith(word.slice(0, -1));
  if (token === word) return true;
  const st = squeeze(token);
  const sw = squeeze(word);
  if (st === sw) return true;
  const typos = tolerance === 'normal' || tolerance === 'loose';
  if (typos && (sw.length === 4 || sw.length === 5) && isTransposition(st, sw)) return true;
  if (typos && (dropsVowels(token, word) || dropsVowels(st, sw))) return true;
  const max = allowedEdits(word, tolerance);
  // Short tokens and pure extensions are other words, not typos: "grab"/"grabe", "router"/"route",
  // "office"/"officer". Inflections that matter are listed or written as prefix patterns.
  if (max === 0 || token.length < 5 || token.startsWith(word) || word.startsWith(token)) return false;
  if (token[0] !== word[0] && !isTransposition(token.slice(0, 2), word.slice(0, 2))) return false;
  // In a five-letter word only a wrong letter is a typo ("ajent"); an extra one makes another word
  // ("tanong", a question, is not "taong", a person).
  if ([...word].length === 5 && token.length !== word.length) return false;
  return editDistance(token, word, max) <= max;
}

/**
 * Texting spelling leaves vowels out, in Roman Urdu above all: "bt krwao" for "baat karwao",
 * "bndy" for "banday", "pls" for "please". The token must be the word minus some vowels only.
 */
function dropsVowels(token: string, word: string): boolean {
  // A cut-off ending ("grab" for "grabe") is another word, not a texting spelling.
  if (token.length < 2 || word.length < 4 || token.length >= word.length) return false;
  if (token[0] !== word[0] || word.startsWith(token)) return false;
  let i = 0;
  for (const ch of word) {
    if (ch === token[i]) i++;
    else if (!VOWELS.has(ch)) return false;
  }
  return i === token.length;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return (
    diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]] && a[diff[1]] === b[diff[0]!]
  );
}
