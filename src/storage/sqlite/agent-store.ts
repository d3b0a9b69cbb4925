import {
  AgentExistsError,
  type AgentPresenceRecord,
  type AgentRecord,
  type AgentSession,
  type AgentStore,
  type NewAgent,
} from '../../handoff/agents/ports.js';
import type { SqliteDb } from './database.js';
import { statementCache } from './statements.js';

interface Row {
  id: string;
  username: string;
  display_name: string;
  queues: string;
  role: AgentRecord['role'];
  password_hash: string;
  presence: AgentPresenceRecord['status'];
  last_active_at: number | null;
  last_seen_at: number | null;
  connected_at: number | null;
  created_at: number;
}

const toAgent = (r: Row): AgentRecord => {
  const presence: AgentPresenceRecord = { status: r.presence };
  if (r.last_active_at !== null) presence.lastActiveAt = new Date(r.last_active_at);
  if (r.last_seen_at !== null) presence.lastSeenAt = new Date(r.last_seen_at);
  if (r.connected_at !== null) presence.connectedAt = new Date(r.connected_at);
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    queues: JSON.parse(r.queues) as string[],
    role: r.role,
    createdAt: new Date(r.created_at),
    presence,
  };
};

/** AgentStore on SQLite; usernames are stored lowercased so lookups ignore case. */
export class SqliteAgentStore implements AgentStore {
  private readonly sql;

  constructor(private readonly db: SqliteDb) {
    this.sql = statementCache(db);
  }

  add(a: NewAgent): Promise<AgentRecord> {
    try {
      const row = this.sql(
        `INSERT INTO agent (id, username, display_name, queues, role, password_hash, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ).get(
        a.id,
        a.username.toLowerCase(),
        a.displayName,
        JSON.stringify(a.queues),
        a.role,
        a.passwordHash,
        a.at.getTime(),
      ) as Row;
      return Promise.resolve(toAgent(row));
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        return Promise.reject(new AgentExistsError(a.username));
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  get(id: string): Promise<AgentRecord | undefined> {
    const row = this.sql('SELECT * FROM agent WHERE id = ?').get(id) as Row | undefined;
    return Promise.resolve(row && toAgent(row));
  }

  findByUsername(username: string): Promise<(AgentRecord & { passwordHash: string }) | undefined> {
    const row = this.sql('SELECT * FROM agent WHERE username = ?').get(username.toLowerCase()) as
      Row | undefined;
    return Promise.resolve(row && { ...toAgent(row), passwordHash: row.password_hash });
  }

  list(): Promise<AgentRecord[]> {
    const rows = this.sql('SELECT * FROM agent ORDER BY username').all() as Row[];
    return Promise.resolve(rows.map(toAgent));
  }

  remove(username: string): Promise<boolean> {
    const r = this.sql('DELETE FROM agent WHERE username = ?').run(username.toLowerCase());
    return Promise.resolve(r.changes === 1);
  }

  setPassword(username: string, passwordHash: string): Promise<boolean> {
    const tx = this.db.transaction(() => {
      const r = this.sql('UPDATE agent SET password_hash = ? WHERE username = ?').run(
        passwordHash,
        username.toLowerCase(),
      );
      // A new password ends every open session: the old one may be why it was changed.
      this.sql('DELETE FROM agent_session WHERE agent_id = (SELECT id FROM agent WHERE username = ?)').run(
        username.toLowerCase(),
      );
      return r.changes === 1;
    });
    return Promise.resolve(tx());
  }

  setPresence(agentId: string, p: Partial<AgentPresenceRecord>): Promise<AgentRecord | undefined> {
    const row = this.sql(
      `UPDATE agent SET presence = COALESCE(?, presence), last_active_at = COALESCE(?, last_active_at),
           last_seen_at = COALESCE(?, last_seen_at), connected_at = COALESCE(?, connected_at)
         WHERE id = ? RETURNING *`,
    ).get(
      p.status ?? null,
      p.lastActiveAt?.getTime() ?? null,
      p.lastSeenAt?.getTime() ?? null,
      p.connectedAt?.getTime() ?? null,
      agentId,
    ) as Row | undefined;
    return Promise.resolve(row && toAgent(row));
  }

  createSession(s: AgentSession): Promise<void> {
    this.sql(
      'INSERT INTO agent_session (token_hash, agent_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ).run(s.tokenHash, s.agentId, s.csrfToken, s.createdAt.getTime(), s.expiresAt.getTime());
    return Promise.resolve();
  }

  getSession(tokenHash: string): Promise<AgentSession | undefined> {
    const r = this.sql('SELECT * FROM agent_session WHERE token_hash = ?').get(tokenHash) as
      | { token_hash: string; agent_id: string; csrf_token: string; created_at: number; expires_at: number }
      | undefined;
    return Promise.resolve(
      r && {
        tokenHash: r.token_hash,
        agentId: r.agent_id,
        csrfToken: r.csrf_token,
        createdAt: new Date(r.created_at),
        expiresAt: new Date(r.expires_at),
      },
    );
  }

  deleteSession(tokenHash: string): Promise<void> {
    this.sql('DELETE FROM agent_session WHERE token_hash = ?').run(tokenHash);
    return Promise.resolve();
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return Promise.resolve(
      this.sql('DELETE FROM agent_session WHERE expires_at <= ?').run(now.getTime()).changes,
    );
  }
}
