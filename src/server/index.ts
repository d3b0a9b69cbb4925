import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import restify, { type Server } from 'restify';
import type { Metrics } from '../metrics/index.js';
import { formatRestifyError, route } from './errors.js';
import { messagesHandler } from './messages.js';

export { sendError, route } from './errors.js';

/** Something that adds routes: the channels, the agent console, the handoff API. */
export type RoutePlugin = (server: Server) => void;

export interface ServerOptions {
  logger: Logger;
  metrics: Metrics;
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  bodyLimitBytes: number;
  /** Resolves when the service can take traffic; rejects with the reason otherwise. */
  ready: () => Promise<void>;
  plugins?: RoutePlugin[];
}

/** Builds the HTTP server without listening, so tests start it on a throwaway port. */
export function createServer(options: ServerOptions): Server {
  const { logger, metrics } = options;
  const server = restify.createServer({ name: 'tulay', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({ maxBodySize: options.bodyLimitBytes, mapParams: false, mapFiles: false }),
  );
  server.on('restifyError', (_req, _res, err: Error, callback: () => void) => {
    formatRestifyError(err);
    callback();
  });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const path = req.getRoute()?.path;
    metrics.httpRequests.inc({
      route: typeof path === 'string' ? path : 'unmatched',
      status: res.statusCode,
    });
  });

  server.post('/api/messages', route(logger, messagesHandler(options.adapter, options.bot, logger)));
  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.json({ status: 'ok' });
    next();
  });
  server.get(
    '/readyz',
    route(logger, async (_req, res) => {
      try {
        await options.ready();
        res.json({ status: 'ready' });
      } catch (err) {
        res.status(503);
        res.json({ status: 'not ready', reason: (err as Error).message });
      }
    }),
  );
  server.get(
    '/metrics',
    route(logger, async (_req, res) => {
      const body = await metrics.registry.metrics();
      res.setHeader('content-type', metrics.registry.contentType);
      res.sendRaw(200, body);
    }),
  );
  for (const plugin of options.plugins ?? []) plugin(server);
  return server;
}
