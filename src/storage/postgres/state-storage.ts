import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import type pg from 'pg';
import { StorageConflictError, type StateStorage } from '../ports.js';

/** botbuilder Storage on PostgreSQL; conditional writes make a stale eTag fail atomically. */
export class PostgresStateStorage implements StateStorage {
  constructor(private readonly pool: pg.Pool) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const { rows } = await this.pool.query<{ key: string; etag: string; data: object }>(
      'SELECT key, etag, data FROM state WHERE key = ANY($1)',
      [keys],
    );
    const items: StoreItems = {};
    for (const r of rows) items[r.key] = { ...r.data, eTag: r.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const [key, item] of Object.entries(changes) as [string, { eTag?: string }][]) {
        const { eTag, ...data } = item;
        const next = randomUUID();
        if (!eTag || eTag === '*') {
          await client.query(
            'INSERT INTO state (key, etag, data) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET etag = $2, data = $3',
            [key, next, data],
          );
          continue;
        }
        const updated = await client.query(
          'UPDATE state SET etag = $2, data = $3 WHERE key = $1 AND etag = $4',
          [key, next, data, eTag],
        );
        if (updated.rowCount === 1) continue;
        // No row matched: either the key is new (write it) or someone else changed it (conflict).
        const inserted = await client.query(
          'INSERT INTO state (key, etag, data) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
          [key, next, data],
        );
        if (inserted.rowCount !== 1) throw new StorageConflictError(key);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.pool.query('DELETE FROM state WHERE key = ANY($1)', [keys]);
  }
}
