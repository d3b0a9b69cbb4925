import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresBundle, type PostgresBundle } from '../../src/storage/index.js';
import type { CardBot } from '../helpers/card-bot.js';
import { connect, post, texts } from '../helpers/directline-client.js';
import { createTempDatabase, postgresAvailable, type TempDatabase } from '../helpers/postgres.js';
import { startWebServer, tempDir, type WebServer } from '../helpers/web-server.js';

const SECRET = 'shared-token-secret-for-every-instance-0123456789';
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** Two Tulay instances on one PostgreSQL database, sharing the token secret as production would. */
async function twoInstances(): Promise<{ a: WebServer; b: WebServer; storageA: PostgresBundle }> {
  const db: TempDatabase = await createTempDatabase('tulay_dl2');
  cleanups.push(() => db.drop());
  const storageA = await openPostgresBundle(db.url);
  const storageB = await openPostgresBundle(db.url);
  cleanups.push(
    () => storageA.close(),
    () => storageB.close(),
  );
  const a = await startWebServer({ storage: storageA, dataDir: tempDir(), options: { tokenSecret: SECRET } });
  const b = await startWebServer({ storage: storageB, dataDir: tempDir(), options: { tokenSecret: SECRET } });
  cleanups.push(
    () => a.stop(),
    () => b.stop(),
  );
  return { a, b, storageA };
}

describe.skipIf(!postgresAvailable)('local Direct Line on PostgreSQL with two instances', () => {
  it.each([
    { transport: 'WebSocket', webSocket: true },
    { transport: 'polling', webSocket: false },
  ])(
    'a client on instance A ($transport) receives an agent message sent through instance B',
    async ({ webSocket }) => {
      const { a, b } = await twoInstances();
      const { token, domain, conversationId } = (await (
        await fetch(`${a.url}/api/directline/token`, { method: 'POST' })
      ).json()) as { token: string; domain: string; conversationId: string };
      const c = connect({ token, domain, webSocket, pollingInterval: 200 });
      cleanups.push(() => c.end());
      await post(c.dl, { type: 'message', text: 'I need an agent' });
      await expect
        .poll(() => texts(c.received), { timeout: 10_000 })
        .toContain('You asked: I need an agent [no locale]');
      if (webSocket) expect(a.channel.openStreams()).toBe(1);

      // The handoff on instance B replies through B's connector (e.g. behind a load balancer):
      // B stores the message and NOTIFYs; A's socket wakes up.
      const reference = (a.bot as CardBot).references.get(conversationId)!;
      await b.adapter.continueConversationAsync(
        '',
        { ...reference, serviceUrl: b.channel.serviceUrl() },
        async (ctx) => {
          await ctx.sendActivity('Agent Jose from instance B: how can I help?');
        },
      );
      await expect
        .poll(() => texts(c.received), { timeout: 10_000 })
        .toContain('Agent Jose from instance B: how can I help?');
      expect(b.channel.openStreams()).toBe(0);
    },
  );

  it('a token issued by instance A works on instance B, history included', async () => {
    const { a, b } = await twoInstances();
    const { token, conversationId } = (await (
      await fetch(`${a.url}/api/directline/token`, { method: 'POST' })
    ).json()) as { token: string; conversationId: string };
    const onA = connect({ token, domain: `${a.url}/v3/directline`, webSocket: true });
    cleanups.push(() => onA.end());
    await post(onA.dl, { type: 'message', text: 'asked on A' });
    await expect
      .poll(() => texts(onA.received), { timeout: 10_000 })
      .toContain('You asked: asked on A [no locale]');
    const onB = connect({ token, conversationId, domain: `${b.url}/v3/directline`, webSocket: true });
    cleanups.push(() => onB.end());
    await expect.poll(() => texts(onB.received), { timeout: 10_000 }).toContain('asked on A');
  });
});
