import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Server } from 'restify';
import { AppError } from '../../../errors/index.js';
import type { TokenClaims } from '../auth/index.js';
import { PREFIX, type DirectLineDeps } from './context.js';
import { bearer, handler, jsonObject, param, publicBase, queryParam } from './http.js';
import { activityId, parseWatermark } from './ids.js';

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** The Direct Line Conversation object: a fresh token and a stream URL resuming at `watermark`. */
async function conversationAnswer(
  deps: DirectLineDeps,
  req: Request,
  claims: TokenClaims,
  watermark: number,
) {
  const issued = await deps.tokens.issue(claims);
  const stream = await deps.tokens.issue(claims, 'stream');
  const wsBase = publicBase(req, deps.publicUrl).replace(/^http/, 'ws');
  const query = new URLSearchParams({ watermark: watermark > 0 ? String(watermark) : '-', t: stream.token });
  return {
    conversationId: claims.conversationId,
    token: issued.token,
    expires_in: issued.expiresIn,
    streamUrl: `${wsBase}${PREFIX}/conversations/${encodeURIComponent(claims.conversationId)}/stream?${query}`,
    referenceGrammarId: '',
  };
}

export function mountConversationRoutes(server: Server, deps: DirectLineDeps): void {
  server.post(
    `${PREFIX}/conversations`,
    handler(deps, async (req, res) => {
      const where = 'directline: POST conversations';
      const claims = await deps.tokens.verify(bearer(req, where), 'conversation', where);
      const body = jsonObject(req, where);
      const locale = typeof body.locale === 'string' && LOCALE.test(body.locale) ? body.locale : undefined;
      const serviceUrl = deps.serviceUrl();
      if (!serviceUrl) throw new AppError('UNAVAILABLE', `${where}: the web channel has not started yet`);
      const { created } = await deps.store.createConversation({
        id: claims.conversationId,
        userId: claims.userId,
        locale,
      });
      if (created) deps.bridge.enqueue(conversationUpdate(deps, claims, serviceUrl, locale));
      res.status(created ? 201 : 200);
      res.json(await conversationAnswer(deps, req, claims, 0));
    }),
  );
  server.get(
    `${PREFIX}/conversations/:conversationId`,
    handler(deps, async (req, res) => {
      const where = 'directline: GET conversation';
      const id = param(req, 'conversationId');
      const claims = await deps.tokens.verifyFor(bearer(req, where), id, where);
      deps.limits.polls.take(id, where);
      const watermark = parseWatermark(queryParam(req, 'watermark'), where);
      if (!(await deps.store.getConversation(id))) {
        throw new AppError('NOT_FOUND', `${where}: no conversation "${id}"`);
      }
      res.json(await conversationAnswer(deps, req, claims, watermark));
    }),
  );
}

/** What Direct Line tells the bot when a conversation starts: the bot and the user joined. */
function conversationUpdate(
  deps: DirectLineDeps,
  claims: TokenClaims,
  serviceUrl: string,
  locale: string | undefined,
): Partial<Activity> {
  const user = { id: claims.userId, role: 'user' } as ChannelAccount;
  return {
    type: 'conversationUpdate',
    id: activityId(claims.conversationId, 0),
    channelId: 'directline',
    serviceUrl,
    timestamp: new Date(),
    conversation: { id: claims.conversationId } as Activity['conversation'],
    from: user,
    recipient: deps.bot,
    membersAdded: [deps.bot, user],
    ...(locale ? { locale } : {}),
  };
}
