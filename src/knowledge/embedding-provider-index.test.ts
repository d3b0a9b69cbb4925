import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import nock from 'nock';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_DIMENSIONS,
  fakeEmbeddingsApi,
  type SeenRequest as Seen,
} from '../../test/helpers/fake-embeddings-api.js';
import { SMALL_KB, tempDir, writeMarkdownKb } from '../../test/helpers/knowledge-kb.js';
import { writeTinyOnnxModel } from '../../test/helpers/tiny-onnx.js';
import { createEmbeddingProvider, type ProviderEmbeddings } from './providers/index.js';
import { QueryVectors, type DenseEmbeddings } from './search/dense.js';
import { buildOrLoadIndex, contentHash, loadLastGood } from './search/index-store.js';
import type { KnowledgeIndex } from './search/knowledge-index.js';
import { parseIndexOptions } from './search/options.js';
import { createKnowledgeService } from './service.js';

const API = 'https://embeddings.test';
const KEY = 'sk-test-embeddings-0123456789';
const options = parseIndexOptions();
const logger = pino({ level: 'silent' });

const openai = (model = 'fake-embedder'): ProviderEmbeddings =>
  createEmbeddingProvider({ kind: 'openai', apiKey: KEY, model, baseUrl: `${API}/v1`, maxRetries: 0 });

const texts = SMALL_KB.flatMap((a) => [a.title, ...a.questions]);

/** The vector-search evidence for the article, after embedding the query as the service does. */
async function vecOf(index: KnowledgeIndex, query: string, id: string): Promise<number> {
  await index.prepareQueries([query]);
  return index.signals(query, () => true).find((s) => s.id === id)?.vec ?? NaN;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('index with the OpenAI embedding provider (nock)', () => {
  it('embeds the questions and the query with the provider, and answers from its vectors', async () => {
    const seen: Seen[] = [];
    fakeEmbeddingsApi(API, seen);
    const dir = await tempDir();
    const { index, built, manifest } = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, {
      dense: openai(),
    });
    expect(built).toBe(true);
    // Every question and title went to the API, and the store holds the provider's dimensions.
    expect(seen.flatMap((s) => s.input).sort()).toEqual([...texts].sort());
    expect(seen.every((s) => s.model === 'fake-embedder')).toBe(true);
    expect(index.store.args.dimensions).toBe(FAKE_DIMENSIONS);
    expect(manifest.embeddings).toBe('openai embeddings (model fake-embedder)');

    seen.length = 0;
    const query = 'reimbursement still pending';
    expect(await vecOf(index, query, 'refund-status')).toBeCloseTo(1, 5);
    expect(seen).toEqual([{ model: 'fake-embedder', input: [query] }]);
    // The hashed projection cannot see the synonym: the provider's vectors made the difference.
    const hashed = await buildOrLoadIndex(SMALL_KB, options, await tempDir());
    expect(await vecOf(hashed.index, query, 'refund-status')).toBeLessThan(0.5);
  });

  it('persists the vectors: a second open loads them without embedding the KB again', async () => {
    const seen: Seen[] = [];
    fakeEmbeddingsApi(API, seen);
    const dir = await tempDir();
    const first = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { dense: openai() });
    seen.length = 0;
    const again = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { dense: openai() });
    expect(again).toMatchObject({ built: false, dir: first.dir });
    expect(seen).toEqual([]);
    expect(JSON.parse(await readFile(path.join(again.dir, 'embeddings.json'), 'utf8'))).toEqual({
      label: 'openai embeddings (model fake-embedder)',
      identity: {
        kind: 'openai',
        model: 'fake-embedder',
        dimensions: null,
        baseUrl: `${API}/v1`,
      },
      dimensions: FAKE_DIMENSIONS,
    });
    expect(await vecOf(again.index, 'money back please', 'refund-status')).toBeCloseTo(1, 5);
  });

  it('rebuilds when the provider changes, and refuses an index built by another provider', async () => {
    const seen: Seen[] = [];
    fakeEmbeddingsApi(API, seen);
    const dir = await tempDir();
    const a = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { dense: openai('model-a') });
    const b = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { dense: openai('model-b') });
    expect(b.built).toBe(true);
    expect(b.manifest.hash).not.toBe(a.manifest.hash);
    expect(seen.filter((s) => s.model === 'model-b').flatMap((s) => s.input)).toHaveLength(texts.length);
    const hashed = await buildOrLoadIndex(SMALL_KB, options, dir);
    expect(hashed.built).toBe(true);
    expect(hashed.manifest.hash).toBe(contentHash(SMALL_KB, options));
    expect(hashed.manifest.embeddings).toBeUndefined();
    // Back to model-a: its index is still on disk.
    seen.length = 0;
    expect(
      await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { dense: openai('model-a') }),
    ).toMatchObject({
      built: false,
      dir: a.dir,
    });
    expect(seen).toEqual([]);
    // CURRENT names model-a's index; opening it with another provider (or none) must fail.
    await expect(loadLastGood(dir, { dense: openai('model-b') })).rejects.toThrow(
      /built with openai embeddings \(model model-a\), not openai embeddings \(model model-b\); rebuild/,
    );
    await expect(loadLastGood(dir)).rejects.toThrow(/not the hashed n-gram embeddings/);
    expect((await readdir(dir)).filter((n) => n.startsWith('index-'))).toHaveLength(3);
  });

  it('answers through the knowledge service, embedding each new query once', async () => {
    const seen: Seen[] = [];
    fakeEmbeddingsApi(API, seen);
    const root = await tempDir();
    await writeMarkdownKb(path.join(root, 'kb'), SMALL_KB);
    const kb = await createKnowledgeService(
      { kbPath: path.join(root, 'kb'), dataDir: path.join(root, 'data'), embeddings: openai() },
      logger,
    );
    seen.length = 0;
    const ctx = { lang: 'en', audience: 'external' } as const;
    const first = await kb.decide('reimbursement still pending', ctx);
    expect(first.candidates[0]?.id).toBe('refund-status');
    await kb.decide('reimbursement still pending', ctx);
    expect(seen).toHaveLength(1);
    // A failing provider does not silence the bot: the classifier and BM25 still answer, without vectors.
    nock.cleanAll();
    nock(API)
      .post('/v1/embeddings')
      .reply(500, { error: { message: 'upstream down' } });
    const degraded = await kb.decide('refund still pending', ctx);
    expect(degraded.candidates[0]?.id).toBe('refund-status');
    expect(degraded.kind).not.toBe('none');
    expect(nock.isDone()).toBe(true);
  });
});

describe('QueryVectors', () => {
  function counting(dimensions = 2) {
    const calls: string[][] = [];
    const provider: DenseEmbeddings = {
      label: 'counting embeddings',
      identity: { kind: 'test' },
      embedQuery: (text) => (
        calls.push([text]),
        Promise.resolve(Array<number>(dimensions).fill(text.length))
      ),
      embedDocuments: (docs) => (calls.push(docs), Promise.resolve(docs.map((d) => [d.length, 1]))),
    };
    return { calls, provider };
  }

  it('reuses recent vectors, batches many queries, shares in-flight work and expires', async () => {
    let now = 0;
    const { calls, provider } = counting();
    const cache = new QueryVectors(provider, 2, { ttlMs: 1000, now: () => now });
    await Promise.all([cache.prepare(['hello']), cache.prepare(['hello', ' '])]);
    await cache.prepare(['hello']);
    expect(calls).toEqual([['hello']]);
    expect(cache.get('hello')).toEqual([5, 5]);
    await cache.prepare(['a', 'bb', 'hello']);
    expect(calls.at(-1)).toEqual(['a', 'bb']);
    now = 2000;
    await cache.prepare(['hello']);
    expect(calls.at(-1)).toEqual(['hello']);
    expect(() => cache.get('never prepared')).toThrow(/not embedded with counting embeddings/);
  });

  it('keeps a batch larger than its size whole, and evicts the oldest otherwise', async () => {
    const { provider } = counting();
    const cache = new QueryVectors(provider, 2, { size: 2 });
    await cache.prepare(['q1', 'q2', 'q3']);
    for (const q of ['q1', 'q2', 'q3']) expect(cache.get(q)).toHaveLength(2);
    await cache.prepare(['q4']);
    expect(() => cache.get('q1')).toThrow();
    expect(cache.get('q4')).toHaveLength(2);
  });

  it('after a provider failure lets one search of that query go on without a vector', async () => {
    const provider: DenseEmbeddings = {
      label: 'down embeddings',
      identity: { kind: 'test' },
      embedQuery: () => Promise.reject(new Error('down embeddings: 503')),
      embedDocuments: () => Promise.reject(new Error('down embeddings: 503')),
    };
    const cache = new QueryVectors(provider, 2);
    await expect(cache.prepare(['where is my order'])).rejects.toThrow(/503/);
    expect(cache.get('where is my order')).toBeUndefined();
    expect(() => cache.get('where is my order')).toThrow(/not embedded/);
  });

  it('rejects vectors of another dimension than the index holds', async () => {
    const { provider } = counting(3);
    await expect(new QueryVectors(provider, 2).prepare(['x'])).rejects.toThrow(
      /returned 3 dimensions but the index holds 2; rebuild/,
    );
  });
});

describe('index with a local ONNX model (transformers.js, tiny model)', () => {
  let root: string;
  let modelDir: string;
  let provider: ProviderEmbeddings;

  beforeAll(async () => {
    root = await tempDir('tulay-kb-onnx-');
    modelDir = (await writeTinyOnnxModel(path.join(root, 'model'), { dim: 24 })).dir;
    await writeMarkdownKb(path.join(root, 'kb'), SMALL_KB);
    provider = createEmbeddingProvider({ kind: 'onnx', modelDir });
  });
  afterAll(() => provider?.dispose());

  it('builds the vector search from the model and finds a question it embeds identically', async () => {
    const dir = path.join(root, 'data-direct');
    const { index, built } = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { dense: provider });
    expect(built).toBe(true);
    expect(index.store.args.dimensions).toBe(24);
    expect(await vecOf(index, 'where is my refund', 'refund-status')).toBeCloseTo(1, 4);
    const again = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { dense: provider });
    expect(again.built).toBe(false);
    expect(await vecOf(again.index, 'where is my refund', 'refund-status')).toBeCloseTo(1, 4);
    const dense = JSON.parse(await readFile(path.join(again.dir, 'embeddings.json'), 'utf8')) as unknown;
    expect(dense).toMatchObject({ identity: { kind: 'onnx', modelDir, dtype: 'fp32' }, dimensions: 24 });
  });

  it('is what the kb CLI uses when EMBEDDINGS_PROVIDER=onnx', async () => {
    const run = promisify(execFile);
    const env = {
      ...process.env,
      EMBEDDINGS_PROVIDER: 'onnx',
      ONNX_MODEL_DIR: modelDir,
      DATABASE_URL: '',
    };
    const kb = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/knowledge/cli/main.ts', ...args], { env });
    const where = ['--kb', path.join(root, 'kb'), '--data', path.join(root, 'cli')];
    const { stdout } = await kb(['build', ...where]);
    expect(stdout).toMatch(/^built: 8 articles .*, vectors by onnx embeddings \(dir .*model, fp32\)$/m);
    const asked = await kb(['ask', 'where is my refund', '--json', ...where]);
    expect((JSON.parse(asked.stdout) as { candidates: { id: string }[] }).candidates[0]?.id).toBe(
      'refund-status',
    );
    // Without the provider the same data folder gets its own (hashed) index.
    const hashed = await run(
      process.execPath,
      ['--import', 'tsx', 'src/knowledge/cli/main.ts', 'build', ...where],
      { env: { ...env, EMBEDDINGS_PROVIDER: 'hashed' } },
    );
    expect(hashed.stdout).toMatch(/^built: 8 articles/);
    expect(hashed.stdout).not.toMatch(/vectors by/);
  });
});
