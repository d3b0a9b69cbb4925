import type { FeedbackInput, FeedbackQuery, FeedbackRecord, FeedbackStore } from '../ports.js';
import type { SqliteDb } from './database.js';

interface Row {
  id: number;
  data: string;
  created_at: number;
}

const toRecord = (r: Row): FeedbackRecord => ({
  ...(JSON.parse(r.data) as FeedbackInput),
  id: r.id,
  createdAt: new Date(r.created_at),
});

export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly db: SqliteDb) {}

  add(input: FeedbackInput): Promise<FeedbackRecord> {
    const row = this.db
      .prepare(
        'INSERT INTO feedback (kind, conversation_id, data, created_at) VALUES (?, ?, ?, ?) RETURNING *',
      )
      .get(input.kind, input.conversationId, JSON.stringify(input), Date.now()) as Row;
    return Promise.resolve(toRecord(row));
  }

  list(query: FeedbackQuery = {}): Promise<FeedbackRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM feedback
         WHERE (? IS NULL OR kind = ?) AND created_at >= ? AND created_at < ?
         ORDER BY id ${query.order === 'newest' ? 'DESC' : 'ASC'} LIMIT ?`,
      )
      .all(
        query.kind ?? null,
        query.kind ?? null,
        query.since?.getTime() ?? 0,
        query.until?.getTime() ?? Number.MAX_SAFE_INTEGER,
        query.limit ?? 10_000,
      ) as Row[];
    return Promise.resolve(rows.map(toRecord));
  }
}
