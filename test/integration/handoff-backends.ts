import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openPostgresBundle, openSqliteBundle, type StorageBundle } from '../../src/storage/index.js';
import { createTempDatabase, postgresAvailable, type TempDatabase } from '../helpers/postgres.js';

export interface Backend {
  name: string;
  skip: boolean;
  /** A fresh database; `reopen` opens the same one again (a restarted server). */
  open(): Promise<{ storage: StorageBundle; reopen: () => Promise<StorageBundle> }>;
}

const dir = mkdtempSync(path.join(tmpdir(), 'tulay-handoff-'));
let n = 0;
const databases: TempDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

/** The same suites run on SQLite (a file, so restarts can be tested) and on PostgreSQL. */
export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    skip: false,
    open: () => {
      const file = path.join(dir, `handoff-${n++}.sqlite`);
      return Promise.resolve({
        storage: openSqliteBundle(file),
        reopen: () => Promise.resolve(openSqliteBundle(file)),
      });
    },
  },
  {
    name: 'postgres',
    skip: !postgresAvailable,
    open: async () => {
      const db = await createTempDatabase();
      databases.push(db);
      return { storage: await openPostgresBundle(db.url), reopen: () => openPostgresBundle(db.url) };
    },
  },
];
