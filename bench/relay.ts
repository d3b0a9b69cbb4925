import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteBundle } from '../src/storage/index.js';
import type { Ticket } from '../src/handoff/index.js';
import { AgentClient } from '../test/helpers/agent-client.js';
import { FakeConnector } from '../test/helpers/connector.js';
import { Customer } from '../test/helpers/customer.js';
import { addAgent, FAST, startHandoffApp } from '../test/helpers/handoff-app.js';
import { percentile, round, type Report } from './stats.js';

const OPEN_HANDOFFS = 200;
const AGENTS = 8;
const MESSAGES_PER_TICKET = 5;
/** Paced mode: each agent writes about every this many ms (people type; they do not fire bursts). */
const PACE_MS = 2000;

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

interface Run {
  tickets: Ticket[];
  owner: Map<string, AgentClient>;
  connector: FakeConnector;
  arrived: Map<string, number>;
}

/** Every open ticket's agent sends MESSAGES_PER_TICKET messages, in order per ticket. */
async function agentToCustomer(run: Run, mode: 'burst' | 'paced', report: Report): Promise<void> {
  const sentAt = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    run.tickets.map(async (t) => {
      for (let n = 0; n < MESSAGES_PER_TICKET; n++) {
        if (mode === 'paced') await new Promise((r) => setTimeout(r, PACE_MS * (0.5 + Math.random())));
        const text = `relay:${mode}:${t.id}:${n}:${randomUUID()}`;
        sentAt.set(text, performance.now());
        await run.owner.get(t.id)?.ok('POST', `/agent/api/tickets/${t.id}/messages`, { text });
      }
    }),
  );
  await run.connector
    .waitFor(() => [...sentAt.keys()].every((k) => run.arrived.has(k)), 10_000, 'relayed messages')
    .catch(() => undefined);
  const seconds = (performance.now() - started) / 1000;
  const latencies = [...sentAt].flatMap(([text, t0]) =>
    run.arrived.has(text) ? [(run.arrived.get(text) ?? t0) - t0] : [],
  );
  report({
    bench: 'relay',
    direction: 'agent_to_customer',
    mode,
    open_handoffs: run.tickets.length,
    sent: sentAt.size,
    received: latencies.length,
    messages_per_s: round(latencies.length / seconds, 1),
    p50_ms: round(percentile(latencies, 50), 2),
    p99_ms: round(percentile(latencies, 99), 2),
  });
}

/** One message from every customer at once, until each shows on its agent's console WebSocket. */
async function customerToAgent(customers: Customer[], agents: AgentClient[], report: Report): Promise<void> {
  const said = new Map<string, number>();
  await Promise.all(
    customers.map(async (c) => {
      const text = `to-agent:${c.conversationId}`;
      said.set(text, performance.now());
      await c.say(text);
    }),
  );
  const seen = new Map<string, number>();
  const deadline = Date.now() + 10_000;
  while (seen.size < said.size && Date.now() < deadline) {
    for (const e of agents.flatMap((a) => a.events)) {
      const text = (e.message as { text?: string } | undefined)?.text;
      if (e.type === 'message' && text && said.has(text)) seen.set(text, e.receivedAt as number);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const latencies = [...seen].map(([text, t]) => t - (said.get(text) ?? t));
  report({
    bench: 'relay',
    direction: 'customer_to_agent',
    open_handoffs: customers.length,
    sent: said.size,
    received: seen.size,
    p50_ms: round(percentile(latencies, 50), 2),
    p99_ms: round(percentile(latencies, 99), 2),
  });
}

/**
 * Relay latency with 200 open handoffs (SQLite, real HTTP and WebSocket, a local connector as the
 * customers' channel). Agent→customer: POST /agent/api/tickets/:id/messages until the connector
 * has the activity — once as a burst (every agent sends at the same instant, a worst case) and
 * once paced like people typing. Customer→agent: POST /api/messages until the console shows it.
 * `sent` and `received` must be equal.
 */
export async function relayBench(report: Report): Promise<void> {
  const storage = openSqliteBundle(
    path.join(mkdtempSync(path.join(tmpdir(), 'tulay-bench-relay-')), 'relay.db'),
  );
  const connector = new FakeConnector();
  await connector.start();
  const arrived = new Map<string, number>();
  connector.onActivity = (_conversation, activity) => {
    if (activity.text?.startsWith('relay:')) arrived.set(activity.text, performance.now());
  };
  const app = await startHandoffApp(storage, {
    ...FAST,
    sweepSeconds: 2,
    requeueGraceSeconds: 300,
    maxWaitMinutes: 600,
  });
  try {
    const agents = await Promise.all(
      Array.from({ length: AGENTS }, async (_, i) => {
        const c = await addAgent(storage, `agent${i}`, ['*']);
        return (await new AgentClient(app.url).login(c.username, c.password)).connect();
      }),
    );
    const customers = Array.from({ length: OPEN_HANDOFFS }, () => new Customer(app.url, connector.url));
    await pool(customers, 20, async (c) => void (await c.say('agent')));
    const tickets = await storage.tickets.list({ states: ['queued'] });
    if (tickets.length !== OPEN_HANDOFFS)
      throw new Error(`bench/relay: ${tickets.length} tickets queued, expected ${OPEN_HANDOFFS}`);
    const owner = new Map(tickets.map((t, i) => [t.id, agents[i % AGENTS] as AgentClient]));
    await pool(
      tickets,
      20,
      async (t) => void (await owner.get(t.id)?.ok('POST', `/agent/api/tickets/${t.id}/accept`)),
    );
    await app.handoff.internals.queue.idle();
    const run = { tickets, owner, connector, arrived };
    await agentToCustomer(run, 'burst', report);
    await agentToCustomer(run, 'paced', report);
    await customerToAgent(customers, agents, report);
  } finally {
    await app.stop();
    await connector.stop();
  }
}
