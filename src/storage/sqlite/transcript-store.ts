import type { Activity } from 'botbuilder';
import type { Direction, TranscriptEntry, TranscriptStore } from '../ports.js';
import type { SqliteDb } from './database.js';

interface Row {
  id: number;
  conversation_id: string;
  direction: Direction;
  activity: string;
  created_at: number;
}

const toEntry = (r: Row): TranscriptEntry => ({
  id: r.id,
  conversationId: r.conversation_id,
  direction: r.direction,
  activity: JSON.parse(r.activity) as Partial<Activity>,
  createdAt: new Date(r.created_at),
});

export class SqliteTranscriptStore implements TranscriptStore {
  constructor(private readonly db: SqliteDb) {}

  append(
    conversationId: string,
    direction: Direction,
    activity: Partial<Activity>,
  ): Promise<TranscriptEntry> {
    const row = this.db
      .prepare(
        'INSERT INTO transcript (conversation_id, direction, activity, created_at) VALUES (?, ?, ?, ?) RETURNING *',
      )
      .get(conversationId, direction, JSON.stringify(activity), Date.now()) as Row;
    return Promise.resolve(toEntry(row));
  }

  list(
    conversationId: string,
    options: { afterId?: number; limit?: number } = {},
  ): Promise<TranscriptEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM transcript WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(conversationId, options.afterId ?? 0, options.limit ?? 10_000) as Row[];
    return Promise.resolve(rows.map(toEntry));
  }
}
