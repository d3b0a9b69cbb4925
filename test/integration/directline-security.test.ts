import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { deriveKey, TokenService } from '../../src/channels/web/auth/index.js';
import { openSqliteBundle, type SqliteBundle } from '../../src/storage/index.js';
import { ConnectionStatus, connect, post } from '../helpers/directline-client.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const SECRET = 'a-test-token-secret-of-at-least-32-characters';
let storage: SqliteBundle;
let web: WebServer;
let dl: string;

beforeAll(async () => {
  storage = openSqliteBundle(':memory:');
  web = await startWebServer({
    storage,
    options: { tokenSecret: SECRET, rateLimitPerMinute: 6, rateLimitBurst: 3, maxActivityBytes: 2048 },
  });
  dl = `${web.url}/v3/directline`;
});
afterAll(async () => {
  await web.stop();
  await storage.close();
});

async function startConversation(): Promise<{ token: string; conversationId: string; streamUrl: string }> {
  const t = (await (await fetch(`${dl}/tokens/generate`, { method: 'POST' })).json()) as { token: string };
  const res = await fetch(`${dl}/conversations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${t.token}` },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; conversationId: string; streamUrl: string };
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
const message = (text: string) => JSON.stringify({ type: 'message', text });

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', reject);
  });
}

describe('local Direct Line: tokens are scoped to one conversation', () => {
  it('refuses a token from conversation A on conversation B (403), REST and stream', async () => {
    const a = await startConversation();
    const b = await startConversation();
    for (const [method, path] of [
      ['GET', `/conversations/${b.conversationId}`],
      ['GET', `/conversations/${b.conversationId}/activities`],
      ['POST', `/conversations/${b.conversationId}/activities`],
    ] as const) {
      const res = await fetch(`${dl}${path}`, {
        method,
        headers: auth(a.token),
        ...(method === 'POST' ? { body: message('sneaky') } : {}),
      });
      expect(await errorOf(res)).toMatchObject({
        status: 403,
        message: expect.stringMatching(/another conversation/),
      });
    }
    const crossStream = b.streamUrl.replace(/t=[^&]+/, new URL(a.streamUrl).search.match(/t=[^&]+/)![0]);
    expect(await upgradeStatus(crossStream)).toBe(403);
    expect(await upgradeStatus(b.streamUrl)).toBe(101);
    expect(await upgradeStatus(b.streamUrl.replace(/t=[^&]+/, 't=garbage'))).toBe(403);
    // The conversation token is not a stream token (and vice versa).
    expect(await upgradeStatus(b.streamUrl.replace(/t=[^&]+/, `t=${b.token}`))).toBe(403);

    const c = connect({ token: a.token, conversationId: b.conversationId, domain: dl, webSocket: false });
    await expect.poll(() => c.statuses, { timeout: 5000 }).toContain(ConnectionStatus.FailedToConnect);
    c.end();
  });

  it('answers 403 to an expired token and 401 to a missing one', async () => {
    const { conversationId } = await startConversation();
    const past = new TokenService(deriveKey(SECRET, 'tokens'), 1800, () => Date.now() - 3_600_000);
    const { token: expired } = await past.issue({ conversationId, userId: 'dl_x' });
    const res = await fetch(`${dl}/conversations/${conversationId}/activities`, { headers: auth(expired) });
    expect(await errorOf(res)).toMatchObject({ status: 403, message: expect.stringMatching(/expired/) });
    const refresh = await fetch(`${dl}/tokens/refresh`, { method: 'POST', headers: auth(expired) });
    expect(refresh.status).toBe(403);
    const missing = await fetch(`${dl}/conversations/${conversationId}/activities`);
    expect(await errorOf(missing)).toMatchObject({ status: 401, message: expect.stringMatching(/Bearer/) });

    const c = connect({ token: expired, domain: dl, webSocket: false });
    await expect.poll(() => c.statuses, { timeout: 5000 }).toContain(ConnectionStatus.FailedToConnect);
    c.end();
  });

  it('refuses a token signed with another secret', async () => {
    const { conversationId } = await startConversation();
    const other = new TokenService(createHmac('sha256', 'x').update('y').digest(), 1800);
    const { token } = await other.issue({ conversationId, userId: 'dl_x' });
    const res = await fetch(`${dl}/conversations/${conversationId}/activities`, { headers: auth(token) });
    expect(await errorOf(res)).toMatchObject({ status: 403, message: expect.stringMatching(/not valid/) });
  });
});

describe('local Direct Line: limits and validation', () => {
  it('rate-limits posts per token with 429 and Retry-After, also through DirectLineJS', async () => {
    const { token, conversationId } = await startConversation();
    const url = `${dl}/conversations/${conversationId}/activities`;
    for (let i = 0; i < 3; i++) {
      expect(
        (await fetch(url, { method: 'POST', headers: auth(token), body: message(`m${i}`) })).status,
      ).toBe(200);
    }
    const limited = await fetch(url, { method: 'POST', headers: auth(token), body: message('too many') });
    const retryAt = Date.parse(limited.headers.get('retry-after') ?? '');
    expect(retryAt).toBeGreaterThan(Date.now() - 1000);
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });

    const c = connect({ token, conversationId, domain: dl, webSocket: false });
    await expect(post(c.dl, { type: 'message', text: 'still too many' })).rejects.toMatchObject({
      status: 429,
    });
    c.end();
  });

  it('refuses an over-size activity with 413, also through DirectLineJS', async () => {
    const { token, conversationId } = await startConversation();
    const res = await fetch(`${dl}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth(token),
      body: message('ü'.repeat(1500)),
    });
    expect(await errorOf(res)).toMatchObject({
      status: 413,
      message: expect.stringMatching(/limit is 2048/),
    });
    const c = connect({ token, conversationId, domain: dl, webSocket: false });
    await expect(post(c.dl, { type: 'message', text: 'x'.repeat(3000) })).rejects.toMatchObject({
      status: 413,
    });
    c.end();
  });

  it.each([
    [{ text: 'no type' }, /activity\.type must be one of/],
    [{ type: 'invoke', name: 'x' }, /activity\.type must be one of/],
    [{ type: 'message' }, /needs text, value or attachments/],
    [{ type: 'message', text: 42 }, /activity\.text must be a string/],
    [{ type: 'message', text: 'hi', locale: 'not a locale!' }, /activity\.locale/],
    [{ type: 'message', text: 'hi', attachments: 'nope' }, /activity\.attachments must be an array/],
  ])('answers 400 to %j', async (body, pattern) => {
    const { token, conversationId } = await startConversation();
    const res = await fetch(`${dl}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth(token),
      body: JSON.stringify(body),
    });
    expect(await errorOf(res)).toMatchObject({ status: 400, message: expect.stringMatching(pattern) });
  });

  it('answers 404 for a conversation that was never started, and 400 for a bad watermark', async () => {
    const t = (await (await fetch(`${dl}/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const res = await fetch(`${dl}/conversations/${t.conversationId}/activities`, { headers: auth(t.token) });
    expect(res.status).toBe(404);
    const { token, conversationId } = await startConversation();
    const bad = await fetch(`${dl}/conversations/${conversationId}/activities?watermark=abc`, {
      headers: auth(token),
    });
    expect(await errorOf(bad)).toMatchObject({ status: 400, message: expect.stringMatching(/watermark/) });
  });

  it('only lets the bot post to the connector with the right key', async () => {
    const { conversationId } = await startConversation();
    const serviceUrl = web.channel.serviceUrl()!;
    const path = `/v3/conversations/${conversationId}/activities`;
    const body = JSON.stringify({ type: 'message', text: 'forged agent message' });
    const headers = { 'Content-Type': 'application/json' };
    const forged = await fetch(`${web.url}/v3/directline/connector/wrong-key${path}`, {
      method: 'POST',
      headers,
      body,
    });
    expect(forged.status).toBe(403);
    const real = await fetch(`${serviceUrl}${path}`, { method: 'POST', headers, body });
    expect(real.status).toBe(200);
    expect(((await real.json()) as { id: string }).id).toMatch(/\|\d{7}$/);
  });

  it('answers CORS preflights so the widget can run on another site', async () => {
    const res = await fetch(`${web.url}/api/directline/token`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const token = await fetch(`${web.url}/api/directline/token`, {
      method: 'POST',
      headers: { Origin: 'https://shop.example' },
    });
    expect(token.headers.get('access-control-allow-origin')).toBe('*');
  });
});
