import type { ChannelAccount } from 'botbuilder';
import type { Feature, PluginContext } from '../../app.js';
import { deriveKey, loadTokenSecret, RateLimiter, TokenService } from './auth/index.js';
import { BotBridge, CONNECTOR_PATH, mountConnector } from './bridge/index.js';
import { attachStream, mountDirectLine, StreamHub, type DirectLineDeps } from './directline/index.js';
import { resolveOptions, type WebChannelOptions, type WebChannelOptionsInput } from './options.js';
import { mountStatic } from './static/index.js';
import { mountTokenEndpoint, TOKEN_PATH } from './token-endpoint/index.js';

export { webChannelOptionsSchema, type WebChannelOptions, type WebChannelOptionsInput } from './options.js';
export { TokenService } from './auth/index.js';
export { authenticateResult } from './bridge/index.js';
export { TOKEN_PATH } from './token-endpoint/index.js';
export { CONNECTOR_PATH } from './bridge/index.js';

/** How long stop() waits for queued web turns before closing the sockets. */
const DRAIN_MS = 5000;

export interface WebChannel extends Feature {
  options: WebChannelOptions;
  /** The connector URL the bot replies to (known once started). */
  serviceUrl(): string | undefined;
  /** WebSockets this instance holds open. */
  openStreams(): number;
}

/**
 * The website channel: a local Direct Line 3.0 endpoint for Web Chat (REST, polling and
 * WebSocket), the bot's connector endpoint, /api/directline/token, the widget and the demo page.
 */
export function createWebChannel(ctx: PluginContext, input: WebChannelOptionsInput = {}): WebChannel {
  const options = resolveOptions(ctx, input);
  const secret = loadTokenSecret(options);
  const connectorKey = deriveKey(secret, 'connector').toString('base64url').slice(0, 32);
  const store = ctx.storage.directLine;
  const bot: ChannelAccount = { id: options.botAppId ?? 'tulay', name: options.botName, role: 'bot' };
  const connectorUrl = (base: string) => `${base.replace(/\/+$/, '')}${CONNECTOR_PATH}/${connectorKey}`;
  let serviceUrl = options.publicUrl ? connectorUrl(options.publicUrl) : undefined;
  const hub = new StreamHub(store, ctx.logger);
  const bridge = new BotBridge(ctx.adapter, ctx.bot, options.botAppId, ctx.logger);
  const deps: DirectLineDeps = {
    logger: ctx.logger,
    allowedOrigins: options.allowedOrigins,
    tokens: new TokenService(deriveKey(secret, 'tokens'), options.tokenTtlSeconds),
    store,
    bridge,
    bot,
    publicUrl: options.publicUrl,
    trustProxy: options.trustProxy,
    maxActivityBytes: options.maxActivityBytes,
    limits: {
      posts: new RateLimiter(options.rateLimitPerMinute, options.rateLimitBurst),
      polls: new RateLimiter(options.pollsPerMinute, Math.max(10, Math.ceil(options.pollsPerMinute / 6))),
      tokensPerIp: new RateLimiter(options.tokensPerMinutePerIp, options.tokensPerMinutePerIp),
    },
    serviceUrl: () => serviceUrl,
  };
  let detachStream: (() => void) | undefined;

  return {
    options,
    serviceUrl: () => serviceUrl,
    openStreams: () => hub.size,
    routes: (server) => {
      mountDirectLine(server, deps);
      mountConnector(server, { ...deps, connectorKey });
      mountTokenEndpoint(server, {
        ...deps,
        directLineSecret: options.directLineSecret,
        directLineEndpoint: options.directLineEndpoint,
      });
      mountStatic(server, { webRoot: options.webRoot, logger: ctx.logger });
      detachStream = attachStream(server.server, { tokens: deps.tokens, store, hub, logger: ctx.logger });
    },
    start: async (baseUrl) => {
      serviceUrl ??= connectorUrl(baseUrl);
      await hub.start();
      ctx.logger.info(
        { mode: options.directLineSecret ? 'azure' : 'local', tokenPath: TOKEN_PATH },
        'web channel: started',
      );
    },
    stop: async () => {
      await bridge.idle(DRAIN_MS);
      detachStream?.();
      // Open WebSockets would keep the HTTP server's close() waiting.
      await hub.stop();
    },
  };
}
