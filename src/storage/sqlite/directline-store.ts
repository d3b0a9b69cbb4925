import type { Activity } from 'botbuilder';
import {
  DirectLineConversationNotFoundError,
  type DirectLineConversation,
  type DirectLineListener,
  type DirectLineRecord,
  type DirectLineStore,
} from '../directline.js';
import type { SqliteDb } from './database.js';

interface ConversationRow {
  id: string;
  user_id: string;
  locale: string | null;
  created_at: number;
}

interface ActivityRow {
  conversation_id: string;
  seq: number;
  activity: string;
  created_at: number;
}

const toConversation = (r: ConversationRow): DirectLineConversation => ({
  id: r.id,
  userId: r.user_id,
  ...(r.locale ? { locale: r.locale } : {}),
  createdAt: new Date(r.created_at),
});

const toRecord = (r: ActivityRow): DirectLineRecord => ({
  conversationId: r.conversation_id,
  seq: r.seq,
  activity: JSON.parse(r.activity) as Partial<Activity>,
  createdAt: new Date(r.created_at),
});

/**
 * SQLite is one process's database, so change notifications stay in process; several processes
 * on one SQLite file are not supported (use PostgreSQL for that).
 */
export class SqliteDirectLineStore implements DirectLineStore {
  private readonly listeners = new Set<DirectLineListener>();

  constructor(private readonly db: SqliteDb) {}

  createConversation(input: {
    id: string;
    userId: string;
    locale?: string;
  }): Promise<{ conversation: DirectLineConversation; created: boolean }> {
    const inserted = this.db
      .prepare(
        `INSERT INTO directline_conversation (id, user_id, locale, last_seq, created_at) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(input.id, input.userId, input.locale ?? null, Date.now());
    const row = this.db.prepare('SELECT * FROM directline_conversation WHERE id = ?').get(input.id);
    return Promise.resolve({
      conversation: toConversation(row as ConversationRow),
      created: inserted.changes === 1,
    });
  }

  getConversation(id: string): Promise<DirectLineConversation | undefined> {
    const row = this.db.prepare('SELECT * FROM directline_conversation WHERE id = ?').get(id) as
      ConversationRow | undefined;
    return Promise.resolve(row ? toConversation(row) : undefined);
  }

  append(conversationId: string, activity: Partial<Activity>): Promise<DirectLineRecord> {
    const bump = this.db.prepare(
      'UPDATE directline_conversation SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq',
    );
    const insert = this.db.prepare(
      'INSERT INTO directline_activity (conversation_id, seq, activity, created_at) VALUES (?, ?, ?, ?) RETURNING *',
    );
    const tx = this.db.transaction(() => {
      const seq = bump.get(conversationId) as { last_seq: number } | undefined;
      if (!seq) throw new DirectLineConversationNotFoundError(conversationId);
      return insert.get(conversationId, seq.last_seq, JSON.stringify(activity), Date.now()) as ActivityRow;
    });
    try {
      const record = toRecord(tx());
      this.notify(conversationId);
      return Promise.resolve(record);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  list(
    conversationId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<DirectLineRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM directline_activity WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(conversationId, options.afterSeq ?? 0, options.limit ?? 1000) as ActivityRow[];
    return Promise.resolve(rows.map(toRecord));
  }

  private notify(conversationId: string): void {
    for (const listener of this.listeners) {
      try {
        listener(conversationId);
      } catch {
        // A failing listener must not turn a committed append into an error for the writer.
      }
    }
  }

  watch(listener: DirectLineListener): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return Promise.resolve(() => {
      this.listeners.delete(listener);
      return Promise.resolve();
    });
  }
}
