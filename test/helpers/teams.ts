// Teams for tests: recorded activity payloads (test/fixtures/teams), a nock stand-in for the
// Teams service that records what the bot sent, and a real server + CloudAdapter on port 0.
// The adapter runs anonymously (no MicrosoftAppId), so no token endpoint is ever called.
import { once } from 'node:events';
import type {
  Activity,
  ActivityHandlerBase,
  CloudAdapter,
  Middleware,
  TeamsChannelAccount,
} from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { createAdapter } from '../../src/bot/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { createServer } from '../../src/server/index.js';
import { TEAMS_SERVICE_URL } from '../fixtures/teams/index.js';

export * from '../fixtures/teams/index.js';

export interface SentToTeams {
  conversationId: string;
  /** Set for replies (POST .../activities/:replyToId); absent for proactive sends. */
  replyToId?: string;
  activity: Partial<Activity>;
  /** What the mock answered: 201, or 400 for activity types Teams rejects. */
  status: number;
}

export interface TeamsServiceMock {
  sent: SentToTeams[];
  memberLookups: { conversationId: string; userId: string }[];
  /** Texts of the message activities Teams accepted, in order. */
  texts(): string[];
  /** Removes this mock's interceptors and allows the network again. */
  close(): void;
}

export interface TeamsServiceOptions {
  serviceUrl?: string;
  /** getMember answers by user id (29:...) or AAD object id; anything else gets Teams' 404. */
  members?: TeamsChannelAccount[];
  /** Answer every getMember with this status instead (e.g. 500 to test the fallback). */
  memberFailure?: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Stands in for the Teams service at `serviceUrl`: records replies and proactive messages, and
 * answers getMember. Like the real one it rejects `event` activities with 400. Everything
 * except 127.0.0.1/localhost is blocked, so a stray call to a real service fails the test.
 */
export function mockTeamsService(options: TeamsServiceOptions = {}): TeamsServiceMock {
  const { origin, pathname } = new URL(options.serviceUrl ?? TEAMS_SERVICE_URL);
  const base = escape(pathname.replace(/\/$/, ''));
  const sent: SentToTeams[] = [];
  const memberLookups: TeamsServiceMock['memberLookups'] = [];
  let nextId = 1763631000000;
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const scope = nock(origin).persist();

  const post = scope.post(new RegExp(`^${base}/v3/conversations/([^/]+)/activities(?:/([^/]+))?$`));
  post.reply((uri, body) => {
    const [, conversation = '', replyTo] =
      new RegExp(`/v3/conversations/([^/]+)/activities(?:/([^/]+))?$`).exec(uri) ?? [];
    const activity = (typeof body === 'string' ? JSON.parse(body) : body) as Partial<Activity>;
    const status = activity.type === 'event' ? 400 : 201;
    const record: SentToTeams = { conversationId: decodeURIComponent(conversation), activity, status };
    if (replyTo) record.replyToId = decodeURIComponent(replyTo);
    sent.push(record);
    if (status === 400) return [400, { error: { code: 'BadArgument', message: 'Unknown activity type' } }];
    return [201, { id: String(nextId++) }];
  });

  const get = scope.get(new RegExp(`^${base}/v3/conversations/([^/]+)/members/([^/]+)$`));
  get.reply((uri) => {
    const [, conversation = '', user = ''] =
      /\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(uri) ?? [];
    const userId = decodeURIComponent(user);
    memberLookups.push({ conversationId: decodeURIComponent(conversation), userId });
    if (options.memberFailure) return [options.memberFailure, { error: { code: 'ServiceError' } }];
    const member = options.members?.find((m) => m.id === userId || m.aadObjectId === userId);
    return member ? [200, member] : [404, { error: { code: 'MemberNotFoundInConversation' } }];
  });

  return {
    sent,
    memberLookups,
    texts: () =>
      sent.filter((s) => s.status < 300 && s.activity.type === 'message').map((s) => s.activity.text ?? ''),
    close: () => {
      nock.removeInterceptor(post);
      nock.removeInterceptor(get);
      nock.enableNetConnect();
    },
  };
}

/** POSTs an activity to `/api/messages` like the Bot Connector does; the body is JSON when there is one. */
export async function postActivity(
  baseUrl: string,
  activity: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export interface TeamsTestServer {
  url: string;
  adapter: CloudAdapter;
  close(): Promise<void>;
}

/** Tulay's real server and anonymous CloudAdapter on a free port, running `bot` with `middleware`. */
export async function startTeamsTestServer(
  bot: ActivityHandlerBase,
  middleware: Middleware[] = [],
): Promise<TeamsTestServer> {
  const logger = pino({ level: 'silent' });
  const metrics = createMetrics({ defaultMetrics: false });
  const anonymous = {
    appId: undefined,
    appPassword: undefined,
    appType: 'MultiTenant',
    tenantId: undefined,
  } as const;
  const adapter = createAdapter(anonymous, logger, metrics);
  for (const m of middleware) adapter.use(m);
  const ready = () => Promise.resolve();
  const server = createServer({ logger, metrics, adapter, bot, bodyLimitBytes: 256 * 1024, ready });
  server.server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    adapter,
    close: async () => {
      server.server.close();
      await once(server.server, 'close');
    },
  };
}
