import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyOnnxModel, type TinyOnnxModel } from '../../../test/helpers/tiny-onnx.js';
import { createEmbeddingProvider, EmbeddingProviderError, type ProviderEmbeddings } from './index.js';

const dot = (a: number[], b: number[]): number => a.reduce((sum, x, i) => sum + x * (b[i] ?? NaN), 0);
const norm = (a: number[]): number => Math.sqrt(dot(a, a));

let tmp: string;
let model: TinyOnnxModel;
let provider: ProviderEmbeddings;

beforeAll(async () => {
  // Anything reaching for the Hub would fail here rather than quietly download.
  nock.disableNetConnect();
  tmp = await mkdtemp(join(tmpdir(), 'tulay-onnx-'));
  model = await writeTinyOnnxModel(join(tmp, 'tiny-bert'));
  provider = createEmbeddingProvider({ kind: 'onnx', modelDir: model.dir });
});

afterAll(async () => {
  await provider?.dispose();
  await rm(tmp, { recursive: true, force: true });
  nock.enableNetConnect();
});

describe('onnx embeddings (transformers.js, local model)', () => {
  it('returns one unit-length vector of the model dimension per text', async () => {
    await provider.ready();
    const vectors = await provider.embedDocuments(['refund my order', 'where is the parcel', 'xyzzy plugh']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(model.dim);
      expect(v.every(Number.isFinite)).toBe(true);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('gives identical texts identical vectors, whatever they are batched or padded with', async () => {
    const [a, b, c] = await provider.embedDocuments([
      'reset my password',
      'reset my password',
      'how do i track the parcel today',
    ]);
    const alone = await provider.embedQuery('reset my password');
    expect(a).toEqual(b);
    // Padding to the longer third text must be masked out of the mean.
    for (const [i, x] of alone.entries()) expect(a?.[i]).toBeCloseTo(x, 6);
    expect(c).not.toEqual(a);
  });

  it('scores texts that share tokens above unrelated ones', async () => {
    const [base, near, far] = await provider.embedDocuments([
      'refund my order',
      'please refund my orders',
      'sunny weather today',
    ]);
    const nearScore = dot(base!, near!);
    const farScore = dot(base!, far!);
    // Three of five word tokens shared: cosine near 3/sqrt(3*5) = 0.77; unrelated words near 0.
    expect(nearScore).toBeGreaterThan(0.6);
    expect(nearScore).toBeGreaterThan(farScore + 0.3);
  });

  it('batches by batchSize without changing results', async () => {
    const texts = ['refund', 'my order', 'the parcel', 'sunny today', 'reset password'];
    const small = createEmbeddingProvider({ kind: 'onnx', modelDir: model.dir, batchSize: 2 });
    try {
      const expected = await provider.embedDocuments(texts);
      const got = await small.embedDocuments(texts);
      got.forEach((v, i) => v.forEach((x, j) => expect(x).toBeCloseTo(expected[i]![j]!, 6)));
    } finally {
      await small.dispose();
    }
  });

  it('keeps remote downloads disabled in transformers.js', async () => {
    const { env } = await import('@huggingface/transformers');
    expect(env.allowRemoteModels).toBe(false);
  });

  it('names a missing directory and says downloads are disabled', async () => {
    const missing = join(tmp, 'no-such-model');
    const err = await createEmbeddingProvider({ kind: 'onnx', modelDir: missing })
      .embedQuery('hello')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingProviderError);
    expect(err).toMatchObject({ provider: 'onnx' });
    expect((err as Error).message).toContain(missing);
    expect((err as Error).message).toMatch(/does not exist; remote model downloads are disabled/);
  });

  it('names the weights file a dtype needs when it is absent', async () => {
    const dir = (await writeTinyOnnxModel(join(tmp, 'no-weights'))).dir;
    await unlink(join(dir, 'onnx', 'model.onnx'));
    await expect(
      createEmbeddingProvider({ kind: 'onnx', modelDir: dir, dtype: 'q8' }).ready(),
    ).rejects.toThrow(
      /onnx embeddings \(dir .*no-weights, q8\): model directory lacks onnx\/model_quantized\.onnx/,
    );
  });
});
