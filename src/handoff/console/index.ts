import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { PresenceKeeper } from '../service/presence.js';
import type { AgentDesk } from '../service/desk.js';
import type { HandoffDeps } from '../service/deps.js';
import type { ConsoleAuth } from './auth.js';
import { ConsoleRouter } from './http.js';
import { sessionRoutes } from './routes-session.js';
import { teamRoutes } from './routes-team.js';
import { ticketRoutes } from './routes-tickets.js';
import { staticRoutes } from './static.js';

export { AgentHub, WS_PATH } from './hub.js';
export { ConsoleAuth, agentView, type AgentView } from './auth.js';
export { LoginLimiter } from './rate-limit.js';
export { SESSION_COOKIE } from './cookies.js';
export { DEFAULT_CANNED, type CannedReply } from './routes-team.js';

export interface ConsoleParts {
  deps: HandoffDeps;
  auth: ConsoleAuth;
  desk: AgentDesk;
  presence: PresenceKeeper;
  logger: Logger;
  publicUrl?: string;
}

/** Every HTTP route of the agent console (API.md), plus the console's static files. */
export function consoleRoutes(server: Server, p: ConsoleParts): void {
  const router = new ConsoleRouter(server, p.auth, p.logger, p.publicUrl);
  sessionRoutes(router, p.auth, p.presence);
  ticketRoutes(router, p.desk, p.presence);
  teamRoutes(router, p.deps, p.presence);
  staticRoutes(server, p.deps.options.webRoot, p.logger);
}
