import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response } from 'restify';
import { AppError } from '../errors/index.js';

/** Rejects what the adapter would choke on, with a message that says what is missing. */
export function validateActivity(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('BAD_REQUEST', 'api/messages: the body must be a JSON activity object');
  }
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type.length === 0) {
    throw new AppError('BAD_REQUEST', 'api/messages: activity.type is required');
  }
  const conv = a.conversation as Record<string, unknown> | undefined;
  if (typeof conv?.id !== 'string' || conv.id.length === 0) {
    throw new AppError('BAD_REQUEST', 'api/messages: activity.conversation.id is required');
  }
  if (typeof a.serviceUrl !== 'string' || a.serviceUrl.length === 0) {
    throw new AppError('BAD_REQUEST', 'api/messages: activity.serviceUrl is required');
  }
  if (a.text !== undefined && typeof a.text !== 'string') {
    throw new AppError('BAD_REQUEST', 'api/messages: activity.text must be a string');
  }
}

export function messagesHandler(adapter: CloudAdapter, bot: ActivityHandlerBase, logger: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const contentType = req.contentType();
    if (contentType !== 'application/json') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'api/messages: send the activity as application/json');
    }
    validateActivity(req.body);
    logger.debug({ type: (req.body as { type: string }).type }, 'api/messages: activity received');
    // CloudAdapter answers 401 itself when auth is on and the JWT is missing or invalid.
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
