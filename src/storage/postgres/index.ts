import type pg from 'pg';
import type { StorageBundle } from '../ports.js';
import { createPool, migratePostgres, type PgMigration } from './database.js';
import { PostgresAgentStore } from './agent-store.js';
import { PostgresDirectLineStore } from './directline-store.js';
import { PostgresFeedbackStore } from './feedback-store.js';
import { PostgresStateStorage } from './state-storage.js';
import { PostgresTicketStore } from './ticket-store.js';
import { PostgresTranscriptStore } from './transcript-store.js';

export { createPool, migratePostgres, type PgMigration } from './database.js';
export { PostgresStateStorage } from './state-storage.js';
export { PostgresTranscriptStore } from './transcript-store.js';
export { PostgresFeedbackStore } from './feedback-store.js';
export { PostgresTicketStore } from './ticket-store.js';
export { PostgresAgentStore } from './agent-store.js';
export { PostgresDirectLineStore } from './directline-store.js';

export interface PostgresBundle extends StorageBundle {
  kind: 'postgres';
  pool: pg.Pool;
  url: string;
}

/** For several instances: shared state, transcripts and feedback in one PostgreSQL database. */
export async function openPostgresBundle(
  url: string,
  extraMigrations: PgMigration[] = [],
  onIdleError?: (err: Error) => void,
): Promise<PostgresBundle> {
  const pool = createPool(url, 10, onIdleError);
  try {
    await migratePostgres(pool, extraMigrations);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const directLine = new PostgresDirectLineStore(pool, url);
  return {
    kind: 'postgres',
    pool,
    url,
    state: new PostgresStateStorage(pool),
    transcripts: new PostgresTranscriptStore(pool),
    feedback: new PostgresFeedbackStore(pool),
    tickets: new PostgresTicketStore(pool),
    agents: new PostgresAgentStore(pool),
    directLine,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: async () => {
      // The LISTEN connection is outside the pool; end it first or pool.end() is not the last word.
      await directLine.close();
      await pool.end();
    },
  };
}
