import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Server } from 'restify';
import { AppError } from '../../../errors/index.js';
import { PREFIX, type DirectLineDeps } from './context.js';
import { bearer, handler, param, queryParam } from './http.js';
import { activityId, parseWatermark } from './ids.js';
import { activitySet } from './render.js';
import { validateClientActivity } from './validate.js';

const POLL_BATCH = 500;

function rawBytes(req: Request): number {
  const raw: unknown = (req as Request & { rawBody?: unknown }).rawBody;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) return Buffer.byteLength(raw);
  return Buffer.byteLength(JSON.stringify(req.body ?? null));
}

export function mountActivityRoutes(server: Server, deps: DirectLineDeps): void {
  server.post(
    `${PREFIX}/conversations/:conversationId/activities`,
    handler(deps, async (req, res) => {
      const where = 'directline: POST activities';
      const id = param(req, 'conversationId');
      const claims = await deps.tokens.verifyFor(bearer(req, where), id, where);
      deps.limits.posts.take(id, where);
      if (req.contentType() !== 'application/json') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${where}: send the activity as application/json`);
      }
      const picked = validateClientActivity(req.body, rawBytes(req), deps.maxActivityBytes);
      const serviceUrl = deps.serviceUrl();
      if (!serviceUrl) throw new AppError('UNAVAILABLE', `${where}: the web channel has not started yet`);
      if (!(await deps.store.getConversation(id)))
        throw new AppError('NOT_FOUND', `${where}: no conversation "${id}"`);
      const name = (req.body as { from?: { name?: unknown } }).from?.name;
      const activity: Partial<Activity> = {
        ...picked,
        channelId: 'directline',
        timestamp: new Date(),
        conversation: { id } as Activity['conversation'],
        // The user id comes from the token, never from the page.
        from: {
          id: claims.userId,
          role: 'user',
          ...(typeof name === 'string' ? { name: name.slice(0, 100) } : {}),
        } as ChannelAccount,
        recipient: deps.bot,
      };
      // Stored first: this is the echo Web Chat waits for (matched by channelData.clientActivityID).
      const record = await deps.store.append(id, activity);
      const assigned = activityId(id, record.seq);
      deps.bridge.enqueue({ ...activity, id: assigned, serviceUrl });
      res.json({ id: assigned });
    }),
  );
  server.get(
    `${PREFIX}/conversations/:conversationId/activities`,
    handler(deps, async (req, res) => {
      const where = 'directline: GET activities';
      const id = param(req, 'conversationId');
      await deps.tokens.verifyFor(bearer(req, where), id, where);
      deps.limits.polls.take(id, where);
      const afterSeq = parseWatermark(queryParam(req, 'watermark'), where);
      if (!(await deps.store.getConversation(id)))
        throw new AppError('NOT_FOUND', `${where}: no conversation "${id}"`);
      const records = await deps.store.list(id, { afterSeq, limit: POLL_BATCH });
      res.json(activitySet(records, afterSeq));
    }),
  );
  server.post(
    `${PREFIX}/conversations/:conversationId/upload`,
    handler(deps, () => {
      throw new AppError('BAD_REQUEST', 'directline: upload: file uploads are not supported by this channel');
    }),
  );
}
