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
import type { SqliteDb } from './database.js';
import { statementCache } from './statements.js';
import { rowToTicket, type TicketRow } from './ticket-row.js';

const encode = (v: ColumnValue): string | number | null =>
  v instanceof Date ? v.getTime() : v !== null && typeof v === 'object' ? JSON.stringify(v) : v;

const ORDER = 'ORDER BY priority_rank DESC, created_at, id';

/** TicketStore on SQLite: every move is one guarded UPDATE, so a double claim has one winner. */
export class SqliteTicketStore implements TicketStore {
  private readonly sql;

  constructor(private readonly db: SqliteDb) {
    this.sql = statementCache(db);
  }

  create(t: NewTicket): Promise<Ticket> {
    try {
      const row = this.sql(
        `INSERT INTO handoff_ticket (id, conversation_id, state, queue, priority, priority_rank, channel, lang,
             reference, summary, contact, created_at, queued_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ).get(
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
        t.at.getTime(),
        t.at.getTime(),
        t.at.getTime(),
      ) as TicketRow;
      return Promise.resolve(rowToTicket(row));
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && t.state === 'queued') {
        return Promise.reject(new OpenTicketExistsError(t.conversationId));
      }
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  get(id: string): Promise<Ticket | undefined> {
    const row = this.sql('SELECT * FROM handoff_ticket WHERE id = ?').get(id) as TicketRow | undefined;
    return Promise.resolve(row && rowToTicket(row));
  }

  openFor(conversationId: string): Promise<Ticket | undefined> {
    const row = this.sql(
      "SELECT * FROM handoff_ticket WHERE conversation_id = ? AND state IN ('queued','assigned')",
    ).get(conversationId) as TicketRow | undefined;
    return Promise.resolve(row && rowToTicket(row));
  }

  list(q: TicketQuery = {}): Promise<Ticket[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const inList = (col: string, values: string[]) => {
      where.push(`${col} IN (${values.map(() => '?').join(',')})`);
      args.push(...values);
    };
    if (q.states) inList('state', q.states.length ? q.states : ['']);
    if (q.queues) inList('queue', q.queues.length ? q.queues : ['']);
    if (q.agentId) inList('assigned_agent_id', [q.agentId]);
    if (q.conversationId) inList('conversation_id', [q.conversationId]);
    const add = (sql: string, value: number) => {
      where.push(sql);
      args.push(value);
    };
    if (q.createdFrom) add('created_at >= ?', q.createdFrom.getTime());
    if (q.createdTo) add('created_at < ?', q.createdTo.getTime());
    const sql = `SELECT * FROM handoff_ticket ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER} LIMIT ?`;
    const rows = this.sql(sql).all(...args, q.limit ?? 10_000) as TicketRow[];
    return Promise.resolve(rows.map(rowToTicket));
  }

  async transition(id: string, change: TicketChange): Promise<TransitionResult> {
    const plan = planChange(change);
    const cols = Object.keys(plan.set);
    const sets = cols.map((c) => `${c} = ?`);
    const args: (string | number | null)[] = cols.map((c) => encode(plan.set[c] ?? null));
    if (plan.acceptedAtOnClaim) {
      sets.push("accepted_at = CASE WHEN state = 'queued' THEN ? ELSE accepted_at END");
      args.push(plan.acceptedAtOnClaim.getTime());
    }
    let sql = `UPDATE handoff_ticket SET ${sets.join(', ')} WHERE id = ? AND state IN (${plan.from.map(() => '?').join(',') || "''"})`;
    args.push(id, ...plan.from);
    if (change.expectAgentId) {
      sql += ' AND assigned_agent_id = ?';
      args.push(change.expectAgentId);
    }
    const row = this.sql(`${sql} RETURNING *`).get(...args) as TicketRow | undefined;
    if (row) return { ticket: rowToTicket(row), changed: true };
    const current = await this.get(id);
    if (!current) throw new TicketNotFoundError(id);
    if (isRepeat(current, change)) return { ticket: current, changed: false };
    throw new TicketTransitionError(id, current.state, change.to);
  }

  update(id: string, patch: TicketPatch): Promise<Ticket | undefined> {
    const row = this.sql(
      `UPDATE handoff_ticket SET csat = COALESCE(?, csat), last_customer_at = COALESCE(?, last_customer_at)
         WHERE id = ? RETURNING *`,
    ).get(patch.csat ? JSON.stringify(patch.csat) : null, patch.lastCustomerAt?.getTime() ?? null, id) as
      TicketRow | undefined;
    return Promise.resolve(row && rowToTicket(row));
  }

  queuePosition(id: string): Promise<number | undefined> {
    const row = this.sql(
      `SELECT 1 + (SELECT COUNT(*) FROM handoff_ticket t WHERE t.state = 'queued' AND t.queue = me.queue
         AND (t.priority_rank > me.priority_rank OR (t.priority_rank = me.priority_rank AND (t.created_at < me.created_at OR (t.created_at = me.created_at AND t.id < me.id))))) AS position
       FROM handoff_ticket me WHERE me.id = ? AND me.state = 'queued'`,
    ).get(id) as { position: number } | undefined;
    return Promise.resolve(row?.position);
  }

  markNotifiedPosition(id: string, position: number): Promise<boolean> {
    const r = this.sql(
      "UPDATE handoff_ticket SET notified_position = ? WHERE id = ? AND state = 'queued' AND notified_position IS NOT ?",
    ).run(position, id, position);
    return Promise.resolve(r.changes === 1);
  }

  markOfflineOffered(id: string, at: Date): Promise<boolean> {
    const r = this.sql(
      "UPDATE handoff_ticket SET offline_offered_at = ? WHERE id = ? AND state = 'queued' AND offline_offered_at IS NULL",
    ).run(at.getTime(), id);
    return Promise.resolve(r.changes === 1);
  }

  acceptWaits(queue: string, limit: number): Promise<number[]> {
    const rows = this.sql(
      `SELECT (accepted_at - queued_at) / 1000.0 AS wait FROM handoff_ticket
         WHERE queue = ? AND accepted_at IS NOT NULL ORDER BY accepted_at DESC LIMIT ?`,
    ).all(queue, limit) as { wait: number }[];
    return Promise.resolve(rows.map((r) => r.wait));
  }

  addNote(note: Omit<Note, 'id'>): Promise<Note> {
    const r = this.sql(
      'INSERT INTO handoff_note (ticket_id, agent_id, text, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    ).get(note.ticketId, note.agentId, note.text, note.at.getTime()) as { id: number };
    return Promise.resolve({ ...note, id: String(r.id) });
  }

  notes(ticketId: string): Promise<Note[]> {
    const rows = this.sql('SELECT * FROM handoff_note WHERE ticket_id = ? ORDER BY id').all(ticketId) as {
      id: number;
      ticket_id: string;
      agent_id: string;
      text: string;
      created_at: number;
    }[];
    return Promise.resolve(
      rows.map((r) => ({
        id: String(r.id),
        ticketId: r.ticket_id,
        agentId: r.agent_id,
        text: r.text,
        at: new Date(r.created_at),
      })),
    );
  }

  countConversations(from: Date, to: Date): Promise<number> {
    const r = this.sql(
      "SELECT COUNT(DISTINCT conversation_id) AS n FROM transcript WHERE direction = 'in' AND created_at >= ? AND created_at < ?",
    ).get(from.getTime(), to.getTime()) as { n: number };
    return Promise.resolve(r.n);
  }
}
