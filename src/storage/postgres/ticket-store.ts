import type pg from 'pg';
import {
  isRepeat,
  OpenTicketExistsError,
  planChange,
  PRIORITY_RANK,
  TicketNotFoundError,
  TicketTransitionError,
  type ColumnValue,
  type NewTicket,
  type Note,
  type Ticket,
  type TicketChange,
  type TicketPatch,
  type TicketQuery,
  type TicketStore,
  type TransitionResult,
} from '../../handoff/tickets/index.js';
import { rowToTicket, type TicketRow } from './ticket-row.js';

// JSON goes in as text: pg would turn a JS array into a PostgreSQL array, not a JSON one.
const encode = (v: ColumnValue): unknown =>
  v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;

const ORDER = 'ORDER BY priority_rank DESC, created_at, id';

/** TicketStore on PostgreSQL: every move is one guarded UPDATE, so a double claim has one winner. */
export class PostgresTicketStore implements TicketStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(t: NewTicket): Promise<Ticket> {
    try {
      const { rows } = await this.pool.query<TicketRow>(
        `INSERT INTO handoff_ticket (id, conversation_id, state, queue, priority, priority_rank, channel, lang,
           reference, summary, contact, created_at, queued_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12) RETURNING *`,
        [
          t.id,
          t.conversationId,
          t.state,
          t.queue,
          t.priority,
          PRIORITY_RANK[t.priority],
          t.channel,
          t.lang,
          JSON.stringify(t.reference),
          JSON.stringify(t.summary),
          t.contact ? JSON.stringify(t.contact) : null,
          t.at,
        ],
      );
      return rowToTicket(rows[0] as TicketRow);
    } catch (err) {
      if ((err as { code?: string }).code === '23505' && t.state === 'queued') {
        throw new OpenTicketExistsError(t.conversationId);
      }
      throw err;
    }
  }

  async get(id: string): Promise<Ticket | undefined> {
    const { rows } = await this.pool.query<TicketRow>('SELECT * FROM handoff_ticket WHERE id = $1', [id]);
    return rows[0] && rowToTicket(rows[0]);
  }

  async openFor(conversationId: string): Promise<Ticket | undefined> {
    const { rows } = await this.pool.query<TicketRow>(
      "SELECT * FROM handoff_ticket WHERE conversation_id = $1 AND state IN ('queued','assigned')",
      [conversationId],
    );
    return rows[0] && rowToTicket(rows[0]);
  }

  async list(q: TicketQuery = {}): Promise<Ticket[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      args.push(value);
      where.push(sql(`$${args.length}`));
    };
    if (q.states) add((n) => `state = ANY(${n})`, q.states);
    if (q.queues) add((n) => `queue = ANY(${n})`, q.queues);
    if (q.agentId) add((n) => `assigned_agent_id = ${n}`, q.agentId);
    if (q.conversationId) add((n) => `conversation_id = ${n}`, q.conversationId);
    if (q.createdFrom) add((n) => `created_at >= ${n}`, q.createdFrom);
    if (q.createdTo) add((n) => `created_at < ${n}`, q.createdTo);
    args.push(q.limit ?? 10_000);
    const { rows } = await this.pool.query<TicketRow>(
      `SELECT * FROM handoff_ticket ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER} LIMIT $${args.length}`,
      args,
    );
    return rows.map(rowToTicket);
  }

  async transition(id: string, change: TicketChange): Promise<TransitionResult> {
    const plan = planChange(change);
    const args: unknown[] = [];
    const param = (v: unknown) => (args.push(v), `$${args.length}`);
    const sets = Object.entries(plan.set).map(([c, v]) => `${c} = ${param(encode(v))}`);
    if (plan.acceptedAtOnClaim) {
      sets.push(
        `accepted_at = CASE WHEN state = 'queued' THEN ${param(plan.acceptedAtOnClaim)} ELSE accepted_at END`,
      );
    }
    let sql = `UPDATE handoff_ticket SET ${sets.join(', ')} WHERE id = ${param(id)} AND state = ANY(${param(plan.from)})`;
    if (change.expectAgentId) sql += ` AND assigned_agent_id = ${param(change.expectAgentId)}`;
    const { rows } = await this.pool.query<TicketRow>(`${sql} RETURNING *`, args);
    if (rows[0]) return { ticket: rowToTicket(rows[0]), changed: true };
    const current = await this.get(id);
    if (!current) throw new TicketNotFoundError(id);
    if (isRepeat(current, change)) return { ticket: current, changed: false };
    throw new TicketTransitionError(id, current.state, change.to);
  }

  async update(id: string, patch: TicketPatch): Promise<Ticket | undefined> {
    const { rows } = await this.pool.query<TicketRow>(
      `UPDATE handoff_ticket SET csat = COALESCE($1::jsonb, csat), last_customer_at = COALESCE($2, last_customer_at)
       WHERE id = $3 RETURNING *`,
      [patch.csat ? JSON.stringify(patch.csat) : null, patch.lastCustomerAt ?? null, id],
    );
    return rows[0] && rowToTicket(rows[0]);
  }

  async queuePosition(id: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ position: number }>(
      `SELECT 1 + (SELECT COUNT(*) FROM handoff_ticket t WHERE t.state = 'queued' AND t.queue = me.queue
         AND (t.priority_rank > me.priority_rank OR (t.priority_rank = me.priority_rank AND (t.created_at < me.created_at OR (t.created_at = me.created_at AND t.id < me.id)))))::int AS position
       FROM handoff_ticket me WHERE me.id = $1 AND me.state = 'queued'`,
      [id],
    );
    return rows[0]?.position;
  }

  async markNotifiedPosition(id: string, position: number): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE handoff_ticket SET notified_position = $1
       WHERE id = $2 AND state = 'queued' AND notified_position IS DISTINCT FROM $1`,
      [position, id],
    );
    return r.rowCount === 1;
  }

  async markOfflineOffered(id: string, at: Date): Promise<boolean> {
    const r = await this.pool.query(
      "UPDATE handoff_ticket SET offline_offered_at = $1 WHERE id = $2 AND state = 'queued' AND offline_offered_at IS NULL",
      [at, id],
    );
    return r.rowCount === 1;
  }

  async acceptWaits(queue: string, limit: number): Promise<number[]> {
    const { rows } = await this.pool.query<{ wait: number }>(
      `SELECT EXTRACT(EPOCH FROM accepted_at - queued_at)::float8 AS wait FROM handoff_ticket
       WHERE queue = $1 AND accepted_at IS NOT NULL ORDER BY accepted_at DESC LIMIT $2`,
      [queue, limit],
    );
    return rows.map((r) => r.wait);
  }

  async addNote(note: Omit<Note, 'id'>): Promise<Note> {
    const { rows } = await this.pool.query<{ id: number }>(
      'INSERT INTO handoff_note (ticket_id, agent_id, text, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [note.ticketId, note.agentId, note.text, note.at],
    );
    return { ...note, id: String(rows[0]?.id) };
  }

  async notes(ticketId: string): Promise<Note[]> {
    const { rows } = await this.pool.query<{
      id: number;
      ticket_id: string;
      agent_id: string;
      text: string;
      created_at: Date;
    }>('SELECT * FROM handoff_note WHERE ticket_id = $1 ORDER BY id', [ticketId]);
    return rows.map((r) => ({
      id: String(r.id),
      ticketId: r.ticket_id,
      agentId: r.agent_id,
      text: r.text,
      at: r.created_at,
    }));
  }

  async countConversations(from: Date, to: Date): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      "SELECT COUNT(DISTINCT conversation_id)::int AS n FROM transcript WHERE direction = 'in' AND created_at >= $1 AND created_at < $2",
      [from, to],
    );
    return rows[0]?.n ?? 0;
  }
}
