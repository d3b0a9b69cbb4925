import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openPostgresBundle, openSqliteBundle } from '../../src/storage/index.js';
import { storageContract } from '../contract/storage.contract.js';
import { createTempDatabase, postgresAvailable, type TempDatabase } from '../helpers/postgres.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tulay-sqlite-'));
let n = 0;
storageContract('sqlite (file)', () => Promise.resolve(openSqliteBundle(path.join(dir, `db-${n++}.sqlite`))));
storageContract('sqlite (:memory:)', () => Promise.resolve(openSqliteBundle(':memory:')));

const databases: TempDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});
storageContract(
  'postgres',
  async () => {
    const db = await createTempDatabase();
    databases.push(db);
    return openPostgresBundle(db.url);
  },
  !postgresAvailable,
);
