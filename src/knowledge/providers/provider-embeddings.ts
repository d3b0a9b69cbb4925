import { Embeddings } from '@langchain/core/embeddings';
import type { Logger } from 'pino';
import { EmbeddingProviderError, providerError } from './errors.js';
import type { EmbeddingProviderKind } from './schema.js';

export type EmbeddingIdentity = Readonly<Record<string, string | number | null>>;

export interface ProviderEmbeddingsInit {
  provider: EmbeddingProviderKind;
  /** Names the provider and model in logs and error messages; never holds secrets. */
  label: string;
  /**
   * What decides the vectors (kind, model or deployment or model directory, dimensions): an index
   * built by another identity cannot be searched with this one. Never holds secrets.
   */
  identity: EmbeddingIdentity;
  inner: Embeddings;
  /** Values to blank out of any error message (API keys). */
  secrets?: string[];
  logger?: Logger;
  /** Loads whatever is slow to load, so startup can fail fast instead of the first query. */
  prepare?: () => Promise<unknown>;
  release?: () => Promise<void>;
}

/**
 * The face every provider shows the rest of Tulay: a LangChain `Embeddings` whose failures are
 * all EmbeddingProviderError naming the provider, with timing logged at debug level.
 */
export class ProviderEmbeddings extends Embeddings {
  readonly provider: EmbeddingProviderKind;
  readonly label: string;
  readonly identity: EmbeddingIdentity;
  private readonly init: ProviderEmbeddingsInit;

  constructor(init: ProviderEmbeddingsInit) {
    // Retries and concurrency live in the inner implementation; this layer must not add more.
    super({ maxRetries: 0 });
    this.provider = init.provider;
    this.label = init.label;
    this.identity = init.identity;
    this.init = init;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const vectors = await this.run('embedDocuments', texts.length, () =>
      this.init.inner.embedDocuments(texts),
    );
    if (vectors.length !== texts.length) {
      throw this.fail(`returned ${vectors.length} vectors for ${texts.length} texts`);
    }
    return vectors;
  }

  embedQuery(text: string): Promise<number[]> {
    return this.run('embedQuery', 1, () => this.init.inner.embedQuery(text));
  }

  /** Resolves once the provider can embed (loads a local model); a no-op for remote APIs. */
  async ready(): Promise<void> {
    await this.run('prepare', 0, async () => this.init.prepare?.());
  }

  /** Frees native resources (the ONNX session); the provider reloads on next use. */
  async dispose(): Promise<void> {
    await this.init.release?.();
  }

  private fail(message: string): EmbeddingProviderError {
    return new EmbeddingProviderError(this.provider, `${this.label}: ${message}`);
  }

  private async run<T>(op: string, count: number, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await call();
      const ms = Math.round(performance.now() - started);
      this.init.logger?.debug({ provider: this.provider, op, count, ms }, 'embeddings done');
      return result;
    } catch (err) {
      const wrapped = providerError(this.provider, this.label, err, this.init.secrets);
      const fields = { provider: this.provider, op, count, status: wrapped.status, error: wrapped.message };
      this.init.logger?.warn(fields, 'embeddings failed');
      throw wrapped;
    }
  }
}
