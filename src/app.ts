import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { createAdapter, TranscriptMiddleware, TurnMetricsMiddleware } from './bot/index.js';
import type { Config } from './config/index.js';
import { assemble } from './features.js';
import type { HandoffOverrides } from './handoff/index.js';
import type { KnowledgeService } from './knowledge/index.js';
import { createMetrics, type Metrics } from './metrics/index.js';
import { createServer, type RoutePlugin } from './server/index.js';
import { openStorage, type StorageBundle } from './storage/index.js';

export interface App {
  config: Config;
  server: Server;
  storage: StorageBundle;
  metrics: Metrics;
  /** Undefined when a test replaced the bot. */
  knowledge: KnowledgeService | undefined;
  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(): Promise<{ port: number; url: string }>;
  /** Stops accepting, lets turns in flight finish, closes storage. Safe to call twice. */
  stop(): Promise<void>;
}

/** What a feature needs to add its routes and background work to the app. */
export interface PluginContext {
  config: Config;
  logger: Logger;
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  storage: StorageBundle;
  metrics: Metrics;
}

/** A feature mounted by the composition root: routes now, and a cleanup for shutdown. */
export interface Feature {
  routes?: RoutePlugin;
  /** Runs after the server listens (base URL known). */
  start?: (baseUrl: string) => Promise<void> | void;
  stop?: () => Promise<void> | void;
}

export interface AppOverrides {
  storage?: StorageBundle;
  /** Replaces Tulay's bot, e.g. with an echo bot for the throughput baseline. */
  bot?: (parts: { storage: StorageBundle }) => ActivityHandlerBase;
  /** A knowledge service built once and shared (tests start many apps on one KB). */
  knowledge?: KnowledgeService;
  handoff?: HandoffOverrides;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

/** Anonymous Bot Framework traffic is only safe on loopback; refuse anything else unless told. */
export function assertSafeBinding(config: Config): void {
  if (!config.bot.appId && !LOOPBACK.test(config.host) && !config.allowAnonymousPublic) {
    throw new Error(
      `config: HOST: refusing to bind ${config.host} without MicrosoftAppId (anonymous bot); ` +
        'set MicrosoftAppId or ALLOW_ANONYMOUS_PUBLIC=true',
    );
  }
}

/** The composition root: picks implementations from config and wires everything together. */
export async function createApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  assertSafeBinding(config);
  const storage =
    overrides.storage ??
    (await openStorage(config.storage, {
      onIdleError: (err) =>
        logger.warn({ err: err.message }, 'storage: an idle database connection was dropped'),
    }));
  const metrics = createMetrics();
  const adapter = createAdapter(config.bot, logger, metrics);
  const turns = new TurnMetricsMiddleware(metrics);
  adapter.use(turns);
  adapter.use(new TranscriptMiddleware(storage.transcripts, logger));

  let assembled: Awaited<ReturnType<typeof assemble>>;
  try {
    assembled = await assemble({ config, logger, adapter, storage, metrics }, overrides, logger);
  } catch (err) {
    // A feature refused its options (or the KB could not load): leave no database handle open.
    if (!overrides.storage) await storage.close();
    throw err;
  }
  const { bot, knowledge, features } = assembled;

  const server = createServer({
    logger,
    metrics,
    adapter,
    bot,
    bodyLimitBytes: config.bodyLimitBytes,
    plugins: features.flatMap((f) => (f.routes ? [f.routes] : [])),
    ready: async () => {
      await storage.ping();
      if (knowledge && knowledge.status().articles === 0) throw new Error('knowledge base not loaded');
    },
  });

  let stopping: Promise<void> | undefined;
  return {
    config,
    server,
    storage,
    metrics,
    knowledge,
    listen: async () => {
      const bound = await new Promise<{ port: number; url: string }>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
          resolve({ port: address.port, url });
        });
      });
      for (const f of features) await f.start?.(config.publicUrl ?? bound.url);
      logger.info({ url: bound.url, storage: storage.kind }, 'tulay: listening');
      return bound;
    },
    stop: () =>
      (stopping ??= (async () => {
        logger.info('tulay: shutting down');
        const closed = new Promise<void>((resolve) => {
          server.close(() => resolve());
        });
        await turns.whenIdle(config.shutdownTimeoutMs);
        // Features stop after turns finish (their replies still go out) and before storage closes.
        for (const f of [...features].reverse()) {
          try {
            await f.stop?.();
          } catch (err) {
            logger.error({ err }, 'tulay: a feature failed to stop');
          }
        }
        // Responses of finished turns are still being written: give them a moment, then drop
        // whatever keep-alive sockets remain so close() can complete.
        server.server.closeIdleConnections();
        const timer = setTimeout(() => server.server.closeAllConnections(), 2_000);
        await closed;
        clearTimeout(timer);
        await storage.close();
        logger.info('tulay: stopped');
      })()),
  };
}
