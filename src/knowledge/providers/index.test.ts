import { readdir, readFile } from 'node:fs/promises';
import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import {
  createEmbeddingProvider,
  EmbeddingProviderError,
  embeddingProviderSchema,
  type EmbeddingProviderOptions,
} from './index.js';

const KEY = 'sk-secret-value-1234';

/** The thrown error's message, for options that must be rejected at construction. */
function rejection(options: unknown): string {
  try {
    createEmbeddingProvider(options as EmbeddingProviderOptions);
  } catch (err) {
    expect(err).toBeInstanceOf(EmbeddingProviderError);
    expect(err).toMatchObject({ provider: 'config' });
    return (err as Error).message;
  }
  throw new Error('expected createEmbeddingProvider to throw');
}

describe('createEmbeddingProvider', () => {
  it('builds each kind as a LangChain Embeddings without touching network or disk', () => {
    const built = [
      createEmbeddingProvider({ kind: 'openai', apiKey: KEY }),
      createEmbeddingProvider({ kind: 'azure-openai', apiKey: KEY, instanceName: 'res', deployment: 'emb' }),
      createEmbeddingProvider({ kind: 'onnx', modelDir: '/models/not-checked-until-first-use' }),
    ];
    expect(built.map((p) => p.provider)).toEqual(['openai', 'azure-openai', 'onnx']);
    for (const p of built) expect(p).toBeInstanceOf(Embeddings);
    expect(built.map((p) => p.label)).toEqual([
      'openai embeddings (model text-embedding-3-small)',
      'azure-openai embeddings (deployment emb)',
      'onnx embeddings (dir /models/not-checked-until-first-use, fp32)',
    ]);
    expect(built.map((p) => p.label).join()).not.toContain(KEY);
  });

  it('embeds nothing for an empty list without calling the provider', async () => {
    expect(await createEmbeddingProvider({ kind: 'onnx', modelDir: '/nowhere' }).embedDocuments([])).toEqual(
      [],
    );
  });

  it.each([
    [{ kind: 'openai' }, /\(kind openai\).*apiKey/],
    [{ kind: 'openai', apiKey: '  ' }, /apiKey: is required/],
    [{ kind: 'cohere', apiKey: KEY }, /kind: Invalid discriminator/],
    [{ kind: 'openai', apiKey: KEY, apikey: KEY }, /Unrecognized key: "apikey"/],
    [{ kind: 'openai', apiKey: KEY, batchSize: 0 }, /batchSize: Too small/],
    [{ kind: 'openai', apiKey: KEY, batchSize: 4096 }, /batchSize: Too big/],
    [{ kind: 'openai', apiKey: KEY, baseUrl: 'not a url' }, /baseUrl: /],
    [{ kind: 'openai', apiKey: KEY, dimensions: 1.5 }, /dimensions: /],
    [{ kind: 'openai', apiKey: KEY, timeoutMs: -1 }, /timeoutMs: /],
    [
      { kind: 'azure-openai', apiKey: KEY, deployment: 'd' },
      /endpoint: exactly one of endpoint or instanceName/,
    ],
    [
      {
        kind: 'azure-openai',
        apiKey: KEY,
        deployment: 'd',
        instanceName: 'r',
        endpoint: 'https://r.example',
      },
      /endpoint: exactly one/,
    ],
    [
      { kind: 'azure-openai', apiKey: KEY, deployment: 'd', instanceName: 'bad name!' },
      /instanceName: must be/,
    ],
    [{ kind: 'azure-openai', apiKey: KEY, endpoint: 'https://r.example' }, /deployment/],
    [{ kind: 'onnx' }, /modelDir/],
    [{ kind: 'onnx', modelDir: '/m', dtype: 'fp64' }, /dtype: /],
    [{ kind: 'onnx', modelDir: '/m', pooling: 'max' }, /pooling: /],
    [null, /embedding provider options are invalid/],
  ])('rejects %j naming the option', (options, pattern) => {
    const message = rejection(options);
    expect(message).toMatch(pattern);
    expect(message).not.toContain(KEY);
  });

  it('exports the schema with defaults for the config module to reuse', () => {
    expect(embeddingProviderSchema.parse({ kind: 'openai', apiKey: KEY })).toEqual({
      kind: 'openai',
      apiKey: KEY,
      model: 'text-embedding-3-small',
      baseUrl: 'https://api.openai.com/v1',
      batchSize: 512,
      timeoutMs: 30_000,
      maxRetries: 3,
      maxConcurrency: 2,
    });
    expect(embeddingProviderSchema.parse({ kind: 'onnx', modelDir: './models/e5' })).toEqual({
      kind: 'onnx',
      modelDir: './models/e5',
      dtype: 'fp32',
      pooling: 'mean',
      batchSize: 32,
    });
  });

  it('never reads process.env: config passes every value in', async () => {
    const dir = new URL('.', import.meta.url);
    const sources = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(3);
    for (const file of sources) {
      expect(await readFile(new URL(file, dir), 'utf8'), file).not.toMatch(
        /process\.env|getEnvironmentVariable/,
      );
    }
  });
});
