import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openPostgresBundle, openSqliteBundle, type StorageBundle } from '../../src/storage/index.js';
import { handoffStoresContract, type HandoffStores } from '../contract/tickets.contract.js';
import { createTempDatabase, postgresAvailable, type TempDatabase } from '../helpers/postgres.js';

const fromBundle = (b: StorageBundle): HandoffStores => ({
  tickets: b.tickets,
  agents: b.agents,
  transcriptIn: async (id) => void (await b.transcripts.append(id, 'in', { type: 'message', text: 'hi' })),
  close: () => b.close(),
});

const dir = mkdtempSync(path.join(tmpdir(), 'tulay-tickets-'));
let n = 0;
handoffStoresContract('sqlite (file)', () =>
  Promise.resolve(fromBundle(openSqliteBundle(path.join(dir, `t-${n++}.sqlite`)))),
);
handoffStoresContract('sqlite (:memory:)', () => Promise.resolve(fromBundle(openSqliteBundle(':memory:'))));

const databases: TempDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});
handoffStoresContract(
  'postgres',
  async () => {
    const db = await createTempDatabase();
    databases.push(db);
    return fromBundle(await openPostgresBundle(db.url));
  },
  !postgresAvailable,
);
