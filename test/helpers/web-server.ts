import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import pino from 'pino';
import type { Server } from 'restify';
import type { PluginContext } from '../../src/app.js';
import { createAdapter, TranscriptMiddleware } from '../../src/bot/index.js';
import {
  createWebChannel,
  type WebChannel,
  type WebChannelOptionsInput,
} from '../../src/channels/web/index.js';
import { parseConfig } from '../../src/config/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { createServer, type RoutePlugin } from '../../src/server/index.js';
import type { StorageBundle } from '../../src/storage/index.js';
import { CardBot } from './card-bot.js';

export interface WebServer {
  url: string;
  channel: WebChannel;
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  server: Server;
  /** Stops the channel and the server (not the storage: the caller owns it). */
  stop(): Promise<void>;
}

export const tempDir = (prefix = 'tulay-web-'): string => mkdtempSync(path.join(tmpdir(), prefix));

/** A real server from createServer + the lead's CloudAdapter + the web channel, on a free port. */
export async function startWebServer(parts: {
  storage: StorageBundle;
  dataDir?: string;
  bot?: ActivityHandlerBase;
  env?: Record<string, string>;
  options?: WebChannelOptionsInput;
  /** More routes, e.g. test pages served from the same (loopback) origin. */
  routes?: RoutePlugin;
}): Promise<WebServer> {
  const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: parts.dataDir ?? tempDir(), ...parts.env });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const metrics = createMetrics({ defaultMetrics: false });
  const adapter = createAdapter(config.bot, logger, metrics);
  adapter.use(new TranscriptMiddleware(parts.storage.transcripts, logger));
  const bot = parts.bot ?? new CardBot();
  const ctx: PluginContext = { config, logger, adapter, bot, storage: parts.storage, metrics };
  const channel = createWebChannel(ctx, parts.options);
  const server = createServer({
    logger,
    metrics,
    adapter,
    bot,
    bodyLimitBytes: config.bodyLimitBytes,
    ready: () => parts.storage.ping(),
    plugins: [channel.routes ?? (() => undefined), parts.routes ?? (() => undefined)],
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  await channel.start?.(url);
  return {
    url,
    channel,
    adapter,
    bot,
    server,
    async stop() {
      await channel.stop?.();
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeAllConnections();
      await closed;
    },
  };
}
