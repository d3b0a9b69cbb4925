import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../../errors/index.js';
import { route } from '../../server/index.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

// The console loads its own scripts and styles only; customer text must never become markup.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Serves web/agent (written by the console's author) at /agent and /agent/assets/*. */
export function staticRoutes(server: Server, webRoot: string, logger: Logger): void {
  const root = path.resolve(webRoot);

  const serve = async (res: Response, relative: string) => {
    const file = path.resolve(root, relative);
    // realpath also defeats symlinks pointing out of the folder.
    const real = await realpath(file).catch(() => undefined);
    const realRoot = await realpath(root).catch(() => root);
    if (!real || !real.startsWith(realRoot + path.sep))
      throw new AppError('NOT_FOUND', `agent console: no ${relative}`);
    const body = await readFile(real).catch(() => undefined);
    if (!body) throw new AppError('NOT_FOUND', `agent console: no ${relative}`);
    res.setHeader('content-type', TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', real.endsWith('.html') ? 'no-cache' : 'public, max-age=300');
    if (real.endsWith('.html')) {
      res.setHeader('content-security-policy', CSP);
      res.setHeader('x-frame-options', 'DENY');
    }
    res.sendRaw(200, body);
  };

  const page = route(logger, (_req: Request, res: Response) => serve(res, 'index.html'));
  server.get('/agent', page);
  server.get('/agent/', page);
  server.get(
    '/agent/assets/*',
    route(logger, async (req, res) => {
      const star = (req.params as Record<string, unknown>)['*'];
      const rest = typeof star === 'string' ? star : '';
      if (!rest || rest.includes('\0')) throw new AppError('NOT_FOUND', 'agent console: no such asset');
      await serve(res, path.join('assets', rest));
    }),
  );
}
