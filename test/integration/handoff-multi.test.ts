import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPostgresBundle } from '../../src/storage/index.js';
import { AgentClient } from '../helpers/agent-client.js';
import { FakeConnector } from '../helpers/connector.js';
import { Customer } from '../helpers/customer.js';
import { addAgent, FAST, startHandoffApp } from '../helpers/handoff-app.js';
import { createTempDatabase, postgresAvailable, type TempDatabase } from '../helpers/postgres.js';

const cleanups: (() => Promise<void>)[] = [];
const databases: TempDatabase[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

/** Two Tulay instances on one fresh PostgreSQL database, and a fake connector for their replies. */
async function twoInstances() {
  const db = await createTempDatabase();
  databases.push(db);
  const connector = new FakeConnector();
  await connector.start();
  const a = await startHandoffApp(await openPostgresBundle(db.url), FAST);
  const b = await startHandoffApp(await openPostgresBundle(db.url), FAST);
  cleanups.push(
    () => connector.stop(),
    () => a.stop(),
    () => b.stop(),
  );
  return { connector, a, b };
}

describe.skipIf(!postgresAvailable)('two Tulay instances sharing PostgreSQL (LISTEN/NOTIFY)', () => {
  it('shows an agent on A what a customer writes at B, and relays the reply through A', async () => {
    const { connector, a, b } = await twoInstances();
    expect(a.handoff.internals.deps.bus.kind).toBe('postgres');

    const creds = await addAgent(a.storage, 'maria', ['billing'], { displayName: 'Maria' });
    const maria = await (await new AgentClient(a.url).login(creds.username, creds.password)).connect();
    // The customer's turns arrive at B (a load balancer's choice); B sees Maria available via the database.
    const ana = new Customer(b.url, connector.url);
    await ana.say('agent');
    const queued = await maria.waitFor(
      (e) =>
        e.type === 'ticket' && (e.ticket as { conversationId: string }).conversationId === ana.conversationId,
    );
    const id = (queued.ticket as { id: string }).id;
    await maria.ok('POST', `/agent/api/tickets/${id}/accept`);
    await connector.waitFor(() =>
      connector.texts(ana.conversationId).includes('Maria has joined the conversation.'),
    );

    await ana.say('it was charged twice');
    await maria.waitFor(
      (e) => e.type === 'message' && (e.message as { text?: string }).text === 'it was charged twice',
    );
    // Over 8000 bytes does not fit a NOTIFY payload: stored, and the id is notified instead.
    const long = `receipt: ${'x'.repeat(9000)}`;
    await ana.say(long);
    await maria.waitFor((e) => e.type === 'message' && (e.message as { text?: string }).text === long);
    await ana.send({ type: 'typing' });
    await maria.waitFor((e) => e.type === 'typing' && e.ticketId === id);

    await maria.ok('POST', `/agent/api/tickets/${id}/messages`, {
      text: 'I see two charges; refunding one.',
    });
    await connector.waitFor(() =>
      connector.texts(ana.conversationId).includes('I see two charges; refunding one.'),
    );
    // Whoever asks, either instance answers from the same store.
    const viaB = Object.assign(new AgentClient(b.url), { cookie: maria.cookie, csrf: maria.csrf });
    const detail = await viaB.ok('GET', `/agent/api/tickets/${id}`);
    expect(detail.transcript.map((i: { from: string }) => i.from)).toEqual(
      expect.arrayContaining(['customer', 'system', 'agent']),
    );
    expect(connector.texts(ana.conversationId)).not.toContain('bot: it was charged twice');
  });

  it('lets exactly one of two agents on different instances win the same ticket', async () => {
    const { connector, a, b } = await twoInstances();
    const m = await addAgent(a.storage, 'maria', ['billing']);
    const j = await addAgent(a.storage, 'jose', ['billing']);
    const onA = await (await new AgentClient(a.url).login(m.username, m.password)).connect();
    const onB = await (await new AgentClient(b.url).login(j.username, j.password)).connect();
    const ana = new Customer(a.url, connector.url);
    await ana.say('agent');
    const id = (await a.storage.tickets.openFor(ana.conversationId))?.id ?? '';
    const results = await Promise.all(
      [onA, onB].map((agent) => agent.call('POST', `/agent/api/tickets/${id}/accept`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
