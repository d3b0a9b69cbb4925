import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteBundle } from '../../src/storage/index.js';
import { AgentClient } from '../helpers/agent-client.js';
import { FakeConnector } from '../helpers/connector.js';
import { Customer } from '../helpers/customer.js';
import { addAgent, FAST, startHandoffApp } from '../helpers/handoff-app.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start() {
  const storage = openSqliteBundle(':memory:');
  const connector = new FakeConnector();
  await connector.start();
  // msteams is listed on purpose: Teams answers 400 to handoff.initiate, so it is never sent there.
  const app = await startHandoffApp(storage, { ...FAST, protocolChannels: ['directline', 'msteams'] });
  cleanups.push(
    () => connector.stop(),
    () => app.stop(),
  );
  const c = await addAgent(storage, 'maria', ['*']);
  await (await new AgentClient(app.url).login(c.username, c.password)).connect();
  return { app, connector, storage };
}

describe('Bot Framework handoff protocol', () => {
  it('sends handoff.initiate with the transcript where configured, never to Teams', async () => {
    const { app, connector, storage } = await start();
    const dl = new Customer(app.url, connector.url, { channelId: 'directline' });
    await dl.say('my refund is late');
    await dl.say('agent');
    const [initiate] = connector.to(dl.conversationId, 'event');
    expect(initiate).toMatchObject({
      name: 'handoff.initiate',
      value: { queue: 'billing', priority: 'normal' },
    });
    const transcript = initiate?.attachments?.[0];
    expect(transcript).toMatchObject({ contentType: 'application/json', name: 'Transcript' });
    expect(
      (transcript?.content as { activities: { text?: string }[] }).activities.map((a) => a.text),
    ).toEqual(['my refund is late', 'bot: my refund is late', 'agent']);

    const teams = new Customer(app.url, connector.url, { channelId: 'msteams', name: 'juan' });
    await teams.say('agent');
    expect(connector.to(teams.conversationId, 'event')).toHaveLength(0);
    // Teams employees are identified by their directory name and email.
    expect((await storage.tickets.openFor(teams.conversationId))?.summary.customer).toMatchObject({
      name: 'Juan Dela Cruz',
      email: 'juan@kidlat.example',
    });
  });

  it('follows handoff.status from a contact centre: accepted, then completed', async () => {
    const { app, connector, storage } = await start();
    const dl = new Customer(app.url, connector.url, { channelId: 'directline' });
    await dl.say('agent');
    const id = (await storage.tickets.openFor(dl.conversationId))?.id ?? '';
    await dl.send({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });
    expect(await storage.tickets.get(id)).toMatchObject({
      state: 'assigned',
      assignedAgentId: 'external:directline',
    });
    // The external centre's agent is not a console: no disconnect requeue for it.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await storage.tickets.get(id))?.state).toBe('assigned');
    await dl.send({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    expect((await storage.tickets.get(id))?.state).toBe('resolved');
    expect(JSON.stringify(connector.to(dl.conversationId).at(-1)?.attachments)).toContain('handoff.solved');
  });

  it('offers a message when the contact centre fails, keeping the ticket queued', async () => {
    const { app, connector, storage } = await start();
    const dl = new Customer(app.url, connector.url, { channelId: 'directline' });
    await dl.say('agent');
    await dl.send({
      type: 'event',
      name: 'handoff.status',
      value: { state: 'failed', message: 'no capacity' },
    });
    expect((await storage.tickets.openFor(dl.conversationId))?.state).toBe('queued');
    expect(JSON.stringify(connector.to(dl.conversationId).at(-1)?.attachments)).toContain('handoff.offline');
  });
});
