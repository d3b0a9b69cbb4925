import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { AppError, toAppError } from '../errors/index.js';

/** Writes any error as `{ error: { code, message } }` with its taxonomy status. */
export function sendError(res: Response, err: unknown, logger?: Logger): void {
  const app = toAppError(err);
  if (app.code === 'INTERNAL') logger?.error({ err }, 'http: unexpected error');
  if (res.headersSent) return;
  res.status(app.status);
  res.json(app.toJSON());
}

/** Wraps an async route so a thrown AppError (or anything else) becomes one JSON error answer. */
export function route(
  logger: Logger,
  fn: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (err) {
      sendError(res, err, logger);
    }
  };
}

/** Restify's own errors (bad JSON, body too large, 404, 405) rendered in the same taxonomy. */
export function formatRestifyError(err: Error & { toJSON?: () => unknown }): void {
  const app = toAppError(err);
  // Keep the parser's explanation ("Invalid JSON: ...") — it tells the client what to fix.
  const message = app.code === 'INTERNAL' ? 'internal error' : err.message || app.message;
  err.toJSON = () => new AppError(app.code, message).toJSON();
}
