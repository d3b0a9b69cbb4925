import type pg from 'pg';
import {
  AgentExistsError,
  type AgentPresenceRecord,
  type AgentRecord,
  type AgentSession,
  type AgentStore,
  type NewAgent,
} from '../../handoff/agents/ports.js';

interface Row {
  id: string;
  username: string;
  display_name: string;
  queues: string[];
  role: AgentRecord['role'];
  password_hash: string;
  presence: AgentPresenceRecord['status'];
  last_active_at: Date | null;
  last_seen_at: Date | null;
  connected_at: Date | null;
  created_at: Date;
}

const toAgent = (r: Row): AgentRecord => {
  const presence: AgentPresenceRecord = { status: r.presence };
  if (r.last_active_at) presence.lastActiveAt = r.last_active_at;
  if (r.last_seen_at) presence.lastSeenAt = r.last_seen_at;
  if (r.connected_at) presence.connectedAt = r.connected_at;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    queues: r.queues,
    role: r.role,
    createdAt: r.created_at,
    presence,
  };
};

/** AgentStore on PostgreSQL; usernames are stored lowercased so lookups ignore case. */
export class PostgresAgentStore implements AgentStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(a: NewAgent): Promise<AgentRecord> {
    try {
      const { rows } = await this.pool.query<Row>(
        `INSERT INTO agent (id, username, display_name, queues, role, password_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          a.id,
          a.username.toLowerCase(),
          a.displayName,
          JSON.stringify(a.queues),
          a.role,
          a.passwordHash,
          a.at,
        ],
      );
      return toAgent(rows[0] as Row);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new AgentExistsError(a.username);
      throw err;
    }
  }

  async get(id: string): Promise<AgentRecord | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM agent WHERE id = $1', [id]);
    return rows[0] && toAgent(rows[0]);
  }

  async findByUsername(username: string): Promise<(AgentRecord & { passwordHash: string }) | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM agent WHERE username = $1', [
      username.toLowerCase(),
    ]);
    return rows[0] && { ...toAgent(rows[0]), passwordHash: rows[0].password_hash };
  }

  async list(): Promise<AgentRecord[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM agent ORDER BY username');
    return rows.map(toAgent);
  }

  async remove(username: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM agent WHERE username = $1', [username.toLowerCase()]);
    return r.rowCount === 1;
  }

  async setPassword(username: string, passwordHash: string): Promise<boolean> {
    // One statement: the hash changes and (the old password may be why) every open session ends.
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH changed AS (UPDATE agent SET password_hash = $1 WHERE username = $2 RETURNING id),
            ended AS (DELETE FROM agent_session WHERE agent_id IN (SELECT id FROM changed))
       SELECT id FROM changed`,
      [passwordHash, username.toLowerCase()],
    );
    return rows.length === 1;
  }

  async setPresence(agentId: string, p: Partial<AgentPresenceRecord>): Promise<AgentRecord | undefined> {
    const { rows } = await this.pool.query<Row>(
      `UPDATE agent SET presence = COALESCE($1, presence), last_active_at = COALESCE($2, last_active_at),
         last_seen_at = COALESCE($3, last_seen_at), connected_at = COALESCE($4, connected_at)
       WHERE id = $5 RETURNING *`,
      [p.status ?? null, p.lastActiveAt ?? null, p.lastSeenAt ?? null, p.connectedAt ?? null, agentId],
    );
    return rows[0] && toAgent(rows[0]);
  }

  async createSession(s: AgentSession): Promise<void> {
    await this.pool.query(
      'INSERT INTO agent_session (token_hash, agent_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [s.tokenHash, s.agentId, s.csrfToken, s.createdAt, s.expiresAt],
    );
  }

  async getSession(tokenHash: string): Promise<AgentSession | undefined> {
    const { rows } = await this.pool.query<{
      token_hash: string;
      agent_id: string;
      csrf_token: string;
      created_at: Date;
      expires_at: Date;
    }>('SELECT * FROM agent_session WHERE token_hash = $1', [tokenHash]);
    const r = rows[0];
    return (
      r && {
        tokenHash: r.token_hash,
        agentId: r.agent_id,
        csrfToken: r.csrf_token,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      }
    );
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM agent_session WHERE token_hash = $1', [tokenHash]);
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    const r = await this.pool.query('DELETE FROM agent_session WHERE expires_at <= $1', [now]);
    return r.rowCount ?? 0;
  }
}
