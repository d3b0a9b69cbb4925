// The real handoff backend for the agent console e2e: real storage (SQLite), the lead's
// CloudAdapter + TranscriptMiddleware, the handoff feature (routes, WebSocket hub, middleware) on
// the real createServer, and a fake Bot Framework connector as the customers' serviceUrl.
// Until createApp mounts the handoff feature and MainDialog's handoff port, a small bot stands in
// for the dialogs: it answers with an Adaptive Card and escalates through service.request() when
// the customer asks for a person — exactly what MainDialog's HandoffPort does.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityHandler, type Activity, type TurnContext } from 'botbuilder';
import pino from 'pino';
import type { PluginContext } from '../../src/app.js';
import { createAdapter, TranscriptMiddleware } from '../../src/bot/index.js';
import { parseConfig } from '../../src/config/index.js';
import { addAgent } from '../../src/handoff/agents/commands.js';
import {
  createHandoffFeature,
  offlineReplies,
  queuedReplies,
  type HandoffFeature,
} from '../../src/handoff/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { createServer } from '../../src/server/index.js';
import { openSqliteBundle, type StorageBundle } from '../../src/storage/index.js';
import { WEB_AGENT_DIR } from './console-fake-server.js';

/** What the bot sent to a customer (in-turn replies and the agent relay alike). */
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

const ANSWER_CARD = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'How to return an item', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: 'Items can be returned within 7 days with the official receipt.',
        wrap: true,
      },
    ],
    actions: [
      { type: 'Action.Submit', title: 'This helped', data: { action: 'feedback', helpful: true } },
      { type: 'Action.Submit', title: 'Talk to a person', data: { action: 'handoff' } },
    ],
  },
};

/** Stands in for MainDialog: answers with a card; "agent"/"person" → handoff.service.request(). */
class EscalatingBot extends ActivityHandler {
  private readonly questions = new Map<string, string>();
  handoff: HandoffFeature | undefined;

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await this.turn(context);
      await next();
    });
  }

  private async turn(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation.id;
    const text = (context.activity.text ?? '').trim();
    if (!/\b(agent|person|human)\b/i.test(text)) {
      if (!this.questions.has(conversationId)) this.questions.set(conversationId, text);
      await context.sendActivity({
        type: 'message',
        text: 'Here is what I found:',
        attachments: [ANSWER_CARD],
      });
      return;
    }
    const name = context.activity.from?.name;
    const result = await this.handoff!.service.request(context, {
      summary: {
        question: this.questions.get(conversationId) ?? text,
        lang: 'en',
        articles: [{ id: 'kb-returns-01', title: 'How to return an item', score: 0.62, confidence: 0.41 }],
        reasons: [
          { code: 'low_confidence', turn: 1, score: 0.41, detail: 'best answer below the threshold' },
          { code: 'explicit_request', turn: 2, score: 1 },
        ],
        escalatedBecause: 'explicit request',
        ...(name ? { customer: { name, email: 'ana@example.com' } } : {}),
      },
    });
    await context.sendActivities(
      result.kind === 'queued' ? queuedReplies(result, 'en') : offlineReplies(result, 'en'),
    );
  }
}

export interface RealConsoleApp {
  url: string;
  storage: StorageBundle;
  handoff: HandoffFeature;
  connector: FakeConnector;
  /** Adds an agent through the backend's own agent commands (what `npm run agents add` does). */
  addAgent(input: {
    username: string;
    password: string;
    name: string;
    queues: string[];
    role?: 'agent' | 'admin';
  }): Promise<void>;
  /** A customer activity through POST /api/messages, replies going to the fake connector. */
  customer(
    conversationId: string,
    activity: { type?: 'message' | 'typing'; text?: string; name?: string; value?: unknown },
  ): Promise<number>;
  stop(): Promise<void>;
}

export async function startRealConsoleApp(): Promise<RealConsoleApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tulay-console-e2e-'));
  const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const storage = openSqliteBundle(path.join(dataDir, 'tulay.db'));
  const metrics = createMetrics({ defaultMetrics: false });
  const adapter = createAdapter(config.bot, logger, metrics);
  adapter.use(new TranscriptMiddleware(storage.transcripts, logger));
  const bot = new EscalatingBot();
  const ctx: PluginContext = { config, logger, adapter, bot, storage, metrics };
  const handoff = createHandoffFeature(ctx, { webRoot: WEB_AGENT_DIR });
  bot.handoff = handoff;
  adapter.use(handoff.middleware);
  const server = createServer({
    logger,
    metrics,
    adapter,
    bot,
    bodyLimitBytes: config.bodyLimitBytes,
    ready: () => storage.ping(),
    plugins: handoff.feature.routes ? [handoff.feature.routes] : [],
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  await handoff.feature.start?.(url);
  const connector = await startFakeConnector();

  return {
    url,
    storage,
    handoff,
    connector,
    async addAgent(input) {
      await addAgent(storage.agents, {
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
          conversation: { id: conversationId },
          from: { id: `user-${conversationId}`, name: activity.name ?? 'Ana Reyes', role: 'user' },
          recipient: { id: 'tulay', name: 'Tulay', role: 'bot' },
          locale: 'en-US',
          timestamp: new Date().toISOString(),
        }),
      });
      await res.arrayBuffer();
      return res.status;
    },
    async stop() {
      await handoff.feature.stop?.();
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeAllConnections();
      await closed;
      await connector.close();
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
