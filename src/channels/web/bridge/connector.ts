import { timingSafeEqual } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../../../errors/index.js';
import type { DirectLineConversation, DirectLineStore } from '../../../storage/index.js';
import { activityId } from '../directline/ids.js';
import { handler, jsonObject, param, type HttpDeps } from '../directline/http.js';

export const CONNECTOR_PATH = '/v3/directline/connector';
const WHERE = 'directline connector';

export interface ConnectorDeps extends HttpDeps {
  store: DirectLineStore;
  connectorKey: string;
  bot: ChannelAccount;
}

/**
 * The Bot Connector API subset that the bot's ConnectorClient calls for this channel: replies,
 * proactive messages (handoff agents), updates and members. Whatever the bot sends is stored,
 * which wakes every instance holding the customer's WebSocket.
 */
export function mountConnector(server: Server, deps: ConnectorDeps): void {
  const base = `${CONNECTOR_PATH}/:key/v3/conversations`;
  const post = handler(deps, (req, res) => send(deps, req, res));
  server.post(`${base}/:conversationId/activities`, post);
  server.post(`${base}/:conversationId/activities/:activityId`, post);
  server.put(
    `${base}/:conversationId/activities/:activityId`,
    handler(deps, (req, res) => send(deps, req, res, param(req, 'activityId'))),
  );
  const members = handler(deps, async (req, res) => {
    const conversation = await open(deps, req);
    res.json(membersOf(conversation, deps.bot));
  });
  server.get(`${base}/:conversationId/members`, members);
  server.get(`${base}/:conversationId/activities/:activityId/members`, members);
  server.get(
    `${base}/:conversationId/members/:memberId`,
    handler(deps, async (req, res) => {
      const member = membersOf(await open(deps, req), deps.bot).find((m) => m.id === param(req, 'memberId'));
      if (!member) throw new AppError('NOT_FOUND', `${WHERE}: no member "${param(req, 'memberId')}"`);
      res.json(member);
    }),
  );
  server.post(
    base,
    handler(deps, (req) => {
      checkKey(deps, req);
      throw new AppError(
        'METHOD_NOT_ALLOWED',
        `${WHERE}: Direct Line conversations are started by the client`,
      );
    }),
  );
}

async function send(deps: ConnectorDeps, req: Request, res: Response, updates?: string): Promise<void> {
  const conversation = await open(deps, req);
  const body = jsonObject(req, WHERE);
  if (typeof body.type !== 'string' || !body.type)
    throw new AppError('BAD_REQUEST', `${WHERE}: activity.type is required`);
  const { serviceUrl: _s, id: _id, ...rest } = body as Partial<Activity>;
  const activity: Partial<Activity> = {
    ...rest,
    channelId: 'directline',
    conversation: { ...rest.conversation, id: conversation.id } as Activity['conversation'],
    from: { ...(rest.from ?? deps.bot), role: rest.from?.role ?? 'bot' },
    timestamp: new Date(),
  };
  // Seq 0 is the conversationUpdate the client never sees; Web Chat would hold a reply to it.
  if (activity.replyToId === activityId(conversation.id, 0)) delete activity.replyToId;
  // An update re-sends the activity under its old id: Web Chat replaces what it shows.
  if (updates) activity.id = updates;
  if (activity.type === 'trace') {
    res.json({ id: '' });
    return;
  }
  const record = await deps.store.append(conversation.id, activity);
  res.json({ id: updates ?? activityId(conversation.id, record.seq) });
}

async function open(deps: ConnectorDeps, req: Request): Promise<DirectLineConversation> {
  checkKey(deps, req);
  const id = param(req, 'conversationId');
  const conversation = await deps.store.getConversation(id);
  if (!conversation) throw new AppError('NOT_FOUND', `${WHERE}: no conversation "${id}"`);
  return conversation;
}

function checkKey(deps: ConnectorDeps, req: Request): void {
  const given = Buffer.from(param(req, 'key'));
  const expected = Buffer.from(deps.connectorKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('FORBIDDEN', `${WHERE}: unknown connector key (was the token secret changed?)`);
  }
}

function membersOf(conversation: DirectLineConversation, bot: ChannelAccount): ChannelAccount[] {
  const user: ChannelAccount = { id: conversation.userId, name: 'User', role: 'user' };
  return [user, { ...bot, role: 'bot' }];
}
