import { describe, expect, it } from 'vitest';
import { addAgent, changePassword, listAgents, removeAgent } from '../../../src/handoff/agents/commands.js';
import { hashPassword, randomPassword, verifyPassword } from '../../../src/handoff/agents/password.js';
import { LoginLimiter } from '../../../src/handoff/console/rate-limit.js';
import { outgoingHandler } from '../../../src/handoff/middleware/index.js';
import { HANDOFF_ENTITY } from '../../../src/handoff/relay/index.js';
import { signWebhook, verifyWebhookSignature } from '../../../src/handoff/index.js';
import { openSqliteBundle } from '../../../src/storage/index.js';
import type { Activity, TurnContext } from 'botbuilder';

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies in constant time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(randomPassword()).toMatch(/^[a-zA-Z]{20}$/);
  });
});

describe('agents CLI commands', () => {
  it('adds, lists, changes passwords and removes agents', async () => {
    const { agents } = openSqliteBundle(':memory:');
    await expect(
      addAgent(agents, {
        username: 'maria',
        name: 'Maria',
        queues: ['billing'],
        role: 'agent',
        password: 'short',
      }),
    ).rejects.toThrow(/at least 10/);
    await expect(
      addAgent(agents, {
        username: 'maria',
        name: 'Maria',
        queues: [],
        role: 'agent',
        password: 'long enough pw',
      }),
    ).rejects.toThrow(/--queues/);
    await expect(
      addAgent(agents, {
        username: 'maria',
        name: 'Maria',
        queues: ['x'],
        role: 'boss',
        password: 'long enough pw',
      }),
    ).rejects.toThrow(/--role/);
    expect(
      await addAgent(agents, {
        username: 'maria',
        name: 'Maria Santos',
        queues: ['billing', 'orders'],
        role: 'admin',
        password: 'long enough pw',
      }),
    ).toMatch(/added maria/);
    expect(await listAgents(agents)).toMatch(/maria\s+admin\s+Maria Santos\s+billing,orders/);
    expect(await changePassword(agents, 'maria', 'another long pw')).toMatch(/changed/);
    expect(
      await verifyPassword('another long pw', (await agents.findByUsername('maria'))?.passwordHash ?? ''),
    ).toBe(true);
    expect(await removeAgent(agents, 'maria')).toMatch(/removed/);
    await expect(removeAgent(agents, 'maria')).rejects.toThrow(/no agent/);
  });
});

describe('login limiter', () => {
  it('blocks after 5 failures in a minute per key and forgets after the window', () => {
    let now = 0;
    const limiter = new LoginLimiter(5, 60_000, () => now);
    for (let i = 0; i < 5; i++) limiter.fail('ip|maria');
    expect(limiter.retryAfter('ip|maria')).toBe(60);
    expect(limiter.retryAfter('ip|jose')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter('ip|maria')).toBe(0);
  });
});

describe('webhook signatures', () => {
  it('sign the timestamp with the body and reject old or altered payloads', () => {
    const now = 1_700_000_000_000;
    const header = signWebhook('s3cret-s3cret-s3cret', '{"a":1}', now / 1000);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', '{"a":1}', header, now)).toBe(true);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', '{"a":2}', header, now)).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', '{"a":1}', header, now + 301_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', '{"a":1}', 'garbage', now)).toBe(false);
  });
});

describe('outgoing handler', () => {
  const context = (channelId: string) => ({ activity: { channelId } }) as unknown as TurnContext;
  const initiate = () => ({ type: 'event', name: 'handoff.initiate' }) as Partial<Activity>;

  it('drops handoff.initiate for Teams and unconfigured channels, keeps it where configured', async () => {
    const handler = outgoingHandler(['directline', 'msteams']);
    for (const [channel, expected] of [
      ['msteams', 0],
      ['webchat', 0],
      ['directline', 1],
    ] as const) {
      const sent: Partial<Activity>[][] = [];
      const activities = [initiate()];
      await handler(context(channel), activities, () => {
        sent.push([...activities]);
        return Promise.resolve([]);
      });
      expect(sent.flat().length, channel).toBe(expected);
    }
  });

  it('takes the handoff marker off what is sent and puts it back for the transcript', async () => {
    const marker = { type: HANDOFF_ENTITY, role: 'agent', ticketId: 't', itemId: 'i' };
    const mention = { type: 'mention' };
    const activities: Partial<Activity>[] = [{ type: 'message', text: 'hi', entities: [marker, mention] }];
    let onWire: unknown;
    await outgoingHandler([])(context('webchat'), activities, () => {
      onWire = JSON.parse(JSON.stringify(activities));
      return Promise.resolve([]);
    });
    expect(onWire).toEqual([{ type: 'message', text: 'hi', entities: [mention] }]);
    expect(activities[0]?.entities).toEqual([marker, mention]);
  });
});
