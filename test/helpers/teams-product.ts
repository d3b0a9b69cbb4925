// The real Tulay as Microsoft Teams sees it: started with MicrosoftAppId/MicrosoftAppPassword, so
// every POST to /api/messages must carry a Bot Framework JWT and every reply needs a connector
// token. Only Microsoft's services are stood in for, with nock:
// - login.botframework.com: the OpenID metadata and signing keys of the Bot Connector (our key);
// - login.microsoftonline.com: the token endpoint the bot gets its connector token from;
// - the Teams service URL: replies, proactive messages and getMember (TeamsInfo).
// Everything else is real: HTTP to 127.0.0.1, the app, SQLite, the knowledge base, the agent API.
import type { Activity, TeamsChannelAccount } from 'botbuilder';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import nock, { type Interceptor } from 'nock';
import { startApp, type RunningApp } from './app.js';
import { TEAMS_BOT, TEAMS_SERVICE_URL, TEAMS_TENANT_ID, teamsFixture, type TeamsFixture } from './teams.js';

export { TEAMS_BOT, TEAMS_SERVICE_URL, TEAMS_TENANT_ID, teamsFixture, teamsMember } from './teams.js';

/** The bot's client secret in these tests; the token endpoint checks the bot sends it. */
export const BOT_APP_PASSWORD = 'tulay-teams-test-secret';
/** What the (stand-in) Entra token endpoint issues to the bot; the Teams stand-in demands it. */
export const CONNECTOR_TOKEN = 'eyJ0eXAiOiJKV1QifQ.tulay-connector-token.sig';

const CHANNEL_ISSUER = 'https://api.botframework.com';
const BF_LOGIN = 'https://login.botframework.com';
const MS_LOGIN = 'https://login.microsoftonline.com';
const KEY_ID = 'tulay-test-channel-key';

interface ChannelKey {
  privateKey: CryptoKey;
  jwk: JWK;
}

// One key per process: botframework-connector caches the OpenID keys per metadata URL for 24 h in
// a static map, so a second key in the same process would never be fetched.
const KEY_SLOT = Symbol.for('tulay.test.botFrameworkChannelKey');
type KeyHolder = { [KEY_SLOT]?: Promise<ChannelKey> };
function channelKey(): Promise<ChannelKey> {
  const holder = globalThis as KeyHolder;
  holder[KEY_SLOT] ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, use: 'sig', alg: 'RS256' };
    return { privateKey, jwk };
  })();
  return holder[KEY_SLOT];
}

export interface TokenRequest {
  clientId: string;
  clientSecret: string;
  scope: string;
  grantType: string;
}

export interface BotFrameworkAuthMock {
  /** A Bot Connector JWT for `serviceUrl` (Teams puts the service URL in the token). */
  sign(serviceUrl: string, options?: { audience?: string; expiresIn?: string }): Promise<string>;
  /** Client-credential requests the bot made to get its connector token. */
  tokenRequests: TokenRequest[];
  close(): void;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The Bot Connector's OpenID metadata and keys (for tokens we sign, endorsed for msteams), and
 * Entra's client-credentials flow for the bot's outgoing token.
 */
export async function mockBotFrameworkAuth(appId: string): Promise<BotFrameworkAuthMock> {
  const key = await channelKey();
  const interceptors: Interceptor[] = [];
  const tokenRequests: TokenRequest[] = [];
  const keep = (i: Interceptor) => {
    interceptors.push(i);
    return i;
  };

  const bf = nock(BF_LOGIN).persist();
  keep(bf.get('/v1/.well-known/openidconfiguration')).reply(200, {
    issuer: CHANNEL_ISSUER,
    authorization_endpoint: 'https://invalid.botframework.com',
    jwks_uri: `${BF_LOGIN}/v1/.well-known/keys`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  });
  keep(bf.get('/v1/.well-known/keys')).reply(200, {
    keys: [{ ...key.jwk, endorsements: ['msteams'] }],
  });

  // MSAL (inside botframework-connector) resolves the authority, then asks for a token.
  const ms = nock(MS_LOGIN).persist();
  keep(ms.get(/\/discovery\/instance\?/)).reply(200, {
    tenant_discovery_endpoint: `${MS_LOGIN}/botframework.com/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      {
        preferred_network: 'login.microsoftonline.com',
        preferred_cache: 'login.windows.net',
        aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
    ],
  });
  keep(ms.get(/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration/)).reply((uri) => {
    const tenant = uri.split('/')[1] ?? 'botframework.com';
    return [
      200,
      {
        token_endpoint: `${MS_LOGIN}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${MS_LOGIN}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${MS_LOGIN}/${tenant}/oauth2/v2.0/logout`,
        issuer: `${MS_LOGIN}/${tenant}/v2.0`,
        jwks_uri: `${MS_LOGIN}/${tenant}/discovery/v2.0/keys`,
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
      },
    ];
  });
  keep(ms.post(/^\/[^/]+\/oauth2\/v2\.0\/token/)).reply((_uri, body) => {
    const form = new URLSearchParams(typeof body === 'string' ? body : '');
    const request: TokenRequest = {
      clientId: form.get('client_id') ?? '',
      clientSecret: form.get('client_secret') ?? '',
      scope: form.get('scope') ?? '',
      grantType: form.get('grant_type') ?? '',
    };
    tokenRequests.push(request);
    if (request.clientId !== appId || request.clientSecret !== BOT_APP_PASSWORD) {
      return [401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret.' }];
    }
    return [
      200,
      { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: CONNECTOR_TOKEN },
    ];
  });

  return {
    tokenRequests,
    sign: (serviceUrl, options = {}) =>
      new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
        .setIssuer(CHANNEL_ISSUER)
        .setAudience(options.audience ?? appId)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(key.privateKey),
    close: () => interceptors.forEach((i) => nock.removeInterceptor(i)),
  };
}

export interface SentToTeams {
  conversationId: string;
  /** Set for replies (POST .../activities/:replyToId); absent for new messages (proactive). */
  replyToId?: string;
  activity: Partial<Activity>;
  /** 201, 400 for an event activity (as Teams answers), 401 without the connector token. */
  status: number;
  authorization: string | undefined;
}

export interface TeamsConnectorMock {
  sent: SentToTeams[];
  memberLookups: { conversationId: string; userId: string; authorization: string | undefined }[];
  /** Everything POSTed to a conversation, accepted or not. */
  to(conversationId: string): SentToTeams[];
  /** Message texts Teams accepted for a conversation (cards have no text). */
  texts(conversationId: string): string[];
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

/**
 * The Teams service at `serviceUrl`. Like the real one it wants the bot's connector token on
 * every call (401 otherwise) and rejects `event` activities with 400. getMember answers for the
 * given members, 404 for anyone else. Only 127.0.0.1/localhost may be reached besides.
 */
export function mockTeamsConnector(
  members: TeamsChannelAccount[],
  serviceUrl = TEAMS_SERVICE_URL,
): TeamsConnectorMock {
  const { origin, pathname } = new URL(serviceUrl);
  const base = escape(pathname.replace(/\/$/, ''));
  const sent: SentToTeams[] = [];
  const memberLookups: TeamsConnectorMock['memberLookups'] = [];
  let nextId = 1763640000000;
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const scope = nock(origin).persist();
  const authorized = (header: string | undefined) => header === `Bearer ${CONNECTOR_TOKEN}`;

  const post = scope.post(new RegExp(`^${base}/v3/conversations/([^/]+)/activities(?:/([^/]+))?$`));
  post.reply(function (uri, body) {
    const [, conversation = '', replyTo] =
      /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(uri) ?? [];
    const activity = (typeof body === 'string' ? JSON.parse(body) : body) as Partial<Activity>;
    const authorization = this.req.headers.authorization;
    const status = !authorized(authorization) ? 401 : activity.type === 'event' ? 400 : 201;
    const record: SentToTeams = {
      conversationId: decodeURIComponent(conversation),
      activity,
      status,
      authorization,
    };
    if (replyTo) record.replyToId = decodeURIComponent(replyTo);
    sent.push(record);
    if (status === 401) return [401, { message: 'Authorization has been denied for this request.' }];
    if (status === 400) return [400, { error: { code: 'BadArgument', message: 'Unknown activity type' } }];
    return [201, { id: String(nextId++) }];
  });

  const get = scope.get(new RegExp(`^${base}/v3/conversations/([^/]+)/members/([^/]+)$`));
  get.reply(function (uri) {
    const [, conversation = '', user = ''] =
      /\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(uri) ?? [];
    const userId = decodeURIComponent(user);
    const authorization = this.req.headers.authorization;
    memberLookups.push({ conversationId: decodeURIComponent(conversation), userId, authorization });
    if (!authorized(authorization))
      return [401, { message: 'Authorization has been denied for this request.' }];
    const member = members.find((m) => m.id === userId || m.aadObjectId === userId);
    return member ? [200, member] : [404, { error: { code: 'MemberNotFoundInConversation' } }];
  });

  const to = (conversationId: string) => sent.filter((s) => s.conversationId === conversationId);
  return {
    sent,
    memberLookups,
    to,
    texts: (conversationId) =>
      to(conversationId)
        .filter((s) => s.status === 201 && s.activity.type === 'message' && s.activity.text)
        .map((s) => s.activity.text ?? ''),
    async waitFor(predicate, what, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`Teams mock: timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => {
      nock.removeInterceptor(post);
      nock.removeInterceptor(get);
      nock.enableNetConnect();
    },
  };
}

export interface TeamsProduct {
  running: RunningApp;
  url: string;
  teams: TeamsConnectorMock;
  auth: BotFrameworkAuthMock;
  /** POSTs an activity as the Bot Connector does: signed for its serviceUrl. */
  send(
    activity: Partial<Activity>,
    options?: { token?: string | null },
  ): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** The real Tulay with Bot Framework credentials, the Teams service and Microsoft logins mocked. */
export async function startTeamsProduct(
  members: TeamsChannelAccount[],
  env: Record<string, string> = {},
): Promise<TeamsProduct> {
  const teams = mockTeamsConnector(members);
  const auth = await mockBotFrameworkAuth(TEAMS_BOT.appId);
  let running: RunningApp;
  try {
    running = await startApp({
      MicrosoftAppId: TEAMS_BOT.appId,
      MicrosoftAppPassword: BOT_APP_PASSWORD,
      MicrosoftAppType: 'MultiTenant',
      TEAMS_TENANT_IDS: TEAMS_TENANT_ID,
      HANDOFF_DEMO_AGENT: 'false',
      ...env,
    });
  } catch (err) {
    auth.close();
    teams.close();
    throw err;
  }
  return {
    running,
    url: running.url,
    teams,
    auth,
    async send(activity, options = {}) {
      const token =
        options.token === undefined
          ? await auth.sign(activity.serviceUrl ?? TEAMS_SERVICE_URL)
          : options.token;
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    async stop() {
      try {
        await running.stop();
      } finally {
        auth.close();
        teams.close();
      }
    },
  };
}

let seq = 0;
/**
 * A recorded Teams activity moved to a conversation of its own (so tests sharing one app do not
 * share dialog state or tickets), with a fresh activity id and `patch` applied on top.
 */
export function inOwnConversation(name: TeamsFixture, patch: Partial<Activity> = {}): Activity {
  const recorded = teamsFixture(name);
  const n = ++seq;
  const id = recorded.conversation.id;
  // Channel threads are "<channel>;messageid=<root>"; personal chats are "a:<opaque>".
  const conversationId = id.includes(';messageid=') ? `${id}${n}` : `${id}${process.pid}x${n}`;
  return {
    ...recorded,
    id: `${recorded.id}${n}`,
    timestamp: new Date().toISOString(),
    conversation: { ...recorded.conversation, id: conversationId },
    ...patch,
  } as Activity;
}

/** The same conversation, a later activity of another recorded kind (e.g. a card press after an answer). */
export function nextInConversation(
  name: TeamsFixture,
  conversation: Activity['conversation'],
  patch: Partial<Activity> = {},
): Activity {
  const recorded = teamsFixture(name);
  return {
    ...recorded,
    id: `${recorded.id}${++seq}`,
    timestamp: new Date().toISOString(),
    conversation,
    ...patch,
  } as Activity;
}

/** A Teams user as the activity's `from` (what Teams puts there: id, name, AAD object id). */
export function fromMember(member: TeamsChannelAccount): Activity['from'] {
  return { id: member.id, name: member.name, aadObjectId: member.aadObjectId };
}

interface CardJson {
  body?: { type: string; text?: string }[];
  actions?: CardActionJson[];
}
export interface CardActionJson {
  type: string;
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
  fallback?: { type: string; title?: string; data?: Record<string, unknown> };
}

/** The Adaptive Cards of an activity Tulay sent. */
export function adaptiveCards(activity: Partial<Activity>): CardJson[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as CardJson);
}

/** Every text block and action title of the cards, plus the activity's own text: what the user reads. */
export function visibleText(activity: Partial<Activity>): string {
  const cards = adaptiveCards(activity);
  return [
    activity.text ?? '',
    ...cards.flatMap((c) => (c.body ?? []).map((b) => b.text ?? '')),
    ...cards.flatMap((c) => (c.actions ?? []).map((a) => a.title ?? '')),
  ]
    .filter(Boolean)
    .join('\n');
}
