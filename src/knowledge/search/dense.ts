import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * An external embedding model for the dense half of the index, in place of the hashed n-gram
 * projection (a ProviderEmbeddings from ../providers fits). BM25 and the classifier do not use it.
 */
export interface DenseEmbeddings extends EmbeddingsInterface {
  /** Names the provider and model in messages; never holds secrets. */
  readonly label: string;
  /** Everything that decides the vectors; part of the index content hash, so a change rebuilds. */
  readonly identity: Readonly<Record<string, string | number | null>>;
  /** Loads whatever is slow to load (a local model), so startup fails fast. */
  ready?(): Promise<void>;
}

/** What `embeddings.json` in an index folder records; absent for the hashed default. */
export interface DenseManifest {
  label: string;
  identity: DenseEmbeddings['identity'];
  dimensions: number;
}

export const sameIdentity = (a: DenseEmbeddings['identity'], b: DenseEmbeddings['identity']): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

export interface QueryVectorsOptions {
  /** Entries kept; a batch larger than this is kept whole until the next `prepare`. */
  size?: number;
  /** How long a vector is reused for a repeated query. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Query vectors from the provider, embedded ahead of the synchronous search (`prepare`, then
 * `get`) and kept briefly, so a repeated question ("where is my order") costs no API call.
 */
export class QueryVectors {
  private readonly cache = new Map<string, { vector: Float32Array; at: number }>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly failed = new Set<string>();
  private readonly size: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    readonly provider: DenseEmbeddings,
    /** Dimensions of the stored vectors; a provider answering otherwise is an error. */
    readonly dimensions: number,
    options: QueryVectorsOptions = {},
  ) {
    this.size = options.size ?? 1000;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Embeds the queries not embedded recently: one query with embedQuery, several in batches. */
  async prepare(queries: readonly string[]): Promise<void> {
    const now = this.now();
    const wanted = [...new Set(queries)].filter((q) => q.trim() !== '');
    const todo: string[] = [];
    const waits: Promise<void>[] = [];
    for (const q of wanted) {
      const hit = this.cache.get(q);
      if (hit && now - hit.at < this.ttlMs) {
        // Most recently used last, so eviction drops the oldest.
        this.cache.delete(q);
        this.cache.set(q, hit);
      } else {
        const inFlight = this.pending.get(q);
        if (inFlight) waits.push(inFlight);
        else todo.push(q);
      }
    }
    if (todo.length > 0) {
      const job = this.embed(todo).finally(() => todo.forEach((q) => this.pending.delete(q)));
      todo.forEach((q) => this.pending.set(q, job));
      waits.push(job);
    }
    try {
      await Promise.all(waits);
    } catch (err) {
      // Remembered so that `get` lets the search go on without vectors instead of throwing.
      for (const q of wanted) if (!this.cache.has(q)) this.failed.add(q);
      while (this.failed.size > this.size) this.failed.delete(this.failed.values().next().value ?? '');
      throw err;
    }
    this.evict(wanted.length);
  }

  /** The vector `prepare` stored for this exact query text; undefined when the provider failed for it. */
  get(query: string): number[] | undefined {
    const hit = this.cache.get(query);
    if (!hit && this.failed.delete(query)) return undefined;
    if (!hit)
      throw new Error(
        `knowledge: the query was not embedded with ${this.provider.label}; await prepareQueries() before searching`,
      );
    return Array.from(hit.vector);
  }

  private async embed(texts: string[]): Promise<void> {
    // The providers here are symmetric (a query and a document get the same vector), so many
    // queries, as eval and calibrate ask, go in batches rather than one request each.
    const vectors =
      texts.length === 1
        ? [await this.provider.embedQuery(texts[0] ?? '')]
        : await this.provider.embedDocuments(texts);
    const at = this.now();
    vectors.forEach((v, i) => {
      if (v.length !== this.dimensions)
        throw new Error(
          `knowledge: ${this.provider.label} returned ${v.length} dimensions but the index holds ${this.dimensions}; rebuild the index`,
        );
      const q = texts[i];
      if (q !== undefined) this.cache.set(q, { vector: Float32Array.from(v), at });
    });
  }

  /** Drops the oldest entries, never those of the batch just prepared. */
  private evict(batch: number): void {
    const keep = Math.max(this.size, batch);
    for (const key of this.cache.keys()) {
      if (this.cache.size <= keep) break;
      this.cache.delete(key);
    }
  }
}
