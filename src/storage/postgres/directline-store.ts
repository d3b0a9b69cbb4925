import type { Activity } from 'botbuilder';
import type pg from 'pg';
import {
  DirectLineConversationNotFoundError,
  type DirectLineConversation,
  type DirectLineListener,
  type DirectLineRecord,
  type DirectLineStore,
} from '../directline.js';
import { DirectLineNotifications } from './directline-listen.js';

/** NOTIFY channel; the payload is the conversation id (well under the 8000-byte limit). */
export const DIRECTLINE_CHANNEL = 'tulay_directline';

interface ConversationRow {
  id: string;
  user_id: string;
  locale: string | null;
  created_at: Date;
}

interface ActivityRow {
  conversation_id: string;
  seq: number;
  activity: Partial<Activity>;
  created_at: Date;
}

const toConversation = (r: ConversationRow): DirectLineConversation => ({
  id: r.id,
  userId: r.user_id,
  ...(r.locale ? { locale: r.locale } : {}),
  createdAt: r.created_at,
});

const toRecord = (r: ActivityRow): DirectLineRecord => ({
  conversationId: r.conversation_id,
  seq: r.seq,
  activity: r.activity,
  createdAt: r.created_at,
});

/**
 * Appends bump the conversation's counter and insert in one statement: the row lock on the
 * counter orders concurrent writers, so sequence numbers become visible in order. The same
 * statement NOTIFYs (delivered at commit) so other instances wake their WebSockets.
 */
export class PostgresDirectLineStore implements DirectLineStore {
  private readonly notifications: DirectLineNotifications;

  constructor(
    private readonly pool: pg.Pool,
    url: string,
  ) {
    this.notifications = new DirectLineNotifications(url, DIRECTLINE_CHANNEL);
  }

  async createConversation(input: {
    id: string;
    userId: string;
    locale?: string;
  }): Promise<{ conversation: DirectLineConversation; created: boolean }> {
    const inserted = await this.pool.query<ConversationRow>(
      `INSERT INTO directline_conversation (id, user_id, locale) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO NOTHING RETURNING *`,
      [input.id, input.userId, input.locale ?? null],
    );
    if (inserted.rows[0]) return { conversation: toConversation(inserted.rows[0]), created: true };
    const existing = await this.getConversation(input.id);
    if (!existing) throw new DirectLineConversationNotFoundError(input.id);
    return { conversation: existing, created: false };
  }

  async getConversation(id: string): Promise<DirectLineConversation | undefined> {
    const { rows } = await this.pool.query<ConversationRow>(
      'SELECT * FROM directline_conversation WHERE id = $1',
      [id],
    );
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  async append(conversationId: string, activity: Partial<Activity>): Promise<DirectLineRecord> {
    const { rows } = await this.pool.query<ActivityRow>(
      `WITH bumped AS (
         UPDATE directline_conversation SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq
       ), inserted AS (
         INSERT INTO directline_activity (conversation_id, seq, activity)
         SELECT $1, last_seq, $2 FROM bumped RETURNING *
       )
       SELECT inserted.*, pg_notify('${DIRECTLINE_CHANNEL}', $1) FROM inserted`,
      [conversationId, JSON.stringify(activity)],
    );
    const row = rows[0];
    if (!row) throw new DirectLineConversationNotFoundError(conversationId);
    // Local listeners hear it at once; the NOTIFY echo from the database is a harmless second wake.
    this.notifications.emit(conversationId);
    return toRecord(row);
  }

  async list(
    conversationId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<DirectLineRecord[]> {
    const { rows } = await this.pool.query<ActivityRow>(
      `SELECT conversation_id, seq, activity, created_at FROM directline_activity
       WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [conversationId, options.afterSeq ?? 0, options.limit ?? 1000],
    );
    return rows.map(toRecord);
  }

  watch(listener: DirectLineListener): Promise<() => Promise<void>> {
    return this.notifications.add(listener);
  }

  /** Ends the LISTEN connection (the pool is closed by the bundle). */
  close(): Promise<void> {
    return this.notifications.close();
  }
}
