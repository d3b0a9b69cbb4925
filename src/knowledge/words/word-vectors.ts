import type { SparseVec } from '../text/tfidf.js';
import { normalizeText, tokenize } from '../text/normalize.js';

/**
 * Pre-trained word vectors (GloVe, fastText, word2vec) as extra classifier features: the mean
 * vector of a question tells the classifier that "automobile" sits near "car" even when the KB
 * never says "automobile", which n-grams of the KB's own questions cannot.
 */
export class WordVectors {
  private readonly rank = new Map<string, number>();
  private readonly harmonic: number;

  constructor(
    /** Names the file or package and its size; part of the index hash, so switching rebuilds. */
    readonly identity: string,
    words: readonly string[],
    /** Row-major [word][dimension]. */
    readonly vectors: Float32Array,
    readonly dimensions: number,
  ) {
    if (vectors.length !== words.length * dimensions)
      throw new Error(`word vectors ${identity}: ${words.length} words do not fit ${vectors.length} numbers`);
    // The first spelling wins: files list the most frequent form first.
    words.forEach((w, i) => this.rank.has(w) || this.rank.set(w, i));
    this.harmonic = Math.log(Math.max(2, words.length)) + 0.5772;
  }

  get size(): number {
    return this.rank.size;
  }

  /**
   * Smooth-inverse-frequency weighted mean, L2-normalised (Arora et al., 2017): frequent words
   * ("the", "my", "ko") weigh little. Files list words by frequency, so a word's rank stands in for
   * its count (Zipf). A text with no known word gives the zero vector.
   */
  embed(text: string): Float32Array {
    const out = new Float32Array(this.dimensions);
    const d = this.dimensions;
    for (const token of tokenize(normalizeText(text))) {
      const r = this.rank.get(token);
      if (r === undefined) continue;
      const p = 1 / ((r + 1) * this.harmonic);
      const w = SIF_A / (SIF_A + p);
      for (let k = 0; k < d; k++) out[k] = (out[k] ?? 0) + w * (this.vectors[r * d + k] ?? 0);
    }
    let sq = 0;
    for (const x of out) sq += x * x;
    if (sq > 0) {
      const inv = 1 / Math.sqrt(sq);
      for (let k = 0; k < d; k++) out[k] = (out[k] ?? 0) * inv;
    }
    return out;
  }

  /** `x` followed by `weight` × this text's vector at indices `offset`…: one classifier input. */
  extend(x: SparseVec, text: string, offset: number, weight: number): SparseVec {
    const v = this.embed(text);
    const n = x.idx.length;
    const idx = new Int32Array(n + this.dimensions);
    const val = new Float32Array(n + this.dimensions);
    idx.set(x.idx);
    val.set(x.val);
    for (let k = 0; k < this.dimensions; k++) {
      idx[n + k] = offset + k;
      val[n + k] = weight * (v[k] ?? 0);
    }
    return { idx, val };
  }
}

/** SIF's smoothing constant; 1e-3 is the value its authors recommend and it measured best on val. */
const SIF_A = 1e-3;
