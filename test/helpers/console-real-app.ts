// The real product behind the agent console e2e: startApp (knowledge base, MainDialog, handoff
// with the console routes and WebSocket hub, web channel) on a throwaway port with its own SQLite
// folder. Customers speak through POST /api/messages with deliveryMode "expectReplies" (the bot's
// in-turn answers come back in the HTTP response); everything the bot sends outside a customer's
// turn (the agent's lines, typing, "closed the conversation") goes to a fake Bot Framework
// connector, their serviceUrl.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { addAgent } from '../../src/handoff/agents/commands.js';
import type { Ticket } from '../../src/handoff/tickets/index.js';
import type { StorageBundle } from '../../src/storage/index.js';
import { startApp, type RunningApp } from './app.js';

/** What the bot sent to a customer outside their turns (the agent relay, notifications). */
export interface ToCustomer {
  conversationId: string;
  activity: Partial<Activity>;
}

export interface FakeConnector {
  url: string;
  sent: ToCustomer[];
  /** Texts sent to one conversation, in order. */
  texts(conversationId: string): string[];
  close(): Promise<void>;
}

/** A Bot Framework connector stand-in: records every activity the bot sends to /v3/conversations. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const sent: ToCustomer[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        try {
          sent.push({
            conversationId: decodeURIComponent(m[1]!),
            activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>,
          });
        } catch {
          /* not JSON: ignore */
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    texts: (conversationId) =>
      sent
        .filter((s) => s.conversationId === conversationId && typeof s.activity.text === 'string')
        .map((s) => s.activity.text!),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The HTTP answer to a customer's activity and the bot's in-turn replies (expectReplies). */
export interface CustomerTurn {
  status: number;
  replies: Partial<Activity>[];
}

/** Texts of a turn's replies, with the first TextBlock of each Adaptive Card standing in for a card. */
export function replyTexts(turn: CustomerTurn): string[] {
  return turn.replies.map((a) => {
    if (a.text) return a.text;
    const card = a.attachments?.[0]?.content as { body?: { text?: string }[] } | undefined;
    return card?.body?.find((b) => typeof b.text === 'string')?.text ?? '';
  });
}

export interface RealConsoleApp {
  url: string;
  app: RunningApp['app'];
  storage: StorageBundle;
  connector: FakeConnector;
  /** The queued or assigned ticket of a conversation, straight from the ticket store. */
  openTicketFor(conversationId: string): Promise<Ticket | undefined>;
  ticket(id: string): Promise<Ticket | undefined>;
  /** Adds an agent through the backend's own agent commands (what `npm run agents add` does). */
  addAgent(input: {
    username: string;
    password: string;
    name: string;
    queues: string[];
    role?: 'agent' | 'admin';
  }): Promise<void>;
  /** A customer activity through POST /api/messages (channel "webchat", expectReplies). */
  customer(
    conversationId: string,
    activity: { type?: 'message' | 'typing'; text?: string; name?: string; value?: unknown },
  ): Promise<CustomerTurn>;
  stop(): Promise<void>;
}

export async function startRealConsoleApp(env: Record<string, string> = {}): Promise<RealConsoleApp> {
  const running = await startApp(env);
  const { app, url } = running;
  const connector = await startFakeConnector();

  return {
    url,
    app,
    storage: app.storage,
    connector,
    openTicketFor: (conversationId) => app.storage.tickets.openFor(conversationId),
    ticket: (id) => app.storage.tickets.get(id),
    async addAgent(input) {
      await addAgent(app.storage.agents, {
        username: input.username,
        password: input.password,
        name: input.name,
        queues: input.queues,
        role: input.role ?? 'agent',
      });
    },
    async customer(conversationId, activity) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: activity.type ?? 'message',
          id: randomUUID(),
          ...(activity.text !== undefined ? { text: activity.text } : {}),
          ...(activity.value !== undefined ? { value: activity.value } : {}),
          channelId: 'webchat',
          serviceUrl: connector.url,
          deliveryMode: 'expectReplies',
          conversation: { id: conversationId },
          from: { id: `user-${conversationId}`, name: activity.name ?? 'Ana Reyes', role: 'user' },
          recipient: { id: 'tulay', name: 'Tulay', role: 'bot' },
          locale: 'en-US',
          timestamp: new Date().toISOString(),
        }),
      });
      const text = await res.text();
      const body = (text ? JSON.parse(text) : {}) as { activities?: Partial<Activity>[] };
      return { status: res.status, replies: body.activities ?? [] };
    },
    async stop() {
      await running.stop();
      await connector.close();
      rmSync(running.dataDir, { recursive: true, force: true });
    },
  };
}
