import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations.js';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

// BIGSERIAL ids come back as strings by default; our ids stay well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * An idle client the server drops (restart, failover, admin) emits 'error' on the pool; without a
 * listener that is an uncaught exception. pg discards the client and the next query connects anew.
 */
export function createPool(url: string, max = 10, onIdleError: (err: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', onIdleError);
  return pool;
}

/**
 * Applies pending migrations under an advisory lock, so that several instances starting
 * at once migrate exactly once.
 */
export async function migratePostgres(pool: pg.Pool, extra: PgMigration[] = []): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727301)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMPTZ DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const m of [...POSTGRES_MIGRATIONS, ...extra].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`postgres migration ${m.version} (${m.name}) failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727301)').catch(() => undefined);
    client.release();
  }
}
