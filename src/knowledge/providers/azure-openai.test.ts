import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddingProvider, EmbeddingProviderError } from './index.js';

const KEY = 'azure-key-0123456789abcdef';
const HOST = 'https://tulay-test.openai.azure.com';
const PATH = '/openai/deployments/embed-small/embeddings';
const QUERY = { 'api-version': '2024-10-21' };

interface EmbeddingBody {
  input: string | string[];
  encoding_format?: string;
}

const vectorFor = (text: string): number[] => [text.length, text.charCodeAt(0), -0.25];

// Kept local rather than shared with openai.test.ts: vitest would run an imported test file twice.
function reply(raw: nock.Body, seen: string[][]): object {
  const body = (typeof raw === 'string' ? JSON.parse(raw) : raw) as EmbeddingBody;
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  seen.push(inputs);
  const data = inputs.map((text, index) => {
    const v = vectorFor(text);
    const embedding =
      body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
    return { object: 'embedding', index, embedding };
  });
  return {
    object: 'list',
    data,
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 1, total_tokens: 1 },
  };
}

function azure(extra: Record<string, unknown> = {}) {
  return createEmbeddingProvider({
    kind: 'azure-openai',
    apiKey: KEY,
    endpoint: `${HOST}/`,
    deployment: 'embed-small',
    maxRetries: 0,
    ...extra,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});
afterAll(() => nock.enableNetConnect());

describe('azure-openai embeddings', () => {
  it('posts to the deployment with api-key and api-version, batching inputs', async () => {
    const seen: string[][] = [];
    const scope = nock(HOST, { badheaders: ['authorization'] })
      .post(PATH)
      .query(QUERY)
      .matchHeader('api-key', KEY)
      .times(2)
      .reply(200, (_uri, body) => reply(body, seen));
    const texts = ['alpha', 'beta', 'gamma'];
    expect(await azure({ batchSize: 2 }).embedDocuments(texts)).toEqual(texts.map(vectorFor));
    expect(seen.sort()).toEqual([['alpha', 'beta'], ['gamma']]);
    scope.done();
  });

  it('builds the endpoint from instanceName and honours apiVersion', async () => {
    const scope = nock('https://tulay-inst.openai.azure.com')
      .post(PATH)
      .query({ 'api-version': '2025-01-01-preview' })
      .matchHeader('api-key', KEY)
      .reply(200, (_uri, body) => reply(body, []));
    const provider = azure({
      endpoint: undefined,
      instanceName: 'tulay-inst',
      apiVersion: '2025-01-01-preview',
    });
    expect(await provider.embedQuery('hi')).toEqual(vectorFor('hi'));
    scope.done();
  });

  it('ignores AZURE_OPENAI_* and OPENAI_* environment variables', async () => {
    vi.stubEnv('AZURE_OPENAI_BASE_PATH', 'https://env-base.invalid/openai/deployments');
    vi.stubEnv('AZURE_OPENAI_API_INSTANCE_NAME', 'env-instance');
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://env-endpoint.invalid');
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'env-key');
    vi.stubEnv('OPENAI_API_VERSION', '1999-01-01');
    vi.stubEnv('OPENAI_BASE_URL', 'https://env-base-url.invalid');
    const scope = nock(HOST)
      .post(PATH)
      .query(QUERY)
      .matchHeader('api-key', KEY)
      .reply(200, (_uri, body) => reply(body, []));
    await azure().embedQuery('hi');
    scope.done();
  });

  it('waits out a 429 with Retry-After and retries', async () => {
    nock(HOST)
      .post(PATH)
      .query(QUERY)
      .reply(
        429,
        { error: { code: '429', message: 'Requests to the embeddings API have exceeded the rate limit.' } },
        {
          'retry-after': '0',
        },
      );
    nock(HOST)
      .post(PATH)
      .query(QUERY)
      .reply(200, (_uri, body) => reply(body, []));
    expect(await azure({ maxRetries: 2 }).embedQuery('again')).toEqual(vectorFor('again'));
    expect(nock.isDone()).toBe(true);
  });

  it('reports a persistent 500 naming the provider and deployment', async () => {
    nock(HOST)
      .post(PATH)
      .query(QUERY)
      .reply(500, { error: { code: 'InternalServerError', message: 'oops' } });
    const err = await azure()
      .embedDocuments(['x'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingProviderError);
    expect(err).toMatchObject({ provider: 'azure-openai', status: 500 });
    expect((err as Error).message).toBe('azure-openai embeddings (deployment embed-small): 500 oops');
  });

  it('explains an unreachable endpoint instead of a bare "Connection error."', async () => {
    // No interceptor: nock refuses the connection, as a wrong endpoint would fail.
    await expect(azure().embedQuery('x')).rejects.toThrow(
      /^azure-openai embeddings \(deployment embed-small\): Connection error\.: .+/,
    );
  });
});
