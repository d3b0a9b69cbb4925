import { afterEach, describe, expect, it } from 'vitest';
import { handoffText, type TicketView } from '../../src/handoff/index.js';
import { AgentClient } from '../helpers/agent-client.js';
import { FakeConnector } from '../helpers/connector.js';
import { Customer } from '../helpers/customer.js';
import { addAgent, startHandoffApp, type HandoffTestApp } from '../helpers/handoff-app.js';
import { BACKENDS } from './handoff-backends.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(backend: (typeof BACKENDS)[number]) {
  const { storage } = await backend.open();
  const connector = new FakeConnector();
  await connector.start();
  const app: HandoffTestApp = await startHandoffApp(storage);
  cleanups.push(
    () => connector.stop(),
    () => app.stop(),
  );
  return { app, connector, storage };
}

const isCard = (a: { attachments?: { content?: unknown }[] }, text: RegExp) =>
  JSON.stringify(a.attachments ?? []).match(text) !== null;

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`handoff over HTTP and WebSocket (${backend.name})`, () => {
    it('escalates, queues, is accepted, relays both ways, resolves and stores CSAT', async () => {
      const { app, connector, storage } = await setup(backend);
      const creds = await addAgent(storage, 'maria', ['billing', 'orders'], { displayName: 'Maria' });
      const maria = await new AgentClient(app.url).login(creds.username, creds.password);
      await maria.connect();
      const ana = new Customer(app.url, connector.url);
      const conv = ana.conversationId;

      await ana.say('hello');
      expect(connector.texts(conv)).toContain('bot: hello');
      await ana.say('agent please');
      expect(connector.texts(conv)).toContain(handoffText('coming', 'en'));
      expect(connector.texts(conv).some((t) => /number 1 in line/.test(t))).toBe(true);
      // handoff.initiate was created but Web Chat has no contact centre: it never left the bot.
      expect(connector.to(conv, 'event')).toHaveLength(0);

      const queued = await maria.waitFor(
        (e) => e.type === 'ticket' && (e.ticket as { state: string }).state === 'queued',
      );
      const view = queued.ticket as TicketView;
      expect(view.position).toBe(1);
      expect(view.summary).toMatchObject({
        queue: 'billing',
        lang: 'en',
        channel: 'webchat',
        customer: { name: 'Ana Cruz' },
      });
      expect(view.summary.reasons).toEqual([{ code: 'explicit-request', turn: 2, score: 1 }]);
      const id = view.id;
      expect(
        (await maria.ok('GET', '/agent/api/tickets?state=queued')).tickets.map((t: { id: string }) => t.id),
      ).toEqual([id]);

      const accepted = await maria.ok('POST', `/agent/api/tickets/${id}/accept`);
      expect(accepted.ticket).toMatchObject({ state: 'assigned', assignedAgentId: maria.agent?.id });
      await connector.waitFor(() => connector.texts(conv).includes('Maria has joined the conversation.'));

      // While a person is on it the bot is silent and the agent reads along live.
      await ana.say('my order is KE-1001');
      const live = await maria.waitFor(
        (e) => e.type === 'message' && (e.message as { text?: string }).text === 'my order is KE-1001',
      );
      expect(live).toMatchObject({ ticketId: id, message: { from: 'customer' } });
      expect(connector.texts(conv)).not.toContain('bot: my order is KE-1001');
      await ana.send({ type: 'typing' });
      await maria.waitFor((e) => e.type === 'typing' && e.ticketId === id);

      const reply = '<b>Refund</b> was sent today';
      const { message } = await maria.ok('POST', `/agent/api/tickets/${id}/messages`, { text: reply });
      expect(message).toMatchObject({ from: 'agent', text: reply });
      await connector.waitFor(() => connector.texts(conv).includes(reply));
      const delivered = connector.to(conv).find((a) => a.text === reply);
      expect(delivered?.textFormat).toBe('plain');
      expect(delivered?.entities ?? []).toEqual([]);
      await maria.ok('POST', `/agent/api/tickets/${id}/typing`);
      await connector.waitFor(() => connector.to(conv, 'typing').length > 0);
      await maria.ok('POST', `/agent/api/tickets/${id}/notes`, { text: 'refund id R-77' });

      const detail = await maria.ok('GET', `/agent/api/tickets/${id}`);
      const lines = detail.transcript.map(
        (i: { from: string; text?: string }) => `${i.from}: ${i.text ?? '[card]'}`,
      );
      expect(lines).toEqual(
        expect.arrayContaining([
          'customer: hello',
          'bot: bot: hello',
          'system: Maria has joined the conversation.',
          `agent: ${reply}`,
          'customer: my order is KE-1001',
        ]),
      );
      expect(detail.transcript.find((i) => i.text === reply)?.id).toBe(message.id);
      expect(detail.notes).toMatchObject([{ text: 'refund id R-77', agentId: maria.agent?.id }]);

      const resolved = await maria.ok('POST', `/agent/api/tickets/${id}/resolve`, {
        note: 'refund confirmed',
      });
      expect(resolved.ticket).toMatchObject({ state: 'resolved', resolutionNote: 'refund confirmed' });
      await connector.waitFor(() => connector.texts(conv).includes('Maria has closed the conversation.'));
      await connector.waitFor(() => connector.to(conv).some((a) => isCard(a, /handoff\.solved/)));

      await ana.submit({ action: 'handoff.solved', ticketId: id, solved: true });
      expect(connector.to(conv).some((a) => isCard(a, /"action":"csat"/))).toBe(true);
      await ana.submit({ action: 'csat', ticketId: id, rating: 5, comment: 'fast' });
      expect(connector.texts(conv)).toContain('Thank you for your feedback!');
      expect((await storage.tickets.get(id))?.csat).toEqual({ rating: 5, comment: 'fast' });
      expect(await storage.feedback.list({ kind: 'csat' })).toMatchObject([{ rating: 5, ticketId: id }]);

      await ana.say('thanks');
      expect(connector.texts(conv)).toContain('bot: thanks');
      const from = new Date(Date.now() - 60_000).toISOString();
      const to = new Date(Date.now() + 60_000).toISOString();
      const stats = await maria.ok('GET', `/api/analytics?from=${from}&to=${to}`);
      expect(stats).toMatchObject({
        conversations: 1,
        handoffs: 1,
        handoffRate: 1,
        csat: { average: 5, count: 1 },
        reasons: { 'explicit-request': 1 },
      });
      expect(stats.timeToAcceptSeconds.p50).toBeGreaterThanOrEqual(0);
    });

    it('lets a waiting customer cancel and go back to the bot; "cancel my order" still goes to the agents', async () => {
      const { app, connector, storage } = await setup(backend);
      const creds = await addAgent(storage, 'jose', ['billing']);
      const jose = await (await new AgentClient(app.url).login(creds.username, creds.password)).connect();
      const ana = new Customer(app.url, connector.url, { locale: 'fil-PH' });
      await ana.say('agent');
      const ticket = await storage.tickets.openFor(ana.conversationId);
      await ana.say('cancel my order');
      await jose.waitFor(
        (e) => e.type === 'message' && (e.message as { text?: string }).text === 'cancel my order',
      );
      expect((await storage.tickets.get(ticket?.id ?? ''))?.state).toBe('queued');
      await ana.say('wag na po');
      expect((await storage.tickets.get(ticket?.id ?? ''))?.state).toBe('cancelled');
      expect(connector.texts(ana.conversationId).at(-1)).toBe(handoffText('cancelled', 'en'));
      await jose.waitFor((e) => e.type === 'ticket' && (e.ticket as { state: string }).state === 'cancelled');
      await ana.say('hi again');
      expect(connector.texts(ana.conversationId)).toContain('bot: hi again');
      // A customer who closes the chat while waiting has abandoned the ticket.
      await ana.say('agent');
      const again = await storage.tickets.openFor(ana.conversationId);
      await ana.send({ type: 'endOfConversation' });
      expect((await storage.tickets.get(again?.id ?? ''))?.state).toBe('abandoned');
    });

    it('offers an offline ticket when no agent is available, and keeps what the customer wrote', async () => {
      const { app, connector, storage } = await setup(backend);
      const ana = new Customer(app.url, connector.url);
      await ana.say('agent');
      expect(connector.to(ana.conversationId).some((a) => isCard(a, /handoff\.offline/))).toBe(true);
      expect(await storage.tickets.openFor(ana.conversationId)).toBeUndefined();

      await ana.submit({
        action: 'handoff.offline',
        lang: 'en',
        email: 'not-an-email',
        message: 'Refund for KE-1001 please',
      });
      expect(connector.texts(ana.conversationId).at(-1)).toBe(handoffText('contactInvalid', 'en'));
      await ana.submit({
        action: 'handoff.offline',
        lang: 'en',
        name: 'Ana',
        phone: '+63 917 555 0101',
        message: 'Refund for KE-1001 please',
        callback: 'true',
      });
      expect(connector.texts(ana.conversationId).at(-1)).toMatch(
        /^Thanks, we've got your message\. Expect an answer by /,
      );
      const [ticket] = await storage.tickets.list({ conversationId: ana.conversationId });
      expect(ticket).toMatchObject({
        state: 'offline',
        contact: {
          name: 'Ana',
          phone: '+63 917 555 0101',
          message: 'Refund for KE-1001 please',
          callback: true,
        },
      });

      const creds = await addAgent(storage, 'lea', ['general', 'billing']);
      const lea = await new AgentClient(app.url).login(creds.username, creds.password);
      const { tickets } = await lea.ok('GET', '/agent/api/tickets?state=offline');
      expect(tickets.map((t: { id: string }) => t.id)).toEqual([ticket?.id]);
      expect((await lea.call('POST', `/agent/api/tickets/${ticket?.id}/accept`)).status).toBe(409);
      expect(
        (await lea.ok('POST', `/agent/api/tickets/${ticket?.id}/resolve`, { note: 'called back' })).ticket
          .state,
      ).toBe('resolved');
    });

    it('returns an assigned conversation to the queue when the agent disconnects, after the grace period', async () => {
      const { app, connector, storage } = await setup(backend);
      const m = await addAgent(storage, 'maria', ['billing'], { displayName: 'Maria' });
      const j = await addAgent(storage, 'jose', ['billing'], { displayName: 'Jose' });
      const maria = await (await new AgentClient(app.url).login(m.username, m.password)).connect();
      const jose = await (await new AgentClient(app.url).login(j.username, j.password)).connect('away');
      const ana = new Customer(app.url, connector.url);
      await ana.say('agent');
      const id = (await storage.tickets.openFor(ana.conversationId))?.id ?? '';
      await maria.ok('POST', `/agent/api/tickets/${id}/accept`);
      const closedAt = Date.now();
      await maria.disconnect();
      await connector.waitFor(
        () => connector.texts(ana.conversationId).some((t) => t.startsWith('Maria had to leave')),
        5000,
      );
      expect(Date.now() - closedAt).toBeGreaterThanOrEqual(900);
      expect(await storage.tickets.get(id)).toMatchObject({ state: 'queued' });
      await jose.waitFor(
        (e) =>
          e.type === 'ticket' &&
          (e.ticket as { id: string; state: string }).state === 'queued' &&
          (e.ticket as { id: string }).id === id,
      );
      await jose.waitFor(
        (e) =>
          e.type === 'presence' &&
          e.agentId === maria.agent?.id &&
          (e.presence as { status: string }).status === 'offline',
      );
    });

    it('lets exactly one of two agents accepting at once win', async () => {
      const { app, connector, storage } = await setup(backend);
      const agents = await Promise.all(
        ['maria', 'jose'].map(async (u) => {
          const c = await addAgent(storage, u, ['billing']);
          return (await new AgentClient(app.url).login(c.username, c.password)).connect();
        }),
      );
      const ana = new Customer(app.url, connector.url);
      await ana.say('agent');
      const id = (await storage.tickets.openFor(ana.conversationId))?.id ?? '';
      const results = await Promise.all(agents.map((a) => a.call('POST', `/agent/api/tickets/${id}/accept`)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'CONFLICT' } });
      await connector.waitFor(
        () =>
          connector.texts(ana.conversationId).filter((t) => t.endsWith('has joined the conversation.'))
            .length === 1,
      );
    });

    it('refuses the console without a session, without CSRF, and after 5 failed logins', async () => {
      const { app, storage } = await setup(backend);
      const c = await addAgent(storage, 'maria', ['billing']);
      const anon = new AgentClient(app.url);
      expect((await anon.call('GET', '/agent/api/me')).status).toBe(401);
      expect((await anon.call('GET', '/api/analytics')).status).toBe(401);
      const maria = await new AgentClient(app.url).login(c.username, c.password);
      const me = await maria.ok('GET', '/agent/api/me');
      expect(me).toMatchObject({
        agent: { username: 'maria', role: 'agent', queues: ['billing'] },
        csrfToken: maria.csrf,
      });
      const noCsrf = await fetch(`${app.url}/agent/api/presence`, {
        method: 'PUT',
        headers: { cookie: maria.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'available' }),
      });
      expect(noCsrf.status).toBe(403);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (await anon.call('POST', '/agent/api/login', { username: 'maria', password: 'wrong password' }))
            .status,
        );
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await maria.ok('POST', '/agent/api/logout')).ok).toBe(true);
      expect((await maria.call('GET', '/agent/api/me')).status).toBe(401);
      const ws = new AgentClient(app.url);
      const closed = new Promise<number>((resolve) => {
        void import('ws').then(({ default: WebSocket }) => {
          new WebSocket(`${app.url.replace('http', 'ws')}/agent/ws`).once('close', (code) => resolve(code));
        });
      });
      expect(await closed).toBe(4401);
      void ws;
    });
  });
}
