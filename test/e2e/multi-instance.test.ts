// Two full Tulay instances (startApp) on one PostgreSQL database, as behind a load balancer: the
// customer's Web Chat (in Chromium) talks to one instance, the agent's console to the other.
// Tickets, presence and conversation references live in the database; live events cross between
// the instances through PostgreSQL LISTEN/NOTIFY.
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../src/handoff/index.js';
import type { AgentClient } from '../helpers/agent-client.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import {
  openStore,
  startProduct,
  ticketFor,
  UI_TIMEOUT,
  WebChat,
  type Product,
  type StorePage,
} from '../helpers/e2e-product.js';
import { ADMIN_URL, createTempDatabase, postgresAvailable } from '../helpers/postgres.js';

/** Every instance of one deployment shares the Direct Line token secret. */
const SECRET = 'multi-instance-e2e-token-secret-0123456789abcdef';

let browser: Browser;
let a: Product;
let b: Product;
const cleanups: (() => Promise<void>)[] = [];

/**
 * Resolves once no session is connected to the database any more. pg's Pool.end() resolves before
 * its sockets have finished closing; dropping the database WITH (FORCE) while they still close
 * would terminate them and surface as an error on the (already ended) pool.
 */
async function disconnected(url: string, timeoutMs = 10_000): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if (rows[0]?.n === 0) return;
      if (Date.now() > deadline) throw new Error(`${rows[0]?.n} sessions still connected to ${name}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await admin.end();
  }
}

/** A customer line as the agent's socket delivers it. */
const customerLine = (ticketId: string, text: string) => (e: { type: string; [k: string]: unknown }) =>
  e.type === 'message' &&
  e.ticketId === ticketId &&
  (e.message as TranscriptItem).from === 'customer' &&
  (e.message as TranscriptItem).text === text;

describe.skipIf(!postgresAvailable || !browserAvailable)(
  'two Tulay instances on one PostgreSQL database, Web Chat in the browser',
  () => {
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });
    beforeEach(async () => {
      const db = await createTempDatabase('tulay_e2e_multi');
      cleanups.push(async () => {
        await disconnected(db.url);
        await db.drop();
      });
      const env = { DATABASE_URL: db.url, DIRECT_LINE_TOKEN_SECRET: SECRET };
      // One after the other: the first runs the migrations.
      a = await startProduct(env);
      cleanups.push(() => a.stop());
      b = await startProduct(env);
      cleanups.push(() => b.stop());
      expect(a.app.storage.kind).toBe('postgres');
      expect(b.app.storage.kind).toBe('postgres');
    });
    // Last in, first out: browser pages and agents, then B, then A, then the database.
    afterEach(async () => {
      const errors: unknown[] = [];
      for (const fn of cleanups.splice(0).reverse()) await fn().catch((err: unknown) => errors.push(err));
      if (errors.length > 0) throw errors[0];
    });

    async function customerOn(instance: Product): Promise<{ store: StorePage; chat: WebChat }> {
      const store = await openStore(browser, instance.url, '/');
      cleanups.push(() => store.context.close());
      expect(await store.page.title()).toContain('Kidlat Electronics');
      const chat = new WebChat(store.page);
      await chat.open();
      await chat.see("Hi, I'm Tulay");
      return { store, chat };
    }

    async function agentOn(instance: Product, username: string, displayName: string): Promise<AgentClient> {
      // Added through one instance's storage; the other finds the agent in the same database.
      const creds = await a.addAgent(username, { displayName });
      const agent = await instance.agent(creds, 'available');
      cleanups.push(() => agent.disconnect());
      return agent;
    }

    it('a Web Chat on A asks for a person; an agent on B accepts and writes; the line appears in the Web Chat on A', async () => {
      const agent = await agentOn(b, 'bea', 'Bea Ramos');
      const { store, chat } = await customerOn(a);

      await chat.say('Can I pay for a laptop in installments?');
      await chat.card(/installment/i).waitFor({ timeout: UI_TIMEOUT });
      // A sees Bea available (presence is in the database), so the customer is queued.
      await chat.say('I want to talk to a human');
      await chat.see("I'm connecting you with a person from our team.");
      await chat.see(/^You['’]re number 1 in line/);

      const conversationId = await chat.conversationId();
      const ticket = await ticketFor(agent, conversationId); // created on A, announced on B
      expect(ticket.summary.question).toContain('Can I pay for a laptop in installments?');
      await agent.ok('POST', `/agent/api/tickets/${ticket.id}/accept`);
      await chat.see('Bea Ramos has joined the conversation.');
      const line = 'Hello from Bea! Yes, 0% for 12 months with major credit cards.';
      await agent.ok('POST', `/agent/api/tickets/${ticket.id}/messages`, { text: line });
      await chat.see(line);

      // Both instances answer from the same store: the transcript via A has the agent's line.
      const stored = await a.app.storage.tickets.get(ticket.id);
      expect(stored?.state).toBe('assigned');
      expect(stored?.assignedAgentId).toBe(agent.agent?.id);
      expect(await chat.failedSends()).toBe(0);
      expect(store.sockets.every((u) => u.startsWith(a.url.replace('http', 'ws')))).toBe(true);
      expect(store.errors).toEqual([]);
    }, 60_000);

    it('an agent connected to A sees live what a customer writes at B, and replies through A', async () => {
      const agent = await agentOn(a, 'amir', 'Amir Haq');
      const { store, chat } = await customerOn(b);

      await chat.say('I want to talk to a human');
      await chat.see(/^You['’]re number 1 in line/);
      const conversationId = await chat.conversationId();
      const ticket = await ticketFor(agent, conversationId); // created on B, live on A's socket
      await agent.ok('POST', `/agent/api/tickets/${ticket.id}/accept`);
      await chat.see('Amir Haq has joined the conversation.');

      // The customer's turns arrive at B; A's socket gets each line live.
      await chat.say('My phone will not charge');
      await agent.waitFor(customerLine(ticket.id, 'My phone will not charge'), UI_TIMEOUT);
      await chat.say('I tried two different cables');
      await agent.waitFor(customerLine(ticket.id, 'I tried two different cables'), UI_TIMEOUT);

      // The bot stayed silent on B while the agent has the conversation.
      const detail = await agent.ok('GET', `/agent/api/tickets/${ticket.id}`);
      const afterAccept = detail.transcript.slice(
        detail.transcript.findIndex((i) => i.text === 'Amir Haq has joined the conversation.'),
      );
      expect(afterAccept.filter((i) => i.from === 'bot')).toEqual([]);

      const reply = 'Thanks! Please try holding the power button for 15 seconds while it is plugged in.';
      await agent.ok('POST', `/agent/api/tickets/${ticket.id}/messages`, { text: reply });
      await chat.see(reply);
      expect(await chat.failedSends()).toBe(0);
      expect(store.sockets.every((u) => u.startsWith(b.url.replace('http', 'ws')))).toBe(true);
      expect(store.errors).toEqual([]);
    }, 60_000);
  },
);
