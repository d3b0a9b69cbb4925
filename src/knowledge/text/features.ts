import { normalizeText, tokenize } from './normalize.js';

/**
 * Hashed sparse features: word-boundary-padded character n-grams carry morphology and typos
 * across English, Filipino and (Roman) Urdu without stemmers; word uni/bigrams carry phrasing.
 * Each family is hashed into its own space so their weights can be balanced after TF-IDF.
 */
export interface FeatureOptions {
  charMin: number;
  charMax: number;
  wordNgrams: number;
  hashBits: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { charMin: 2, charMax: 5, wordNgrams: 2, hashBits: 20 };

/** Feature family of a hashed id: the top bit separates character from word features. */
export const isWordFeature = (id: number, bits: number): boolean => id >>> (bits - 1) === 1;

/** FNV-1a over UTF-16 code units; stable across runs and platforms, which persisted indexes need. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Term counts keyed by hashed feature id. */
export type TermCounts = Map<number, number>;

function add(counts: TermCounts, id: number): void {
  counts.set(id, (counts.get(id) ?? 0) + 1);
}

export function extractFeatures(text: string, opts: FeatureOptions = DEFAULT_FEATURES): TermCounts {
  const half = 1 << (opts.hashBits - 1);
  const mask = half - 1;
  const counts: TermCounts = new Map();
  const words = tokenize(normalizeText(text));
  for (const w of words) {
    // Hash n-grams incrementally from each start: no substring allocation on the query path.
    const padded = ` ${w} `;
    for (let i = 0; i < padded.length; i++) {
      let h = 0x811c9dc5;
      const end = Math.min(padded.length, i + opts.charMax);
      for (let j = i; j < end; j++) {
        h = Math.imul(h ^ padded.charCodeAt(j), 0x01000193);
        if (j - i + 1 >= opts.charMin) add(counts, (h >>> 0) & mask);
      }
    }
  }
  for (let n = 1; n <= opts.wordNgrams; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      add(counts, half | (fnv1a(words.slice(i, i + n).join(' '), 0x9e3779b9) & mask));
    }
  }
  return counts;
}
