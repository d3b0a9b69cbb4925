import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/handoff/index.js';
import { WebhookSender } from '../../src/handoff/protocol/index.js';
import { openSqliteBundle } from '../../src/storage/index.js';
import { AgentClient } from '../helpers/agent-client.js';
import { FakeConnector } from '../helpers/connector.js';
import { Customer } from '../helpers/customer.js';
import { addAgent, eventually, FAST, silentLogger, startHandoffApp } from '../helpers/handoff-app.js';

const HOOK = 'https://hooks.example.test';
const SECRET = 'webhook-secret-0123456789';
const webhook = { url: `${HOOK}/tulay/tickets`, secret: SECRET, initialDelayMs: 20, maxAttempts: 4 };

interface Delivery {
  headers: Record<string, string>;
  body: string;
}

const cleanups: (() => Promise<void>)[] = [];
beforeEach(() => {
  // Only the webhook host is faked; the app, the connector and the agents use the real network.
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  nock.cleanAll();
});

function record(deliveries: Delivery[]) {
  return function (this: { req: { headers: Record<string, string> } }, _uri: string, body: unknown) {
    deliveries.push({
      headers: this.req.headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
}

describe('handoff webhook', () => {
  it('posts new and changed tickets, signed, retrying a failing receiver with backoff', async () => {
    const deliveries: Delivery[] = [];
    const scope = nock(HOOK)
      .post('/tulay/tickets')
      .reply(503, record(deliveries))
      .post('/tulay/tickets')
      .reply(500, record(deliveries))
      .post('/tulay/tickets')
      .reply(200, record(deliveries))
      .post('/tulay/tickets')
      .reply(204, record(deliveries));
    const storage = openSqliteBundle(':memory:');
    const connector = new FakeConnector();
    await connector.start();
    const app = await startHandoffApp(storage, { ...FAST, webhook });
    cleanups.push(
      () => connector.stop(),
      () => app.stop(),
    );
    const c = await addAgent(storage, 'maria', ['billing']);
    const maria = await (await new AgentClient(app.url).login(c.username, c.password)).connect();
    const ana = new Customer(app.url, connector.url);
    await ana.say('hello');
    await ana.say('agent');
    await eventually(() => deliveries.length >= 3 || undefined, 5000, 'three attempts');
    const id = (await storage.tickets.openFor(ana.conversationId))?.id ?? '';
    await maria.ok('POST', `/agent/api/tickets/${id}/accept`);
    await eventually(() => scope.isDone() || undefined, 5000, 'all deliveries');

    const [first, , third, fourth] = deliveries;
    expect(first?.headers['x-tulay-delivery']).toBe(third?.headers['x-tulay-delivery']);
    for (const d of deliveries) {
      expect(verifyWebhookSignature(SECRET, d.body, d.headers[SIGNATURE_HEADER] ?? '')).toBe(true);
      expect(
        verifyWebhookSignature('another-secret-0123456789', d.body, d.headers[SIGNATURE_HEADER] ?? ''),
      ).toBe(false);
    }
    const created = JSON.parse(third?.body ?? '{}') as { transcript: { from: string; text?: string }[] };
    expect(created).toMatchObject({
      event: 'ticket.created',
      ticket: { id, state: 'queued', queue: 'billing' },
    });
    expect(created.transcript.map((i) => `${i.from}: ${i.text}`)).toEqual([
      'customer: hello',
      'bot: bot: hello',
      'customer: agent',
    ]);
    expect(JSON.parse(fourth?.body ?? '{}')).toMatchObject({
      event: 'ticket.updated',
      ticket: { id, state: 'assigned' },
    });
  });

  it('gives up on a receiver that refuses the payload (4xx) without retrying, and after maxAttempts otherwise', async () => {
    const sender = new WebhookSender({ ...webhook, timeoutMs: 1000 }, silentLogger);
    nock(HOOK).post('/tulay/tickets').reply(422);
    expect(await sender.send('ticket.created', { ticket: { id: 't' } })).toEqual({
      ok: false,
      attempts: 1,
      status: 422,
    });
    nock(HOOK).post('/tulay/tickets').times(4).replyWithError('connection reset');
    expect(await sender.send('ticket.created', { ticket: { id: 't' } })).toMatchObject({
      ok: false,
      attempts: 4,
    });
    nock(HOOK)
      .post('/tulay/tickets')
      .reply(429, '', { 'retry-after': '1' })
      .post('/tulay/tickets')
      .reply(200);
    const started = Date.now();
    expect(await sender.send('ticket.updated', {})).toEqual({ ok: true, attempts: 2, status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
