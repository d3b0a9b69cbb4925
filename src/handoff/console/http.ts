import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { AppError } from '../../errors/index.js';
import { route } from '../../server/index.js';
import type { Authenticated, ConsoleAuth } from './auth.js';
import { assertSameOrigin } from './auth.js';

/** Validates a JSON body; the message names the call and the field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'BAD_REQUEST',
    `${where}: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
  );
}

export function param(req: Request, name: string): string {
  const v = (req.params as Record<string, unknown> | undefined)?.[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > 100)
    throw new AppError('BAD_REQUEST', `agent console: bad ${name}`);
  return v;
}

export function query(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
}

type Handler = (req: Request, res: Response, auth: Authenticated) => Promise<unknown>;

/** Registers console calls: JSON answers, never cached, agents only (and CSRF for changes). */
export class ConsoleRouter {
  constructor(
    private readonly server: Server,
    private readonly auth: ConsoleAuth,
    private readonly logger: Logger,
    private readonly publicUrl?: string,
  ) {}

  get(path: string, handler: Handler): void {
    this.server.get(path, this.wrap(handler));
  }

  post(path: string, handler: Handler): void {
    this.server.post(path, this.wrap(handler));
  }

  put(path: string, handler: Handler): void {
    this.server.put(path, this.wrap(handler));
  }

  /** For login: no session yet, so no CSRF token; the Origin check still applies. */
  open(method: 'post', path: string, handler: (req: Request, res: Response) => Promise<unknown>): void {
    this.server[method](
      path,
      route(this.logger, async (req, res) => {
        assertSameOrigin(req.headers, this.publicUrl);
        answer(res, await handler(req, res));
      }),
    );
  }

  private wrap(handler: Handler) {
    return route(this.logger, async (req, res) => {
      if (req.method !== 'GET') assertSameOrigin(req.headers, this.publicUrl);
      const auth = await this.auth.require(req);
      answer(res, await handler(req, res, auth));
    });
  }
}

function answer(res: Response, body: unknown): void {
  if (res.headersSent) return;
  res.setHeader('cache-control', 'no-store');
  res.json(200, body);
}
