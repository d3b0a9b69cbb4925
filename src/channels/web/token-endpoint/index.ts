import type { Server } from 'restify';
import type { DirectLineDeps } from '../directline/index.js';
import {
  clientIp,
  handler,
  issueLocalToken,
  newUserId,
  preflight,
  publicBase,
  PREFIX,
} from '../directline/index.js';
import { exchangeSecret } from './azure.js';

export const TOKEN_PATH = '/api/directline/token';

export interface TokenEndpointDeps extends DirectLineDeps {
  directLineSecret: string | undefined;
  directLineEndpoint: string;
}

/**
 * The widget's single entry point: with DIRECT_LINE_SECRET a token from Azure Direct Line,
 * else one from Tulay's local Direct Line. `domain` tells the widget which one to talk to.
 */
export function mountTokenEndpoint(server: Server, deps: TokenEndpointDeps): void {
  const where = `web channel: POST ${TOKEN_PATH}`;
  server.post(
    TOKEN_PATH,
    handler(deps, async (req, res) => {
      res.header('Cache-Control', 'no-store');
      if (deps.directLineSecret) {
        deps.limits.tokensPerIp.take(clientIp(req, deps.trustProxy), where);
        const userId = newUserId();
        const azure = await exchangeSecret(deps.directLineEndpoint, deps.directLineSecret, userId);
        res.json({
          token: azure.token,
          conversationId: azure.conversationId,
          expires_in: azure.expiresIn,
          userId,
          domain: deps.directLineEndpoint,
        });
        return;
      }
      const local = await issueLocalToken(deps, req, where);
      res.json({
        token: local.token,
        conversationId: local.conversationId,
        expires_in: local.expiresIn,
        userId: local.userId,
        domain: `${publicBase(req, deps.publicUrl)}${PREFIX}`,
      });
    }),
  );
  preflight(server, deps, [TOKEN_PATH]);
}
