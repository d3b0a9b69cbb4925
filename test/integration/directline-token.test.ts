import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteBundle, type SqliteBundle } from '../../src/storage/index.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const AZURE = 'https://directline.botframework.com';
const SECRET = 'azure-direct-line-secret-NEVER-in-the-browser';
let storage: SqliteBundle;
let web: WebServer;

beforeAll(async () => {
  storage = openSqliteBundle(':memory:');
  web = await startWebServer({ storage, options: { directLineSecret: SECRET } });
  // Only Azure is faked; the test's own calls to the local server go through.
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await web.stop();
  await storage.close();
});

describe('POST /api/directline/token with DIRECT_LINE_SECRET', () => {
  it('exchanges the secret at Azure (Authorization: Bearer) and never returns it', async () => {
    let sentUser: string | undefined;
    const azure = nock(AZURE, { reqheaders: { authorization: `Bearer ${SECRET}` } })
      .post('/v3/directline/tokens/generate', (body: { user?: { id?: string } }) => {
        sentUser = body.user?.id;
        return true;
      })
      .reply(200, { conversationId: 'AzureConv-us', token: 'azure-token', expires_in: 3600 });

    const res = await fetch(`${web.url}/api/directline/token`, { method: 'POST' });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(azure.isDone()).toBe(true);
    expect(text).not.toContain(SECRET);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(text)).toEqual({
      token: 'azure-token',
      conversationId: 'AzureConv-us',
      expires_in: 3600,
      userId: sentUser,
      domain: `${AZURE}/v3/directline`,
    });
    expect(sentUser).toMatch(/^dl_/);
  });

  it('answers 502 without relaying Azure’s error when the secret is refused', async () => {
    nock(AZURE)
      .post('/v3/directline/tokens/generate')
      .reply(403, { error: { message: `bad secret ${SECRET}` } });
    const res = await fetch(`${web.url}/api/directline/token`, { method: 'POST' });
    const text = await res.text();
    expect(res.status).toBe(502);
    expect(text).toContain('answered 403');
    expect(text).not.toContain(SECRET);
  });

  it('answers 502 when Azure is unreachable', async () => {
    nock(AZURE).post('/v3/directline/tokens/generate').replyWithError('ECONNRESET');
    const res = await fetch(`${web.url}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(502);
  });
});
