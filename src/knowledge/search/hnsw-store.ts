import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnsw from 'hnswlib-node';

export interface HnswStoreArgs {
  dimensions: number;
  /** Graph degree; with efConstruction 64 and efSearch 256 recall@10 stays ≥ 0.98 up to 100k chunks (bench/retrieval.ts). */
  m?: number;
  efConstruction?: number;
  /** Search beam; raised to k when k is larger. */
  efSearch?: number;
}

type Filter = (doc: DocumentInterface) => boolean;

const INDEX_FILE = 'hnsw.index';
const DOCS_FILE = 'hnsw-docs.json';

/**
 * A LangChain vector store over hnswlib-node (cosine space). Only the vector search is ours;
 * similaritySearch, asRetriever and friends are inherited. Scores are cosine similarities
 * (higher is closer), unlike the community HNSWLib store which returns distances.
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: Filter;
  readonly args: Required<HnswStoreArgs>;
  private index: hnsw.HierarchicalNSW;
  private docs: DocumentInterface[] = [];

  _vectorstoreType(): string {
    return 'tulay-hnsw';
  }

  constructor(embeddings: EmbeddingsInterface, args: HnswStoreArgs) {
    super(embeddings, args);
    this.args = { m: 16, efConstruction: 64, efSearch: 256, ...args };
    this.index = new hnsw.HierarchicalNSW('cosine', this.args.dimensions);
    this.index.initIndex({
      maxElements: 16,
      m: this.args.m,
      efConstruction: this.args.efConstruction,
      randomSeed: 100,
    });
  }

  get size(): number {
    return this.docs.length;
  }

  documentAt(label: number): DocumentInterface | undefined {
    return this.docs[label];
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    await this.addVectors(vectors, documents);
  }

  addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) {
      return Promise.reject(
        new Error(`HnswVectorStore.addVectors: ${vectors.length} vectors for ${documents.length} documents`),
      );
    }
    const needed = this.docs.length + vectors.length;
    if (needed > this.index.getMaxElements())
      this.index.resizeIndex(Math.max(needed, 2 * this.index.getMaxElements()));
    for (const [i, v] of vectors.entries()) {
      if (v.length !== this.args.dimensions) {
        return Promise.reject(
          new Error(
            `HnswVectorStore.addVectors: vector ${i} has ${v.length} dimensions, expected ${this.args.dimensions}`,
          ),
        );
      }
      this.index.addPoint(v, this.docs.length);
      this.docs.push(documents[i] ?? new Document({ pageContent: '' }));
    }
    return Promise.resolve();
  }

  /** Synchronous search for hot paths; returns [label, cosine similarity] pairs, best first. */
  searchLabels(query: number[], k: number, filter?: (label: number) => boolean): [number, number][] {
    const n = Math.min(k, this.docs.length);
    if (n === 0) return [];
    this.index.setEf(Math.max(this.args.efSearch, n));
    const { neighbors, distances } = this.index.searchKnn(query, n, filter);
    return neighbors.map((label, i) => [label, 1 - (distances[i] ?? 1)]);
  }

  similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: Filter,
  ): Promise<[DocumentInterface, number][]> {
    if (query.length !== this.args.dimensions) {
      return Promise.reject(
        new Error(`HnswVectorStore: query has ${query.length} dimensions, expected ${this.args.dimensions}`),
      );
    }
    const labelFilter = filter
      ? (label: number) => filter(this.docs[label] ?? new Document({ pageContent: '' }))
      : undefined;
    return Promise.resolve(
      this.searchLabels(query, k, labelFilter).map(([label, score]) => [
        this.docs[label] as DocumentInterface,
        score,
      ]),
    );
  }

  async save(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true });
    await this.index.writeIndex(path.join(directory, INDEX_FILE));
    const docs = this.docs.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata }));
    await writeFile(path.join(directory, DOCS_FILE), JSON.stringify({ args: this.args, docs }));
  }

  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const raw = JSON.parse(await readFile(path.join(directory, DOCS_FILE), 'utf8')) as {
      args: HnswStoreArgs;
      docs: { pageContent: string; metadata: Record<string, unknown> }[];
    };
    const store = new HnswVectorStore(embeddings, raw.args);
    await store.index.readIndex(path.join(directory, INDEX_FILE));
    store.docs = raw.docs.map((d) => new Document(d));
    return store;
  }
}
