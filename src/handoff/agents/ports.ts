export const AGENT_ROLES = ['agent', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** What an agent chose; `offline` is derived (no live console connection), never stored. */
export type PresenceStatus = 'available' | 'away';

export interface Agent {
  id: string;
  username: string;
  displayName: string;
  /** Queues the agent serves; `*` means every queue. */
  queues: string[];
  role: AgentRole;
  createdAt: Date;
}

export interface AgentPresenceRecord {
  status: PresenceStatus;
  /** Last thing the agent did (console message, API call); idle agents go away after a while. */
  lastActiveAt?: Date;
  /** Heartbeat of a live console connection on any instance. */
  lastSeenAt?: Date;
  /** Last time a console connected; a reconnect after a disconnect cancels the requeue. */
  connectedAt?: Date;
}

export interface AgentRecord extends Agent {
  presence: AgentPresenceRecord;
}

export interface NewAgent {
  id: string;
  username: string;
  displayName: string;
  queues: string[];
  role: AgentRole;
  passwordHash: string;
  at: Date;
}

export interface AgentSession {
  /** sha256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  agentId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Agents, their presence and their console sessions (shared by every instance). */
export interface AgentStore {
  /** Throws AgentExistsError when the username is taken (usernames compare case-insensitively). */
  add(input: NewAgent): Promise<AgentRecord>;
  get(id: string): Promise<AgentRecord | undefined>;
  findByUsername(username: string): Promise<(AgentRecord & { passwordHash: string }) | undefined>;
  list(): Promise<AgentRecord[]>;
  /** Also ends the agent's sessions. */
  remove(username: string): Promise<boolean>;
  setPassword(username: string, passwordHash: string): Promise<boolean>;
  setPresence(agentId: string, patch: Partial<AgentPresenceRecord>): Promise<AgentRecord | undefined>;
  createSession(session: AgentSession): Promise<void>;
  getSession(tokenHash: string): Promise<AgentSession | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: Date): Promise<number>;
}

export class AgentExistsError extends Error {
  override name = 'AgentExistsError';
  constructor(readonly username: string) {
    super(`agents: username "${username}" is taken`);
  }
}
