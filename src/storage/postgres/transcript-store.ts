import type { Activity } from 'botbuilder';
import type pg from 'pg';
import type { Direction, TranscriptEntry, TranscriptStore } from '../ports.js';

interface Row {
  id: number;
  conversation_id: string;
  direction: Direction;
  activity: Partial<Activity>;
  created_at: Date;
}

const toEntry = (r: Row): TranscriptEntry => ({
  id: r.id,
  conversationId: r.conversation_id,
  direction: r.direction,
  activity: r.activity,
  createdAt: r.created_at,
});

export class PostgresTranscriptStore implements TranscriptStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(
    conversationId: string,
    direction: Direction,
    activity: Partial<Activity>,
  ): Promise<TranscriptEntry> {
    const { rows } = await this.pool.query<Row>(
      'INSERT INTO transcript (conversation_id, direction, activity) VALUES ($1, $2, $3) RETURNING *',
      [conversationId, direction, JSON.stringify(activity)],
    );
    return toEntry(rows[0] as Row);
  }

  async list(
    conversationId: string,
    options: { afterId?: number; limit?: number } = {},
  ): Promise<TranscriptEntry[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM transcript WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [conversationId, options.afterId ?? 0, options.limit ?? 10_000],
    );
    return rows.map(toEntry);
  }
}
