import { ActivityHandler } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postActivity, startApp, type RunningApp } from '../helpers/app.js';

describe('HTTP server (anonymous, SQLite)', () => {
  let t: RunningApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.stop());

  it('serves /healthz, /readyz and /metrics', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    await postActivity(t.url, messageActivity('hello'));
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/tulay_turns_total\{channel="test"\} [1-9]/);
    expect(metrics).toContain('tulay_turn_duration_seconds_bucket');
  });

  it('replies to a message with expectReplies and records the transcript', async () => {
    const activity = messageActivity('Where is my order?');
    const { status, body } = await postActivity(t.url, activity);
    expect(status).toBe(200);
    expect(body.activities?.length).toBeGreaterThan(0);
    expect(body.activities?.some((a) => a.type === 'message')).toBe(true);
    const conversationId = (activity.conversation as { id: string }).id;
    const entries = await t.app.storage.transcripts.list(conversationId);
    expect(entries[0]).toMatchObject({ direction: 'in', activity: { text: 'Where is my order?' } });
    expect(entries.some((e) => e.direction === 'out')).toBe(true);
  });

  it('welcomes a new member', async () => {
    const { body } = await postActivity(
      t.url,
      messageActivity('', {
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: 'user-1' }, { id: 'tulay' }],
      }),
    );
    expect(body.activities).toHaveLength(1);
    expect(body.activities?.[0]?.text).toMatch(/Tulay/);
  });

  it.each([
    ['invalid JSON', '{"type":', 400, /Invalid JSON/],
    ['an array', '[]', 400, /JSON activity object/],
    ['no type', JSON.stringify({ conversation: { id: 'c' }, serviceUrl: 'http://x' }), 400, /activity.type/],
    ['no conversation', JSON.stringify({ type: 'message', serviceUrl: 'http://x' }), 400, /conversation.id/],
    ['no serviceUrl', JSON.stringify({ type: 'message', conversation: { id: 'c' } }), 400, /serviceUrl/],
    [
      'text not a string',
      JSON.stringify({ ...messageActivity('x'), text: 42 }),
      400,
      /text must be a string/,
    ],
  ])('answers %s with a clear 4xx', async (_name, body, status, message) => {
    const res = await postActivity(t.url, body);
    expect(res.status).toBe(status);
    expect(res.body.error?.message).toMatch(message);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await postActivity(t.url, messageActivity('x'.repeat(300 * 1024)));
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(res.status).toBe(415);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});

describe('HTTP server with MicrosoftAppId', () => {
  it('rejects an unsigned request with 401', async () => {
    const t = await startApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
    });
    try {
      const res = await postActivity(t.url, messageActivity('hello'));
      expect(res.status).toBe(401);
      const forged = await postActivity(t.url, messageActivity('hello'), {
        authorization: 'Bearer not.a.jwt',
      });
      expect(forged.status).toBe(401);
    } finally {
      await t.stop();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a turn in flight, then closes storage', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowBot = new ActivityHandler();
    slowBot.onMessage(async (context, next) => {
      await gate;
      await context.sendActivity('done');
      await next();
    });
    const t = await startApp({}, { bot: () => slowBot });
    const pending = postActivity(t.url, messageActivity('slow'));
    await new Promise((r) => setTimeout(r, 100));
    const stopped = t.stop();
    setTimeout(release, 100);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body.activities?.[0]?.text).toBe('done');
    await stopped;
    await expect(t.app.storage.ping()).rejects.toThrow();
  });
});
