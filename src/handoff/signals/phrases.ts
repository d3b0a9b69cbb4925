/**
 * Weighted phrase lists matched against message tokens. Every lexicon (explicit-request word
 * classes, frustration, waiting, profanity, resolution, bot phrasings) compiles to a PhraseSet.
 */
import { tokenMatches, type Tolerance } from './fuzzy.js';
import { normalise, tokenize } from './text.js';

/** A phrase word that matches any number written in digits: "# days na", "# din ho gaye". */
const NUMBER = '#';

export interface PhraseHit {
  phrase: string;
  weight: number;
  /** First message token of the match. */
  start: number;
  /** One past the last message token. */
  end: number;
}

export interface PhraseSetOptions {
  tolerance?: Tolerance;
  /** Message tokens that may sit between two phrase words ("not very helpful" for "not helpful"). */
  maxGap?: number;
}

interface Entry {
  phrase: string;
  words: string[];
  weight: number;
}

export class PhraseSet {
  private readonly entries: Entry[];
  private readonly tolerance: Tolerance;
  private readonly maxGap: number;
  /** Entries by first (or, for a swapped pair, second) letter: a token only tries its own letter. */
  private readonly byLetter = new Map<string, Entry[]>();

  constructor(weighted: Record<string, number>, options: PhraseSetOptions = {}) {
    this.tolerance = options.tolerance ?? 'normal';
    this.maxGap = options.maxGap ?? 0;
    this.entries = Object.entries(weighted)
      .map(([phrase, weight]) => ({ phrase, weight, words: compileWords(phrase) }))
      .filter((e) => e.words.length > 0);
    for (const entry of this.entries) {
      const first = entry.words[0]!;
      const keys = first === NUMBER ? [NUMBER] : [...new Set([first[0]!, first[1] ?? first[0]!])];
      for (const key of keys) this.byLetter.set(key, [...(this.byLetter.get(key) ?? []), entry]);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Every match, overlapping ones included. */
  findAll(tokens: readonly string[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let start = 0; start < tokens.length; start++) {
      const token = tokens[start]!;
      const key = /^\d+$/u.test(token) ? NUMBER : token[0]!;
      for (const entry of this.byLetter.get(key) ?? []) {
        const end = this.matchAt(tokens, start, entry.words);
        if (end !== undefined) hits.push({ phrase: entry.phrase, weight: entry.weight, start, end });
      }
    }
    return hits;
  }

  /** Non-overlapping matches, longest first, so "ang tagal naman" is not also counted as "tagal". */
  find(tokens: readonly string[]): PhraseHit[] {
    const taken = new Set<number>();
    const chosen: PhraseHit[] = [];
    const ranked = this.findAll(tokens).sort(
      (a, b) => b.end - b.start - (a.end - a.start) || b.weight - a.weight,
    );
    for (const hit of ranked) {
      let free = true;
      for (let i = hit.start; i < hit.end && free; i++) free = !taken.has(i);
      if (!free) continue;
      for (let i = hit.start; i < hit.end; i++) taken.add(i);
      chosen.push(hit);
    }
    return chosen.sort((a, b) => a.start - b.start);
  }

  /**
   * Matches `words` starting at message token `start`; returns the end index or undefined.
   * Spacing of compounds varies ("ho gaya"/"hogaya", "makipag-usap"/"makipagusap"), so one message
   * token may stand for two phrase words and two message tokens for one phrase word.
   */
  private matchAt(tokens: readonly string[], start: number, words: readonly string[]): number | undefined {
    let i = start;
    let k = 0;
    while (k < words.length) {
      const step = this.matchWord(tokens, i, words, k);
      if (!step) {
        if (k === 0) return undefined;
        // Allow a bounded gap, but only inside a phrase, never before its first word.
        let gap = 1;
        let found: { tokens: number; words: number } | undefined;
        for (; gap <= this.maxGap; gap++) {
          found = this.matchWord(tokens, i + gap, words, k);
          if (found) break;
        }
        if (!found) return undefined;
        i += gap + found.tokens;
        k += found.words;
        continue;
      }
      i += step.tokens;
      k += step.words;
    }
    return i;
  }

  private matchWord(
    tokens: readonly string[],
    i: number,
    words: readonly string[],
    k: number,
  ): { tokens: number; words: number } | undefined {
    const token = tokens[i];
    const word = words[k];
    if (token === undefined || word === undefined) return undefined;
    if (word === NUMBER) return /^\d+$/u.test(token) ? { tokens: 1, words: 1 } : undefined;
    if (tokenMatches(token, word, this.tolerance)) return { tokens: 1, words: 1 };
    // Joined or split spellings must match exactly: fuzzy on a join finds words that are not there.
    const nextWord = words[k + 1];
    if (nextWord !== undefined && tokenMatches(token, word + nextWord, 'exact'))
      return { tokens: 1, words: 2 };
    const nextToken = tokens[i + 1];
    if (nextToken !== undefined && tokenMatches(token + nextToken, word, 'exact'))
      return { tokens: 2, words: 1 };
    return undefined;
  }
}

/** Normalises a lexicon phrase word by word, keeping a trailing `*` (prefix pattern) on its word. */
function compileWords(phrase: string): string[] {
  return phrase.split(/\s+/u).flatMap((raw) => {
    if (raw === NUMBER) return [NUMBER];
    const star = raw.length > 1 && raw.endsWith('*');
    const parts = tokenize(normalise(star ? raw.slice(0, -1) : raw));
    if (star && parts.length > 0) parts[parts.length - 1] += '*';
    return parts;
  });
}
