import {
  DEFAULT_FEATURES,
  extractFeatures,
  isWordFeature,
  type FeatureOptions,
  type TermCounts,
} from './features.js';

/** Sparse vector over the fitted vocabulary (compact indices, not hashes). */
export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

export interface TfidfOptions extends FeatureOptions {
  /** Relative weight of the word-n-gram block against the char-n-gram block (each L2-normalised first). */
  wordWeight: number;
}

export const DEFAULT_TFIDF: TfidfOptions = { ...DEFAULT_FEATURES, wordWeight: 1 };

export interface TfidfState {
  options: TfidfOptions;
  /** Hashed feature id of each compact index. */
  vocab: Int32Array;
  idf: Float32Array;
}

/**
 * TF-IDF with sublinear tf and smoothed idf, fitted on the KB's own questions: the vocabulary is
 * whatever the corpus contains, so unseen query features are dropped (they carry no weight in
 * any index anyway) and vectors stay compact.
 */
export class Tfidf {
  private readonly index = new Map<number, number>();

  constructor(readonly state: TfidfState) {
    state.vocab.forEach((h, i) => this.index.set(h, i));
  }

  get size(): number {
    return this.state.vocab.length;
  }

  static fit(texts: readonly string[], options: TfidfOptions = DEFAULT_TFIDF): Tfidf {
    const df = new Map<number, number>();
    for (const t of texts)
      for (const h of extractFeatures(t, options).keys()) df.set(h, (df.get(h) ?? 0) + 1);
    const hashes = [...df.keys()].sort((a, b) => a - b);
    const n = texts.length;
    const idf = Float32Array.from(hashes, (h) => Math.log((1 + n) / (1 + (df.get(h) ?? 0))) + 1);
    return new Tfidf({ options, vocab: Int32Array.from(hashes), idf });
  }

  counts(text: string): TermCounts {
    return extractFeatures(text, this.state.options);
  }

  transform(text: string): SparseVec {
    const { idf, options } = this.state;
    const idx: number[] = [];
    const val: number[] = [];
    let charSq = 0;
    let wordSq = 0;
    const word: boolean[] = [];
    for (const [h, tf] of this.counts(text)) {
      const i = this.index.get(h);
      if (i === undefined) continue;
      const v = (1 + Math.log(tf)) * (idf[i] ?? 0);
      const isWord = isWordFeature(h, options.hashBits);
      if (isWord) wordSq += v * v;
      else charSq += v * v;
      idx.push(i);
      val.push(v);
      word.push(isWord);
    }
    // Balance the blocks, then renormalise so cosine similarity is a plain dot product.
    const cs = charSq > 0 ? 1 / Math.sqrt(charSq) : 0;
    const ws = wordSq > 0 ? options.wordWeight / Math.sqrt(wordSq) : 0;
    let sq = 0;
    for (let k = 0; k < val.length; k++) {
      const v = (val[k] ?? 0) * (word[k] ? ws : cs);
      val[k] = v;
      sq += v * v;
    }
    const norm = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    return { idx: Int32Array.from(idx), val: Float32Array.from(val, (v) => v * norm) };
  }
}

/** Dot product of a sparse vector with a dense one (e.g. a scattered query). */
export function sparseDotDense(a: SparseVec, dense: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.idx.length; k++) s += (a.val[k] ?? 0) * (dense[a.idx[k] ?? 0] ?? 0);
  return s;
}
