import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../../../errors/index.js';
import { route } from '../../../server/index.js';

/** The bearer token of a request, or UNAUTHORIZED naming the endpoint. */
export function bearer(req: Request, where: string): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError('UNAUTHORIZED', `${where}: send the token as "Authorization: Bearer <token>"`);
  return match[1];
}

export function clientIp(req: Request, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return (trustProxy && first) || req.socket.remoteAddress || 'unknown';
}

/** Base URL the client used (or the configured public one): stream URLs must be reachable by it. */
export function publicBase(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const proto = req.headers['x-forwarded-proto'] === 'https' || req.isSecure() ? 'https' : 'http';
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  return `${proto}://${host}`;
}

export interface HttpDeps {
  logger: Logger;
  allowedOrigins: string[];
}

/** CORS for the widget on another site; no cookies are involved, tokens travel in headers. */
export function cors(req: Request, res: Response, allowedOrigins: string[]): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (allowedOrigins.includes('*')) res.header('Access-Control-Allow-Origin', '*');
  else if (allowedOrigins.includes(origin)) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Vary', 'Origin');
  }
}

/** route() plus CORS headers and Retry-After on 429. */
export function handler(
  deps: HttpDeps,
  fn: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return route(deps.logger, async (req, res) => {
    cors(req, res, deps.allowedOrigins);
    try {
      await fn(req, res);
    } catch (err) {
      const retry = err instanceof AppError ? err.details?.retryAfterSeconds : undefined;
      // An HTTP-date, not seconds: DirectLineJS 0.15 calls the unloaded Observable.timer for a
      // numeric Retry-After, and the failed post then looks like a success to Web Chat.
      if (typeof retry === 'number')
        res.header('Retry-After', new Date(Date.now() + retry * 1000).toUTCString());
      throw err;
    }
  });
}

/** Answers browser preflights for the given paths. */
export function preflight(server: Server, deps: HttpDeps, paths: string[]): void {
  const answer = handler(deps, (req, res) => {
    res.header('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
    res.header(
      'Access-Control-Allow-Headers',
      req.headers['access-control-request-headers'] ?? 'authorization, content-type',
    );
    res.header('Access-Control-Max-Age', '600');
    res.send(204);
    return Promise.resolve();
  });
  for (const p of paths) server.opts(p, answer);
}

/** The JSON body as an object, or BAD_REQUEST. */
export function jsonObject(req: Request, where: string): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new AppError('BAD_REQUEST', `${where}: the body must be a JSON object`);
  }
  return body as Record<string, unknown>;
}

/** A path parameter as a string (restify types params as any). */
export function param(req: Request, name: string): string {
  const params = req.params as Record<string, unknown> | undefined;
  const value = params?.[name];
  return typeof value === 'string' ? value : '';
}

/** A query parameter as a string, if given once. */
export function queryParam(req: Request, name: string): string | undefined {
  const query = req.query as Record<string, unknown> | undefined;
  const value = query?.[name];
  return typeof value === 'string' ? value : undefined;
}
