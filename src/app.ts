import { ConversationState, UserState, type ActivityHandlerBase, type CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { createAdapter, SupportBot, TranscriptMiddleware, TurnMetricsMiddleware } from './bot/index.js';
import type { Config } from './config/index.js';
import { MainDialog } from './dialogs/index.js';
import { createMetrics, type Metrics } from './metrics/index.js';
import { createServer, type RoutePlugin } from './server/index.js';
import { openStorage, type StorageBundle } from './storage/index.js';

export interface App {
  config: Config;
  server: Server;
  storage: StorageBundle;
  metrics: Metrics;
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
  const storage = overrides.storage ?? (await openStorage(config.storage));
  const metrics = createMetrics();
  const adapter = createAdapter(config.bot, logger, metrics);
  const turns = new TurnMetricsMiddleware(metrics);
  adapter.use(turns);
  adapter.use(new TranscriptMiddleware(storage.transcripts, logger));

  const bot =
    overrides.bot?.({ storage }) ??
    new SupportBot(
      new ConversationState(storage.state),
      new UserState(storage.state),
      new MainDialog(),
      logger,
    );

  const server = createServer({
    logger,
    metrics,
    adapter,
    bot,
    bodyLimitBytes: config.bodyLimitBytes,
    ready: () => storage.ping(),
  });

  let stopping: Promise<void> | undefined;
  return {
    config,
    server,
    storage,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
          logger.info({ url, storage: storage.kind }, 'tulay: listening');
          resolve({ port: address.port, url });
        });
      }),
    stop: () =>
      (stopping ??= (async () => {
        logger.info('tulay: shutting down');
        const closed = new Promise<void>((resolve) => {
          server.close(() => resolve());
        });
        await turns.whenIdle(config.shutdownTimeoutMs);
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
