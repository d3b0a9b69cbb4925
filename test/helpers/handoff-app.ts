import { randomUUID } from 'node:crypto';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import { createEmployeeIdentity } from '../../src/channels/teams/index.js';
import pino from 'pino';
import type { PluginContext } from '../../src/app.js';
import { createAdapter, TranscriptMiddleware } from '../../src/bot/index.js';
import { parseConfig } from '../../src/config/index.js';
import {
  createHandoffFeature,
  handoffText,
  offlineReplies,
  queuedReplies,
  readCsatSubmission,
  type HandoffFeature,
  type HandoffOptionsInput,
  type HandoffOverrides,
} from '../../src/handoff/index.js';
import { hashPassword } from '../../src/handoff/agents/password.js';
import { createMetrics } from '../../src/metrics/index.js';
import { createServer } from '../../src/server/index.js';
import type { StorageBundle } from '../../src/storage/index.js';

/**
 * The smallest bot that uses the handoff like the lead's dialogs will: "agent" escalates (queued
 * or offline offer), CSAT submissions are recorded, anything else is echoed.
 */
class TinyBot extends ActivityHandler {
  constructor(handoff: HandoffFeature) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context, handoff);
      await next();
    });
  }

  private async answer(context: TurnContext, handoff: HandoffFeature): Promise<void> {
    const csat = readCsatSubmission(context.activity);
    if (csat) {
      await handoff.service.recordCsat(csat.ticketId, csat.rating, csat.comment);
      await context.sendActivity(handoffText('csatThanks', 'en'));
      return;
    }
    const text = context.activity.text ?? '';
    if (/^agent\b/i.test(text)) {
      const urgent = /urgent/.test(text);
      const result = await handoff.service.request(context, {
        summary: {
          question: 'Where is my refund for order KE-1001?',
          lang: 'en',
          articles: [
            { id: 'refund-status', title: 'Refund status', score: 0.41, confidence: 0.32, queue: 'billing' },
          ],
          reasons: [{ code: urgent ? 'fraud' : 'explicit-request', turn: 2, score: 1 }],
          escalatedBecause: 'customer asked for a person',
        },
      });
      await context.sendActivities(
        result.kind === 'queued' ? queuedReplies(result, 'en') : offlineReplies(result, 'en'),
      );
      return;
    }
    await context.sendActivity(`bot: ${text}`);
  }
}

export interface HandoffTestApp {
  url: string;
  storage: StorageBundle;
  handoff: HandoffFeature;
  stop(options?: { keepStorage?: boolean }): Promise<void>;
}

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Tests' options: short timers so grace periods and sweeps happen within a test. */
export const FAST: HandoffOptionsInput = { requeueGraceSeconds: 1, sweepSeconds: 0.2, demoAgent: false };

/** Storage + CloudAdapter (anonymous) + TranscriptMiddleware + HandoffMiddleware + TinyBot, on port 0. */
export async function startHandoffApp(
  storage: StorageBundle,
  options: HandoffOptionsInput = FAST,
  overrides: HandoffOverrides = {},
): Promise<HandoffTestApp> {
  const config = parseConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const metrics = createMetrics({ defaultMetrics: false });
  const adapter = createAdapter(config.bot, silentLogger, metrics);
  const ctx = { config, logger: silentLogger, adapter, storage, metrics } as Omit<PluginContext, 'bot'>;
  // As in production: Teams employees are looked up in the directory (the connector answers).
  const identify = createEmployeeIdentity({ logger: silentLogger });
  const handoff = createHandoffFeature(ctx, options, { identify, ...overrides });
  adapter.use(new TranscriptMiddleware(storage.transcripts, silentLogger));
  adapter.use(handoff.middleware);
  const bot = new TinyBot(handoff);
  const server = createServer({
    logger: silentLogger,
    metrics,
    adapter,
    bot,
    bodyLimitBytes: 256 * 1024,
    ready: () => storage.ping(),
    plugins: [handoff.feature.routes ?? (() => undefined)],
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  await handoff.feature.start?.(url);
  return {
    url,
    storage,
    handoff,
    async stop(opts = {}) {
      await handoff.feature.stop?.();
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      if (!opts.keepStorage) await storage.close();
    },
  };
}

/** Adds an agent straight into the store (what `npm run agents -- add` does). */
export async function addAgent(
  storage: StorageBundle,
  username: string,
  queues: string[],
  options: { role?: 'agent' | 'admin'; displayName?: string } = {},
): Promise<{ username: string; password: string }> {
  const password = `pw-${randomUUID()}`;
  await storage.agents.add({
    id: randomUUID(),
    username,
    displayName: options.displayName ?? username[0]?.toUpperCase() + username.slice(1),
    queues,
    role: options.role ?? 'agent',
    passwordHash: await hashPassword(password),
    at: new Date(),
  });
  return { username, password };
}

export async function eventually<T>(
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`eventually: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The `data` of a card's submit action (what a channel sends back, before the inputs are merged). */
export function submitData(
  activity: { attachments?: { content?: unknown }[] } | undefined,
  action: string,
): Record<string, unknown> {
  const found = JSON.stringify(activity?.attachments ?? []).match(
    new RegExp(`"data":(\\{"action":"${action.replace('.', '\\.')}"[^}]*\\})`),
  );
  if (!found?.[1]) throw new Error(`submitData: no ${action} action in the card`);
  return JSON.parse(found[1]) as Record<string, unknown>;
}
