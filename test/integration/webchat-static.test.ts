import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteBundle, type SqliteBundle } from '../../src/storage/index.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

let storage: SqliteBundle;
let web: WebServer;
beforeAll(async () => {
  storage = openSqliteBundle(':memory:');
  web = await startWebServer({ storage });
});
afterAll(async () => {
  await web.stop();
  await storage.close();
});

describe('web channel: static files', () => {
  it('serves the demo store page at / with the one-line embed', async () => {
    const res = await fetch(`${web.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('Kidlat Electronics');
    expect(html).toMatch(/<script src="\/widget\.js" data-title="[^"]+"/);
    expect(await (await fetch(`${web.url}/index.html`)).text()).toBe(html);
  });

  it('serves the widget, which fetches its token from /api/directline/token', async () => {
    const res = await fetch(`${web.url}/widget.js`);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const js = await res.text();
    expect(js).toContain("'/api/directline/token'");
    expect(js).toContain("'/webchat/webchat.js'");
  });

  it('serves the official Web Chat bundle from node_modules, gzipped, with ETag revalidation', async () => {
    const res = await fetch(`${web.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age');
    const body = await res.text();
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body).toContain('renderWebChat');
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${web.url}/webchat/webchat.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('compresses for clients that ask (checked on the raw bytes)', async () => {
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${web.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toContain('TulayWidget');
  });

  it('leaves web/agent/ alone (the agent console mounts it)', async () => {
    expect((await fetch(`${web.url}/agent/index.html`)).status).toBe(404);
    expect((await fetch(`${web.url}/agent`)).status).toBe(404);
  });

  it('gives the widget a local token and the local Direct Line domain without DIRECT_LINE_SECRET', async () => {
    const res = await fetch(`${web.url}/api/directline/token`, { method: 'POST' });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ domain: `${web.url}/v3/directline`, expires_in: 1800 });
    expect(body.userId).toMatch(/^dl_/);
    const claims = JSON.parse(Buffer.from(String(body.token).split('.')[1]!, 'base64url').toString()) as {
      user: string;
      conv: string;
    };
    // Web Chat reads `user` from the token: the page cannot choose its own user id.
    expect(claims).toMatchObject({ user: body.userId, conv: body.conversationId });
  });
});
