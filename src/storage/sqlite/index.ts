import type { StorageBundle } from '../ports.js';
import { openSqlite, type Migration, type SqliteDb } from './database.js';
import { SqliteAgentStore } from './agent-store.js';
import { SqliteDirectLineStore } from './directline-store.js';
import { SqliteFeedbackStore } from './feedback-store.js';
import { SqliteStateStorage } from './state-storage.js';
import { SqliteTicketStore } from './ticket-store.js';
import { SqliteTranscriptStore } from './transcript-store.js';

export { openSqlite, migrateSqlite, type SqliteDb, type Migration } from './database.js';
export { SqliteStateStorage } from './state-storage.js';
export { SqliteTranscriptStore } from './transcript-store.js';
export { SqliteFeedbackStore } from './feedback-store.js';
export { SqliteTicketStore } from './ticket-store.js';
export { SqliteAgentStore } from './agent-store.js';
export { SqliteDirectLineStore } from './directline-store.js';

export interface SqliteBundle extends StorageBundle {
  kind: 'sqlite';
  db: SqliteDb;
}

/** The embedded default: one file under ./data, zero setup. */
export function openSqliteBundle(file: string, extraMigrations: Migration[] = []): SqliteBundle {
  const db = openSqlite(file, extraMigrations);
  return {
    kind: 'sqlite',
    db,
    state: new SqliteStateStorage(db),
    transcripts: new SqliteTranscriptStore(db),
    feedback: new SqliteFeedbackStore(db),
    tickets: new SqliteTicketStore(db),
    agents: new SqliteAgentStore(db),
    directLine: new SqliteDirectLineStore(db),
    ping: async () => {
      await Promise.resolve();
      db.prepare('SELECT 1').get();
    },
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}
