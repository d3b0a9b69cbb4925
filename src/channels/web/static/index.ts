import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { route } from '../../../server/index.js';
import { contentType, FileCache, findWebChatBundle } from './files.js';

export { findWebChatBundle } from './files.js';

export const WEBCHAT_PATH = '/webchat/webchat.js';

export interface StaticDeps {
  webRoot: string;
  logger: Logger;
}

/**
 * The demo store page at `/`, the widget and the other top-level files of web/, and the Web
 * Chat bundle. Only top-level files: web/agent/ belongs to the agent console, mounted elsewhere.
 */
export function mountStatic(server: Server, deps: StaticDeps): void {
  const cache = new FileCache();
  const routes = new Map<string, string>();
  for (const entry of readdirSync(deps.webRoot, { withFileTypes: true })) {
    if (entry.isFile() && !entry.name.startsWith('.'))
      routes.set(`/${entry.name}`, path.join(deps.webRoot, entry.name));
  }
  const index = routes.get('/index.html');
  if (index) routes.set('/', index);
  routes.set(WEBCHAT_PATH, findWebChatBundle());
  for (const [urlPath, file] of routes) {
    server.get(
      urlPath,
      route(deps.logger, (req, res) => serve(cache, file, req, res)),
    );
  }
}

async function serve(cache: FileCache, file: string, req: Request, res: Response): Promise<void> {
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const { body, gzipped, etag } = await cache.get(file, acceptsGzip);
  res.header('ETag', etag);
  res.header('Vary', 'Accept-Encoding');
  res.header('X-Content-Type-Options', 'nosniff');
  // The bundle changes only with a package upgrade; the page and widget may change any deploy.
  res.header('Cache-Control', file.includes('node_modules') ? 'public, max-age=86400' : 'no-cache');
  if (req.headers['if-none-match'] === etag) {
    res.sendRaw(304, '');
    return;
  }
  res.header('Content-Type', contentType(file));
  if (gzipped) res.header('Content-Encoding', 'gzip');
  res.sendRaw(200, body);
}
