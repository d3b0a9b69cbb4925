import type { Config } from '../config/index.js';
import type { StorageBundle } from './ports.js';
import { openPostgresBundle } from './postgres/index.js';
import { openSqliteBundle } from './sqlite/index.js';

export * from './ports.js';
export { openSqliteBundle, type SqliteBundle } from './sqlite/index.js';
export { openPostgresBundle, type PostgresBundle } from './postgres/index.js';

/** Picks the implementation from config: PostgreSQL when DATABASE_URL is set, else SQLite. */
export async function openStorage(
  storage: Config['storage'],
  options: { onIdleError?: (err: Error) => void } = {},
): Promise<StorageBundle> {
  if (storage.kind === 'postgres') return openPostgresBundle(storage.url, [], options.onIdleError);
  return openSqliteBundle(storage.path);
}
