import type { Request, Server } from 'restify';
import type { IssuedToken } from '../auth/index.js';
import type { DirectLineDeps } from './context.js';
import { bearer, clientIp, handler } from './http.js';
import { newConversationId, newUserId } from './ids.js';
import { PREFIX } from './context.js';

export interface LocalToken extends IssuedToken {
  conversationId: string;
  userId: string;
}

/** A token for a new conversation, rate limited per client IP (tokens are free to ask for). */
export async function issueLocalToken(
  deps: DirectLineDeps,
  req: Request,
  where: string,
): Promise<LocalToken> {
  deps.limits.tokensPerIp.take(clientIp(req, deps.trustProxy), where);
  const claims = { conversationId: newConversationId(), userId: newUserId() };
  return { ...claims, ...(await deps.tokens.issue(claims)) };
}

export function mountTokenRoutes(server: Server, deps: DirectLineDeps): void {
  server.post(
    `${PREFIX}/tokens/generate`,
    handler(deps, async (req, res) => {
      const issued = await issueLocalToken(deps, req, 'directline: tokens/generate');
      res.json({ conversationId: issued.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );
  server.post(
    `${PREFIX}/tokens/refresh`,
    handler(deps, async (req, res) => {
      const where = 'directline: tokens/refresh';
      const claims = await deps.tokens.verify(bearer(req, where), 'conversation', where);
      const issued = await deps.tokens.issue(claims);
      res.json({ conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );
}
