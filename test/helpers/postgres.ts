import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: each call creates a throwaway database and returns its URL and a
 * drop function. In CI (CI=true) or with TULAY_REQUIRE_POSTGRES=1 an unreachable server is
 * an error; on a developer machine without PostgreSQL the suites skip and say so.
 */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const POSTGRES_REQUIRED = process.env.CI === 'true' || process.env.TULAY_REQUIRE_POSTGRES === '1';

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await probe();
if (problem && POSTGRES_REQUIRED) {
  throw new Error(`PostgreSQL tests are required here but ${ADMIN_URL} is unreachable: ${problem}`);
}
if (problem) console.warn(`[tests] PostgreSQL suites SKIPPED: ${ADMIN_URL} unreachable (${problem})`);

export const postgresAvailable = !problem;

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTempDatabase(prefix = 'tulay_test'): Promise<TempDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
