import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './database.js';

/**
 * Prepared statements by SQL text. Preparing costs more than running a small query, and the
 * handoff stores run the same few shapes over and over (relay, sweeps, console polling).
 */
export function statementCache(db: SqliteDb, max = 256): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= max) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
