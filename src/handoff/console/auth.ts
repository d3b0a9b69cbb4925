import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { AppError } from '../../errors/index.js';
import { decoyHash, verifyPassword } from '../agents/password.js';
import type { Agent, AgentRecord, AgentSession, AgentStore } from '../agents/ports.js';
import type { Clock } from '../availability/index.js';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import type { LoginLimiter } from './rate-limit.js';

export interface AgentView {
  id: string;
  username: string;
  displayName: string;
  queues: string[];
  role: Agent['role'];
}

export const agentView = (a: Agent): AgentView => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  queues: a.queues,
  role: a.role,
});

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Authenticated {
  agent: AgentRecord;
  session: AgentSession;
}

/** Agent sessions: opaque cookie token (only its hash is stored), a CSRF token per session. */
export class ConsoleAuth {
  constructor(
    private readonly agents: AgentStore,
    private readonly limiter: LoginLimiter,
    private readonly clock: Clock,
    private readonly options: { sessionHours: number; secureCookie: boolean },
  ) {}

  async login(ip: string, username: string, password: string): Promise<Authenticated & { cookie: string }> {
    const key = `${ip}|${username.toLowerCase()}`;
    const wait = this.limiter.retryAfter(key);
    if (wait > 0)
      throw new AppError('TOO_MANY_REQUESTS', `login: too many failed attempts; try again in ${wait} s`, {
        retryAfterSeconds: wait,
      });
    const agent = await this.agents.findByUsername(username);
    // Verify against a decoy when the user does not exist, so timing does not reveal usernames.
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await decoyHash()));
    if (!agent || !ok) {
      this.limiter.fail(key);
      throw new AppError('UNAUTHORIZED', 'login: wrong username or password');
    }
    this.limiter.succeed(key);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session: AgentSession = {
      tokenHash: hashToken(token),
      agentId: agent.id,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.options.sessionHours * 3_600_000),
    };
    await this.agents.createSession(session);
    const { passwordHash: _hash, ...record } = agent;
    return {
      agent: record,
      session,
      cookie: sessionCookie(token, this.options.sessionHours * 3600, this.options.secureCookie),
    };
  }

  async logout(headers: IncomingHttpHeaders): Promise<string> {
    const token = readCookie(headers, SESSION_COOKIE);
    if (token) await this.agents.deleteSession(hashToken(token));
    return sessionCookie('', 0, this.options.secureCookie);
  }

  /** The logged-in agent of a request or WebSocket upgrade, if any. */
  async current(headers: IncomingHttpHeaders): Promise<Authenticated | undefined> {
    const token = readCookie(headers, SESSION_COOKIE);
    if (!token) return undefined;
    const session = await this.agents.getSession(hashToken(token));
    if (!session || session.expiresAt.getTime() <= this.clock.now().getTime()) return undefined;
    const agent = await this.agents.get(session.agentId);
    return agent && { agent, session };
  }

  /** 401 without a session; 403 for a state-changing call without the session's CSRF token. */
  async require(req: IncomingMessage): Promise<Authenticated> {
    const auth = await this.current(req.headers);
    if (!auth) throw new AppError('UNAUTHORIZED', 'agent console: log in first');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET')) {
      const given = Buffer.from(String(req.headers['x-csrf-token'] ?? ''));
      const expected = Buffer.from(auth.session.csrfToken);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AppError('FORBIDDEN', 'agent console: missing or wrong x-csrf-token header');
      }
    }
    return auth;
  }
}

/**
 * A browser always sends Origin on cross-site POSTs and WebSocket handshakes; when it names another
 * host than the one addressed, the request was not made by the console page.
 */
export function assertSameOrigin(headers: IncomingHttpHeaders, publicUrl?: string): void {
  const origin = headers.origin;
  if (!origin) return;
  if (origin === 'null') throw new AppError('FORBIDDEN', 'agent console: opaque origin refused');
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('FORBIDDEN', 'agent console: malformed Origin header');
  }
  const allowed = new Set([headers.host, publicUrl ? new URL(publicUrl).host : undefined].filter(Boolean));
  if (!allowed.has(host)) throw new AppError('FORBIDDEN', 'agent console: cross-origin request refused');
}
