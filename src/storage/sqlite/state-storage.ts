import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import { StorageConflictError, type StateStorage } from '../ports.js';
import type { SqliteDb } from './database.js';

/** botbuilder Storage on SQLite; a write with a stale eTag fails like MemoryStorage's. */
export class SqliteStateStorage implements StateStorage {
  constructor(private readonly db: SqliteDb) {}

  read(keys: string[]): Promise<StoreItems> {
    const get = this.db.prepare('SELECT etag, data FROM state WHERE key = ?');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = get.get(key) as { etag: string; data: string } | undefined;
      if (row) items[key] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    }
    return Promise.resolve(items);
  }

  write(changes: StoreItems): Promise<void> {
    const get = this.db.prepare('SELECT etag FROM state WHERE key = ?');
    const put = this.db.prepare(
      'INSERT INTO state (key, etag, data) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data',
    );
    // One transaction: either every change is written or, on a conflict, none is.
    const tx = this.db.transaction((entries: [string, Record<string, unknown>][]) => {
      for (const [key, item] of entries) {
        const { eTag, ...data } = item as { eTag?: string };
        if (eTag && eTag !== '*') {
          const row = get.get(key) as { etag: string } | undefined;
          if (row && row.etag !== eTag) throw new StorageConflictError(key);
        }
        put.run(key, randomUUID(), JSON.stringify(data));
      }
    });
    try {
      tx(Object.entries(changes) as [string, Record<string, unknown>][]);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  delete(keys: string[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM state WHERE key = ?');
    this.db.transaction(() => keys.forEach((k) => del.run(k)))();
    return Promise.resolve();
  }
}
