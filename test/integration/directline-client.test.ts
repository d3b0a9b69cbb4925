import path from 'node:path';
import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteBundle } from '../../src/storage/index.js';
import type { CardBot } from '../helpers/card-bot.js';
import { ConnectionStatus, connect, post, texts } from '../helpers/directline-client.js';
import { startWebServer, tempDir, type WebServer } from '../helpers/web-server.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(env: Record<string, string> = {}, dataDir = tempDir()) {
  const storage = openSqliteBundle(path.join(dataDir, 'tulay.db'));
  const web = await startWebServer({ storage, dataDir, env });
  cleanups.push(
    () => storage.close(),
    () => web.stop(),
  );
  return { storage, web, dataDir };
}

async function getToken(web: WebServer): Promise<{ token: string; conversationId: string; domain: string }> {
  const res = await fetch(`${web.url}/api/directline/token`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; conversationId: string; domain: string };
}

function client(options: Parameters<typeof connect>[0]) {
  const c = connect(options);
  cleanups.push(() => c.end());
  return c;
}

describe.each([
  { transport: 'WebSocket', webSocket: true },
  { transport: 'polling', webSocket: false },
])('DirectLineJS over $transport', ({ webSocket }) => {
  it('starts a conversation, echoes the post with its clientActivityID, and gets the reply card', async () => {
    const { web } = await setup();
    const { token, domain, conversationId } = await getToken(web);
    expect(domain).toBe(`${web.url}/v3/directline`);
    const c = client({
      token,
      domain,
      webSocket,
      pollingInterval: 200,
      conversationStartProperties: { locale: 'fil-PH' },
    });
    await expect
      .poll(() => texts(c.received), { timeout: 10_000 })
      .toContain('Welcome to Kidlat Electronics! [fil-PH]');

    const id = await post(c.dl, {
      type: 'message',
      text: 'What are your opening hours?',
      locale: 'fil-PH',
      channelData: { clientActivityID: 'client-1' },
    });
    expect(id).toMatch(new RegExp(`^${conversationId.replace(/[-_]/g, '\\$&')}\\|\\d{7}$`));
    await expect.poll(() => c.received.some((a) => a.id === id), { timeout: 10_000 }).toBe(true);
    const echo = c.received.find((a) => a.id === id) as unknown as Activity;
    expect(echo.channelData).toMatchObject({ clientActivityID: 'client-1' });
    expect(echo.from).toMatchObject({ role: 'user' });
    expect(echo.from.id).toMatch(/^dl_/);
    expect(echo).not.toHaveProperty('serviceUrl');

    await expect
      .poll(() => c.received.find((a) => (a as Activity).attachments?.length), { timeout: 10_000 })
      .toBeTruthy();
    expect(texts(c.received)).toContain('You asked: What are your opening hours? [fil-PH]');
    const card = c.received.find((a) => (a as Activity).attachments?.length) as unknown as Activity;
    expect(card.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.from).toMatchObject({ role: 'bot', name: 'Tulay' });

    // What Web Chat sends for an Action.Submit: a message whose value is the action's data.
    await post(c.dl, { type: 'message', value: { feedback: 'up' }, channelData: { postBack: true } });
    await expect.poll(() => texts(c.received), { timeout: 10_000 }).toContain('Thanks for your feedback: up');
    expect(c.statuses).toContain(ConnectionStatus.Online);
    expect(web.channel.openStreams()).toBe(webSocket ? 1 : 0);
  });
});

describe('DirectLineJS: reconnect, restart, refresh, proactive', () => {
  it('resumes after a server restart on the same SQLite file, from the watermark', async () => {
    const dataDir = tempDir();
    const first = await setup({}, dataDir);
    const { token, conversationId, domain } = await getToken(first.web);
    const c1 = client({ token, domain, webSocket: true });
    await post(c1.dl, { type: 'message', text: 'before restart' });
    await expect
      .poll(() => texts(c1.received), { timeout: 10_000 })
      .toContain('You asked: before restart [no locale]');
    await expect.poll(() => c1.received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    // DirectLineJS keeps its watermark private; Web Chat apps persist it the same way to resume.
    const watermark = (c1.dl as unknown as { watermark: string }).watermark;
    expect(watermark).toMatch(/^\d+$/);
    c1.end();
    await first.web.stop();
    await first.storage.close();

    // Same data dir: the generated token secret was persisted, so the old token still verifies.
    const second = await setup({}, dataDir);
    const domain2 = `${second.web.url}/v3/directline`;
    const resumed = client({ token, domain: domain2, conversationId, watermark, webSocket: true });
    await post(resumed.dl, { type: 'message', text: 'after restart' });
    await expect
      .poll(() => texts(resumed.received), { timeout: 10_000 })
      .toContain('You asked: after restart [no locale]');
    expect(texts(resumed.received)).not.toContain('before restart');

    const polling = client({
      token,
      domain: domain2,
      conversationId,
      webSocket: false,
      pollingInterval: 200,
    });
    await expect.poll(() => texts(polling.received), { timeout: 10_000 }).toContain('before restart');
    expect(texts(polling.received)).toContain('after restart');
  });

  it('refreshes a token; the new one works for the same conversation', async () => {
    const { web } = await setup();
    const { token, conversationId, domain } = await getToken(web);
    const c = client({ token, domain, webSocket: false, pollingInterval: 200 });
    await post(c.dl, { type: 'message', text: 'hi' });
    const res = await fetch(`${domain}/tokens/refresh`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as { token: string; conversationId: string; expires_in: number };
    expect(refreshed).toMatchObject({ conversationId, expires_in: 1800 });
    const again = client({ token: refreshed.token, domain, conversationId, webSocket: true });
    await expect.poll(() => texts(again.received), { timeout: 10_000 }).toContain('hi');
  });

  it('works when MicrosoftAppId is set: replies reach the customer without an AAD round trip', async () => {
    const { web } = await setup({ MicrosoftAppId: 'test-app-id', MicrosoftAppPassword: 'not-used' });
    const { token, domain } = await getToken(web);
    const c = client({ token, domain, webSocket: true });
    await post(c.dl, { type: 'message', text: 'with app id' });
    await expect
      .poll(() => texts(c.received), { timeout: 10_000 })
      .toContain('You asked: with app id [no locale]');
    expect(c.received.find((a) => (a as { text?: string }).text?.startsWith('You asked'))?.from.id).toBe(
      'test-app-id',
    );
  });

  it('delivers a proactive message sent with continueConversationAsync (as the handoff does)', async () => {
    const { web } = await setup();
    const { token, domain, conversationId } = await getToken(web);
    const c = client({ token, domain, webSocket: true });
    await post(c.dl, { type: 'message', text: 'I want a person' });
    await expect
      .poll(() => (web.bot as CardBot).references.has(conversationId), { timeout: 10_000 })
      .toBe(true);
    const reference = (web.bot as CardBot).references.get(conversationId)!;
    expect(reference.serviceUrl).toBe(web.channel.serviceUrl());
    await web.adapter.continueConversationAsync('', reference, async (ctx) => {
      await ctx.sendActivity('Agent Maria joined the chat.');
    });
    await expect.poll(() => texts(c.received), { timeout: 10_000 }).toContain('Agent Maria joined the chat.');
  });
});
