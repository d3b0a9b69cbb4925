import { afterEach, describe, expect, it } from 'vitest';
import { handoffText } from '../../src/handoff/index.js';
import { openSqliteBundle } from '../../src/storage/index.js';
import { AgentClient } from '../helpers/agent-client.js';
import { FakeConnector } from '../helpers/connector.js';
import { Customer } from '../helpers/customer.js';
import { addAgent, eventually, FAST, startHandoffApp, submitData } from '../helpers/handoff-app.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(options = FAST, now?: () => Date) {
  const storage = openSqliteBundle(':memory:');
  const connector = new FakeConnector();
  await connector.start();
  const app = await startHandoffApp(storage, options, now ? { clock: { now } } : {});
  cleanups.push(
    () => connector.stop(),
    () => app.stop(),
  );
  return { app, connector, storage };
}

describe('handoff availability', () => {
  it('offers a message ticket with the next opening when the queue is closed', async () => {
    // Monday 20:00 in Manila; billing works 09:00–18:00 on weekdays.
    const now = () => new Date('2025-03-03T12:00:00Z');
    const hours = {
      timeZone: 'Asia/Manila',
      week: {
        mon: ['09:00-18:00'],
        tue: ['09:00-18:00'],
        wed: ['09:00-18:00'],
        thu: ['09:00-18:00'],
        fri: ['09:00-18:00'],
      },
    };
    const { app, connector, storage } = await start(
      { ...FAST, businessHours: { queues: { billing: hours } } },
      now,
    );
    const c = await addAgent(storage, 'maria', ['billing']);
    await (await new AgentClient(app.url).login(c.username, c.password)).connect();
    const ana = new Customer(app.url, connector.url);
    await ana.say('agent');
    const offer = JSON.stringify(connector.to(ana.conversationId).at(-1)?.attachments);
    expect(offer).toContain('Our team is closed right now and opens again on Tue, Mar 4, 9:00 AM GMT+8.');
    expect(await storage.tickets.openFor(ana.conversationId)).toBeUndefined();
    await ana.submit({
      ...submitData(connector.to(ana.conversationId).at(-1), 'handoff.offline'),
      email: 'ana@example.com',
      message: 'please call',
    });
    // 24 opening hours from Monday night: Tuesday to Thursday 09:00–18:00 → Thursday 15:00.
    expect(connector.texts(ana.conversationId).at(-1)).toBe(
      "Thanks, we've got your message. Expect an answer by Thu, Mar 6, 3:00 PM GMT+8.",
    );
  });

  it('tells a customer waiting too long that they may leave a message instead, once', async () => {
    const { app, connector, storage } = await start({ ...FAST, maxWaitMinutes: 0.01 });
    const c = await addAgent(storage, 'maria', ['billing']);
    await (await new AgentClient(app.url).login(c.username, c.password)).connect();
    const ana = new Customer(app.url, connector.url);
    await ana.say('agent');
    await connector.waitFor(() =>
      connector
        .to(ana.conversationId)
        .some((a) => JSON.stringify(a.attachments ?? []).includes(handoffText('waitingTooLong', 'en'))),
    );
    await new Promise((r) => setTimeout(r, 600));
    const offers = connector
      .to(ana.conversationId)
      .filter(
        (a) =>
          JSON.stringify(a.attachments ?? []).includes('waitingTooLong') ||
          JSON.stringify(a.attachments ?? []).includes('Sorry for the wait'),
      );
    expect(offers).toHaveLength(1);
    const ticket = await storage.tickets.openFor(ana.conversationId);
    await ana.submit({
      action: 'handoff.offline',
      ticketId: ticket?.id,
      email: 'ana@example.com',
      message: 'call me',
    });
    expect(await storage.tickets.get(ticket?.id ?? '')).toMatchObject({
      state: 'offline',
      contact: { email: 'ana@example.com', message: 'call me' },
    });
  });

  it('sets an idle agent away and then nobody can be promised', async () => {
    const { app, connector, storage } = await start({ ...FAST, agentIdleMinutes: 0.01 });
    const c = await addAgent(storage, 'maria', ['billing']);
    const maria = await (await new AgentClient(app.url).login(c.username, c.password)).connect();
    const presence = () =>
      maria.events
        .filter((e) => e.type === 'presence' && e.agentId === maria.agent?.id)
        .map((e) => (e.presence as { status: string }).status);
    const wentAway = () =>
      presence().includes('available') && presence().lastIndexOf('away') > presence().indexOf('available');
    await eventually(() => wentAway() || undefined, 5000, 'away');
    expect((await maria.ok('GET', '/agent/api/me')).presence.status).toBe('away');
    const ana = new Customer(app.url, connector.url);
    await ana.say('agent');
    expect(JSON.stringify(connector.to(ana.conversationId).at(-1)?.attachments)).toContain(
      handoffText('offlineNoAgents', 'en'),
    );
  });

  it('tells waiting customers when they move up the queue', async () => {
    const { app, connector, storage } = await start();
    const c = await addAgent(storage, 'maria', ['billing'], { displayName: 'Maria' });
    const maria = await (await new AgentClient(app.url).login(c.username, c.password)).connect();
    const first = new Customer(app.url, connector.url);
    const second = new Customer(app.url, connector.url);
    await first.say('agent');
    await second.say('agent');
    expect(connector.texts(second.conversationId).some((t) => /number 2 in line/.test(t))).toBe(true);
    const id = (await storage.tickets.openFor(first.conversationId))?.id ?? '';
    await maria.ok('POST', `/agent/api/tickets/${id}/accept`);
    await eventually(
      () => connector.texts(second.conversationId).find((t) => /now number 1 in line/.test(t)),
      3000,
      'position update',
    );
    // An urgent ticket goes first; the customer it overtakes is not bothered with "now number 2".
    const urgent = new Customer(app.url, connector.url);
    await urgent.say('agent urgent');
    const view = (await maria.ok('GET', '/agent/api/tickets?state=queued')).tickets;
    expect(view.map((t) => [t.priority, t.position])).toEqual([
      ['urgent', 1],
      ['normal', 2],
    ]);
    expect(connector.texts(second.conversationId).filter((t) => /now number/.test(t))).toHaveLength(1);
  });
});
