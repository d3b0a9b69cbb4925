import { Writable } from 'node:stream';
import nock from 'nock';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddingProvider, EmbeddingProviderError } from './index.js';

const KEY = 'sk-test-0123456789abcdef';
const API = 'https://api.openai.com';

interface EmbeddingBody {
  input: string | string[];
  model: string;
  dimensions?: number;
  encoding_format?: string;
}

/** A vector that identifies its text, made of values float32 represents exactly. */
const vectorFor = (text: string): number[] => [text.length, text.charCodeAt(0), 0.5];

/** Answers like the API does, honouring the SDK's default base64 encoding. */
function embeddingsReply(raw: nock.Body, seen: EmbeddingBody[], reverse = false): object {
  const body = (typeof raw === 'string' ? JSON.parse(raw) : raw) as EmbeddingBody;
  seen.push(body);
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  const data = inputs.map((text, index) => {
    const v = vectorFor(text);
    const embedding =
      body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
    return { object: 'embedding', index, embedding };
  });
  if (reverse) data.reverse();
  return { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } };
}

function openai(extra: Record<string, unknown> = {}) {
  return createEmbeddingProvider({ kind: 'openai', apiKey: KEY, maxRetries: 0, ...extra });
}

const post = () => nock(API).post('/v1/embeddings');

/** The rejection a promise must produce, typed for assertions. */
const failure = (p: Promise<unknown>): Promise<EmbeddingProviderError> =>
  p.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e as EmbeddingProviderError,
  );

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});
afterAll(() => nock.enableNetConnect());

describe('openai embeddings', () => {
  it('sends batched requests with a bearer key and returns vectors in input order', async () => {
    const seen: EmbeddingBody[] = [];
    const scope = post()
      .matchHeader('authorization', `Bearer ${KEY}`)
      .times(3)
      // Answers arrive shuffled (by index) to prove order comes from `index`, not array position.
      .reply(200, (_uri, body) => embeddingsReply(body, seen, true));
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const vectors = await openai({ batchSize: 2, dimensions: 3 }).embedDocuments(texts);
    expect(vectors).toEqual(texts.map(vectorFor));
    expect(seen.map((b) => b.input).sort()).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['eeeee']]);
    expect(seen.every((b) => b.model === 'text-embedding-3-small' && b.dimensions === 3)).toBe(true);
    scope.done();
  });

  it('embeds a query against a custom base URL', async () => {
    const seen: EmbeddingBody[] = [];
    nock('https://llm-proxy.example.com')
      .post('/openai/v1/embeddings')
      .reply(200, (_uri, body) => embeddingsReply(body, seen));
    const provider = openai({ baseUrl: 'https://llm-proxy.example.com/openai/v1', model: 'my-embedder' });
    expect(await provider.embedQuery('where is my parcel')).toEqual(vectorFor('where is my parcel'));
    expect(seen[0]?.model).toBe('my-embedder');
  });

  it('ignores OPENAI_* environment variables: config is the only source', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    vi.stubEnv('OPENAI_BASE_URL', 'https://env-base-url.invalid/v1');
    vi.stubEnv('OPENAI_ORG_ID', 'org-from-env');
    vi.stubEnv('OPENAI_ORGANIZATION', 'org-from-env');
    const scope = nock(API, { badheaders: ['openai-organization'] })
      .post('/v1/embeddings')
      .matchHeader('authorization', `Bearer ${KEY}`)
      .reply(200, (_uri, body) => embeddingsReply(body, []));
    await openai().embedQuery('hello');
    scope.done();
  });

  it('retries a 500 and then succeeds', async () => {
    post().reply(500, { error: { message: 'upstream hiccup' } });
    post().reply(200, (_uri, body) => embeddingsReply(body, []));
    expect(await openai({ maxRetries: 1 }).embedDocuments(['x'])).toEqual([vectorFor('x')]);
    expect(nock.isDone()).toBe(true);
  });

  it.each([
    [
      429,
      { message: 'Rate limit reached', code: 'rate_limit_exceeded' },
      /: 429 Rate limit reached \(rate limited\)$/,
    ],
    [500, { message: 'boom' }, /: 500 boom$/],
  ])('reports a final %i as an error naming the provider and model', async (status, error, tail) => {
    post().reply(status, { error });
    const err = await failure(openai().embedDocuments(['x']));
    expect(err).toBeInstanceOf(EmbeddingProviderError);
    expect(err).toMatchObject({ provider: 'openai', status });
    expect(err.message).toMatch(/^openai embeddings \(model text-embedding-3-small\): /);
    expect(err.message).toMatch(tail);
  });

  it('rejects a response with a missing vector instead of misaligning', async () => {
    const data = [{ object: 'embedding', index: 0, embedding: [1, 2, 3] }];
    post().reply(200, { object: 'list', data, model: 'm' });
    await expect(openai().embedDocuments(['one', 'two'])).rejects.toThrow(
      /openai embeddings .*expected 2 embeddings in the response, got 1/,
    );
  });

  it('times out per the timeout option', async () => {
    post()
      .delay(2_000)
      .reply(200, (_uri, body) => embeddingsReply(body, []));
    const err = await failure(openai({ timeoutMs: 100 }).embedQuery('slow'));
    expect(err.message).toMatch(/^openai embeddings .*timed out/i);
  });

  it('never puts the key in errors or logs, even when the API echoes it', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()),
    });
    const logger = pino({ level: 'debug' }, sink);
    post().reply(401, { error: { message: `Incorrect API key provided: ${KEY}.`, code: 'invalid_api_key' } });
    const provider = createEmbeddingProvider({ kind: 'openai', apiKey: KEY }, { logger });
    const err = await failure(provider.embedQuery('x'));
    expect(err.status).toBe(401);
    expect(err.message).toContain('Incorrect API key provided: [redacted]. (check the API key)');
    expect(lines.join('')).toContain('embeddings failed');
    expect(lines.join('') + err.message).not.toContain(KEY);
  });
});
