import { Document } from '@langchain/core/documents';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/knowledge-kb.js';
import { HashedNgramEmbeddings } from './embeddings.js';
import { HnswVectorStore } from './hnsw-store.js';

const TEXTS = [
  'reset my password',
  'forgot password help',
  'delivery takes how long',
  'store opening hours sunday',
  'refund not received',
];

async function store() {
  const embeddings = new HashedNgramEmbeddings({ dimensions: 64 }).fit(TEXTS);
  const s = new HnswVectorStore(embeddings, { dimensions: 64 });
  await s.addDocuments(TEXTS.map((t, i) => new Document({ pageContent: t, metadata: { i } })));
  return { s, embeddings };
}

describe('HashedNgramEmbeddings', () => {
  it('gives unit vectors of the configured dimension, similar texts closer', async () => {
    const e = new HashedNgramEmbeddings({ dimensions: 64 }).fit(TEXTS);
    const [a, b, c] = await e.embedDocuments(['reset password', 'password reset please', 'opening hours']);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(a).toHaveLength(64);
    expect(dot(a!, a!)).toBeCloseTo(1, 5);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
  });

  it('refuses to embed before it is fitted', async () => {
    await expect(new HashedNgramEmbeddings().embedQuery('x')).rejects.toThrow(/not fitted/);
  });
});

describe('HnswVectorStore', () => {
  it('finds the nearest documents with cosine similarity scores (inherited similaritySearch)', async () => {
    const { s } = await store();
    const results = await s.similaritySearchWithScore('I forgot my password', 2);
    expect(results.map(([d]) => d.pageContent)).toEqual(expect.arrayContaining(['forgot password help']));
    expect(results[0]![1]).toBeGreaterThan(results[1]![1]);
    expect(results[0]![1]).toBeLessThanOrEqual(1);
  });

  it('applies a document filter and works as a LangChain retriever', async () => {
    const { s } = await store();
    const filtered = await s.similaritySearch(
      'password',
      5,
      (d) => !String(d.pageContent).includes('password'),
    );
    expect(filtered.every((d) => !d.pageContent.includes('password'))).toBe(true);
    const docs = await s.asRetriever(1).invoke('opening hours on sunday');
    expect(docs[0]?.pageContent).toBe('store opening hours sunday');
  });

  it('saves and loads with the same results, and rejects vectors of the wrong size', async () => {
    const { s, embeddings } = await store();
    const dir = await tempDir();
    await s.save(dir);
    const loaded = await HnswVectorStore.load(dir, embeddings);
    const q = await embeddings.embedQuery('refund');
    expect(await loaded.similaritySearchVectorWithScore(q, 3)).toEqual(
      await s.similaritySearchVectorWithScore(q, 3),
    );
    await expect(s.addVectors([[1, 2]], [new Document({ pageContent: 'x' })])).rejects.toThrow(/expected 64/);
  });
});
