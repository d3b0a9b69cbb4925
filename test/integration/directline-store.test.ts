import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresBundle, openSqliteBundle } from '../../src/storage/index.js';
import { directLineStoreContract } from '../contract/directline-store.contract.js';
import { createTempDatabase, postgresAvailable, type TempDatabase } from '../helpers/postgres.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tulay-dl-store-'));
let n = 0;
directLineStoreContract('sqlite (file)', () =>
  Promise.resolve(openSqliteBundle(path.join(dir, `db-${n++}.sqlite`))),
);
directLineStoreContract('sqlite (:memory:)', () => Promise.resolve(openSqliteBundle(':memory:')));

const databases: TempDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});
async function freshPostgres(): Promise<string> {
  const db = await createTempDatabase('tulay_dl');
  databases.push(db);
  return db.url;
}
directLineStoreContract(
  'postgres',
  async () => openPostgresBundle(await freshPostgres()),
  !postgresAvailable,
);

describe('directline store: durability and cross-instance notifications', () => {
  it('keeps history and watermarks in a SQLite file across reopen', async () => {
    const file = path.join(dir, 'reopen.sqlite');
    const first = openSqliteBundle(file);
    await first.directLine.createConversation({ id: 'r', userId: 'dl_r' });
    await first.directLine.append('r', { type: 'message', text: 'before restart' });
    await first.close();
    const second = openSqliteBundle(file);
    try {
      expect((await second.directLine.list('r')).map((x) => x.activity.text)).toEqual(['before restart']);
      expect((await second.directLine.append('r', { type: 'message' })).seq).toBe(2);
    } finally {
      await second.close();
    }
  });

  it.skipIf(!postgresAvailable)('wakes a watcher on another PostgreSQL instance through NOTIFY', async () => {
    const url = await freshPostgres();
    const a = await openPostgresBundle(url);
    const b = await openPostgresBundle(url);
    try {
      const heard: (string | undefined)[] = [];
      await a.directLine.watch((id) => heard.push(id));
      await b.directLine.createConversation({ id: 'x', userId: 'dl_x' });
      await b.directLine.append('x', { type: 'message', text: 'from B' });
      await expect.poll(() => heard, { timeout: 5000 }).toContain('x');
      expect((await a.directLine.list('x'))[0]?.activity.text).toBe('from B');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
