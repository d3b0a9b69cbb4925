import type pg from 'pg';
import type { FeedbackInput, FeedbackQuery, FeedbackRecord, FeedbackStore } from '../ports.js';

interface Row {
  id: number;
  data: FeedbackInput;
  created_at: Date;
}

const toRecord = (r: Row): FeedbackRecord => ({ ...r.data, id: r.id, createdAt: r.created_at });

export class PostgresFeedbackStore implements FeedbackStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(input: FeedbackInput): Promise<FeedbackRecord> {
    const { rows } = await this.pool.query<Row>(
      'INSERT INTO feedback (kind, conversation_id, data) VALUES ($1, $2, $3) RETURNING *',
      [input.kind, input.conversationId, JSON.stringify(input)],
    );
    return toRecord(rows[0] as Row);
  }

  async list(query: FeedbackQuery = {}): Promise<FeedbackRecord[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM feedback
       WHERE ($1::text IS NULL OR kind = $1) AND created_at >= $2 AND created_at < $3
       ORDER BY id ${query.order === 'newest' ? 'DESC' : 'ASC'} LIMIT $4`,
      [
        query.kind ?? null,
        query.since ?? new Date(0),
        query.until ?? new Date(8.64e15),
        query.limit ?? 10_000,
      ],
    );
    return rows.map(toRecord);
  }
}
