import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.js';
import { createEmbeddingProvider } from '../../src/knowledge/providers/index.js';
import { startApp } from '../helpers/app.js';
import { fakeEmbeddingsApi, type SeenRequest } from '../helpers/fake-embeddings-api.js';
import { SMALL_KB, tempDir, writeMarkdownKb } from '../helpers/knowledge-kb.js';

const KEY = 'sk-test-config-0123456789';

describe('embedding provider configuration', () => {
  it('defaults to the offline hashed embeddings, whatever provider variables are set', () => {
    expect(parseConfig({}).embeddings).toBeUndefined();
    expect(parseConfig({ EMBEDDINGS_PROVIDER: 'hashed', OPENAI_API_KEY: KEY }).embeddings).toBeUndefined();
  });

  it.each([
    [
      { EMBEDDINGS_PROVIDER: 'openai', OPENAI_API_KEY: KEY },
      { kind: 'openai', apiKey: KEY },
    ],
    [
      {
        EMBEDDINGS_PROVIDER: 'openai',
        OPENAI_API_KEY: KEY,
        OPENAI_EMBEDDINGS_MODEL: 'text-embedding-3-large',
        OPENAI_BASE_URL: 'https://llm-proxy.example.com/v1',
      },
      {
        kind: 'openai',
        apiKey: KEY,
        model: 'text-embedding-3-large',
        baseUrl: 'https://llm-proxy.example.com/v1',
      },
    ],
    [
      {
        EMBEDDINGS_PROVIDER: 'azure-openai',
        AZURE_OPENAI_API_KEY: KEY,
        AZURE_OPENAI_ENDPOINT: 'https://my-resource.openai.azure.com',
        AZURE_OPENAI_DEPLOYMENT: 'embeddings',
        AZURE_OPENAI_API_VERSION: '2024-10-21',
      },
      {
        kind: 'azure-openai',
        apiKey: KEY,
        endpoint: 'https://my-resource.openai.azure.com',
        deployment: 'embeddings',
        apiVersion: '2024-10-21',
      },
    ],
    [
      { EMBEDDINGS_PROVIDER: 'onnx', ONNX_MODEL_DIR: 'models/minilm', ONNX_DTYPE: 'q8' },
      { kind: 'onnx', modelDir: path.resolve('models/minilm'), dtype: 'q8' },
    ],
  ])('maps %o onto options the provider factory accepts', (env, expected) => {
    const { embeddings } = parseConfig(env);
    expect(embeddings).toEqual(expected);
    expect(() => createEmbeddingProvider(embeddings!)).not.toThrow();
  });

  it.each([
    [{ EMBEDDINGS_PROVIDER: 'bert' }, /^config: EMBEDDINGS_PROVIDER: .*\(got "bert"\)$/],
    [
      { EMBEDDINGS_PROVIDER: 'openai' },
      /^config: OPENAI_API_KEY: required when EMBEDDINGS_PROVIDER is openai$/,
    ],
    [{ EMBEDDINGS_PROVIDER: 'openai', OPENAI_API_KEY: '  ' }, /^config: OPENAI_API_KEY: required/],
    [
      { EMBEDDINGS_PROVIDER: 'openai', OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'llm-proxy.example.com/v1' },
      /^config: OPENAI_BASE_URL: must be an http\(s\) URL/,
    ],
    [
      { EMBEDDINGS_PROVIDER: 'azure-openai', AZURE_OPENAI_API_KEY: KEY, AZURE_OPENAI_DEPLOYMENT: 'e' },
      /^config: AZURE_OPENAI_ENDPOINT: required when EMBEDDINGS_PROVIDER is azure-openai$/,
    ],
    [
      {
        EMBEDDINGS_PROVIDER: 'azure-openai',
        AZURE_OPENAI_API_KEY: KEY,
        AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
      },
      /^config: AZURE_OPENAI_DEPLOYMENT: required/,
    ],
    [{ AZURE_OPENAI_ENDPOINT: 'my-resource' }, /^config: AZURE_OPENAI_ENDPOINT: /],
    [{ EMBEDDINGS_PROVIDER: 'onnx' }, /^config: ONNX_MODEL_DIR: required when EMBEDDINGS_PROVIDER is onnx$/],
    [{ EMBEDDINGS_PROVIDER: 'onnx', ONNX_MODEL_DIR: 'm', ONNX_DTYPE: 'fp64' }, /^config: ONNX_DTYPE: /],
  ])('fails at startup with one line naming the variable: %o', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});

describe('the app with a configured embedding provider', () => {
  let kbPath: string;

  beforeAll(async () => {
    kbPath = path.join(await tempDir('tulay-app-embeddings-'), 'kb');
    await writeMarkdownKb(kbPath, SMALL_KB);
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('builds the index with the OpenAI provider and answers with it', async () => {
    const seen: SeenRequest[] = [];
    fakeEmbeddingsApi('https://embeddings.test', seen);
    const running = await startApp({
      KB_PATH: kbPath,
      EMBEDDINGS_PROVIDER: 'openai',
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: 'https://embeddings.test/v1',
      OPENAI_EMBEDDINGS_MODEL: 'fake-embedder',
    });
    try {
      expect(seen.length).toBeGreaterThan(0);
      const decision = await running.app.knowledge?.decide('reimbursement still pending', {
        lang: 'en',
        audience: 'external',
      });
      expect(decision?.candidates[0]?.id).toBe('refund-status');
      expect(seen.at(-1)).toEqual({ model: 'fake-embedder', input: ['reimbursement still pending'] });
    } finally {
      await running.stop();
    }
  });

  it('refuses to start when the ONNX model directory is missing, naming it', async () => {
    const missing = path.join(kbPath, '..', 'no-model');
    await expect(
      startApp({ KB_PATH: kbPath, EMBEDDINGS_PROVIDER: 'onnx', ONNX_MODEL_DIR: missing }),
    ).rejects.toThrow(/onnx embeddings \(dir .*no-model, fp32\): model directory does not exist/);
  });
});
