import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { fnv1a } from '../text/features.js';
import { DEFAULT_TFIDF, Tfidf, type SparseVec, type TfidfOptions } from '../text/tfidf.js';

export interface HashedNgramEmbeddingsParams extends EmbeddingsParams {
  /** Dense dimension of the projection; HNSW cost grows with it, collision noise shrinks with it. */
  dimensions?: number;
  tfidf?: Tfidf;
  tfidfOptions?: TfidfOptions;
}

export const DEFAULT_DIMENSIONS = 512;

/**
 * Offline embeddings for English, Filipino and Urdu: TF-IDF over hashed character and word
 * n-grams (fitted on the KB, see Tfidf), projected to a fixed dense dimension with a signed
 * count sketch, which preserves dot products in expectation, and L2-normalised.
 * Call `fit` (or pass a fitted `tfidf`) before embedding.
 */
export class HashedNgramEmbeddings extends Embeddings {
  readonly dimensions: number;
  private model: Tfidf | undefined;
  private slot = new Int32Array(0);
  private sign = new Int8Array(0);
  private readonly tfidfOptions: TfidfOptions;

  constructor(params: HashedNgramEmbeddingsParams = {}) {
    super({ maxRetries: 0, ...params });
    this.dimensions = params.dimensions ?? DEFAULT_DIMENSIONS;
    this.tfidfOptions = params.tfidfOptions ?? DEFAULT_TFIDF;
    if (params.tfidf) this.use(params.tfidf);
  }

  fit(corpus: readonly string[]): this {
    return this.use(Tfidf.fit(corpus, this.tfidfOptions));
  }

  get tfidf(): Tfidf {
    if (!this.model) throw new Error('HashedNgramEmbeddings: not fitted; call fit(corpus) or pass tfidf');
    return this.model;
  }

  private use(model: Tfidf): this {
    this.model = model;
    const { vocab } = model.state;
    this.slot = new Int32Array(vocab.length);
    this.sign = new Int8Array(vocab.length);
    vocab.forEach((h, i) => {
      const g = fnv1a(String(h), 0x2545f491);
      this.slot[i] = g % this.dimensions;
      this.sign[i] = g & 0x80000000 ? -1 : 1;
    });
    return this;
  }

  /** The sparse TF-IDF vector the dense one is projected from (exact cosine, classifier input). */
  sparse(text: string): SparseVec {
    return this.tfidf.transform(text);
  }

  project(v: SparseVec): number[] {
    const out = new Float64Array(this.dimensions);
    for (let k = 0; k < v.idx.length; k++) {
      const i = v.idx[k] ?? 0;
      out[this.slot[i] ?? 0] = (out[this.slot[i] ?? 0] ?? 0) + (this.sign[i] ?? 0) * (v.val[k] ?? 0);
    }
    let sq = 0;
    for (const x of out) sq += x * x;
    const norm = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    return Array.from(out, (x) => x * norm);
  }

  embedText(text: string): number[] {
    return this.project(this.sparse(text));
  }

  // Errors become rejections, as callers of an async API expect.
  embedDocuments(documents: string[]): Promise<number[][]> {
    return new Promise((resolve) => resolve(documents.map((d) => this.embedText(d))));
  }

  embedQuery(document: string): Promise<number[]> {
    return new Promise((resolve) => resolve(this.embedText(document)));
  }
}
