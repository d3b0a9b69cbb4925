import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GapsReport } from '../../src/knowledge/cli/gaps.js';
import { main } from '../../src/knowledge/cli/main.js';
import {
  openPostgresBundle,
  openSqliteBundle,
  type FeedbackInput,
  type StorageBundle,
} from '../../src/storage/index.js';
import { tempDir } from '../helpers/knowledge-kb.js';
import { createTempDatabase, postgresAvailable, type TempDatabase } from '../helpers/postgres.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs the kb CLI in this process, as `npm run kb -- ...` would, capturing what it prints. */
async function kb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture =
    (sink: string[]) =>
    (...parts: unknown[]) =>
      void sink.push(parts.map(String).join(' '));
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(capture(out)),
    vi.spyOn(console, 'warn').mockImplementation(capture(err)),
    vi.spyOn(console, 'error').mockImplementation(capture(err)),
  ];
  try {
    const code = await main(['gaps', ...args]);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

const json = async (args: string[]): Promise<GapsReport> => {
  const { code, stdout, stderr } = await kb([...args, '--json']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as GapsReport;
};

const c = 'conv-gaps';
const RECENT: FeedbackInput[] = [
  { kind: 'unanswered', conversationId: c, query: 'Do you sell drones?', lang: 'en' },
  { kind: 'unanswered', conversationId: c, query: 'do you sell  DRONES', lang: 'en' },
  { kind: 'unanswered', conversationId: c, query: 'Do you sell drone?', lang: 'en' },
  {
    kind: 'answer',
    conversationId: c,
    query: 'how to pay with crypto',
    articleId: 'payment-methods',
    helpful: false,
    lang: 'en',
  },
  {
    kind: 'answer',
    conversationId: c,
    query: 'How to pay with crypto?',
    articleId: 'payment-methods',
    helpful: false,
    lang: 'en',
  },
  {
    kind: 'answer',
    conversationId: c,
    query: 'where is my order',
    articleId: 'order-status',
    helpful: true,
    lang: 'en',
  },
  { kind: 'unanswered', conversationId: c, query: 'how do I cancel my order', lang: 'en' },
  { kind: 'unanswered', conversationId: c, query: 'how do I track my order', lang: 'en' },
  { kind: 'unanswered', conversationId: c, query: 'may drone ba kayo', lang: 'fil' },
  {
    kind: 'csat',
    conversationId: c,
    ticketId: 'T-7',
    rating: 1,
    comment: 'waited an hour, nobody came',
    lang: 'en',
  },
  { kind: 'csat', conversationId: c, rating: 2, lang: 'fil' },
  { kind: 'csat', conversationId: c, rating: 5, comment: 'great help', lang: 'en' },
];
/** Asked more often than anything recent, but two months ago. */
const OLD: FeedbackInput[] = Array.from({ length: 4 }, () => ({
  kind: 'unanswered' as const,
  conversationId: c,
  query: 'gift card balance',
  lang: 'en',
}));

interface Backend {
  /** Writes RECENT and OLD through the store's own API, then moves OLD two months back. */
  seed(): Promise<void>;
  env: Record<string, string>;
}

async function seedInto(
  bundle: StorageBundle,
  backdate: (ids: number[], at: Date) => Promise<void>,
): Promise<void> {
  for (const r of RECENT) await bundle.feedback.add(r);
  const old: number[] = [];
  for (const r of OLD) old.push((await bundle.feedback.add(r)).id);
  await backdate(old, new Date(Date.now() - 60 * DAY_MS));
}

function gapsSuite(name: string, backend: () => Backend) {
  describe(`kb gaps on ${name}`, () => {
    beforeAll(async () => {
      const b = backend();
      await b.seed();
      for (const [k, v] of Object.entries(b.env)) vi.stubEnv(k, v);
    });
    afterAll(() => vi.unstubAllEnvs());

    it('prints unanswered and 👎 questions grouped, most frequent first, and low CSAT comments', async () => {
      const { code, stdout } = await kb([]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^KB gaps since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(all languages\) from /);
      expect(stdout).toContain('6 unanswered questions, 2 👎 answers, 2 low CSAT ratings (≤ 2 of 5)');
      const rows = stdout.split('\n').filter((l) => /^\d+ {2,}\d/.test(l));
      expect(rows, stdout).toHaveLength(5);
      expect(rows[0]).toMatch(/^1 +3 +3 +0 +en +\d{4}-\d\d-\d\d +Do you sell drones\?$/);
      expect(rows[1]).toMatch(/^2 +2 +0 +2 +en +.* +how to pay with crypto$/);
      expect(
        rows
          .slice(2)
          .map((r) => r.replace(/^.*\d{4}-\d\d-\d\d +/, ''))
          .sort(),
      ).toEqual(['how do I cancel my order', 'how do I track my order', 'may drone ba kayo']);
      expect(stdout).toContain('also: "do you sell DRONES", "Do you sell drone?"');
      expect(stdout).toContain('👎 on article: payment-methods');
      expect(stdout).not.toContain('where is my order');
      expect(stdout).not.toContain('gift card');
      expect(stdout).toMatch(
        /Low CSAT comments[^\n]*\n\n\d{4}-\d\d-\d\d {2}1\/5 {2}\(en, ticket T-7\) {2}"waited an hour, nobody came"$/,
      );
      expect(stdout).not.toContain('great help');
    });

    it('--json carries the same report; --since reaches older questions', async () => {
      const recent = await json([]);
      expect(recent.records).toEqual({ unanswered: 6, thumbsDown: 2, lowCsat: 2 });
      expect(recent.gaps[0]).toMatchObject({
        text: 'Do you sell drones?',
        count: 3,
        unanswered: 3,
        thumbsDown: 0,
        langs: ['en'],
        examples: ['Do you sell drones?', 'do you sell DRONES', 'Do you sell drone?'],
      });
      expect(recent.gaps.find((g) => g.text === 'how to pay with crypto')).toMatchObject({
        count: 2,
        thumbsDown: 2,
        articleIds: ['payment-methods'],
      });
      // Most recent first; only the 1 had a comment.
      expect(recent.lowCsat).toMatchObject([
        { rating: 2, lang: 'fil' },
        { rating: 1, comment: 'waited an hour, nobody came', ticketId: 'T-7' },
      ]);
      expect(recent.lowCsat[0]).not.toHaveProperty('comment');

      for (const since of ['90d', new Date(Date.now() - 90 * DAY_MS).toISOString().slice(0, 10)]) {
        const all = await json(['--since', since]);
        expect(all.gaps[0]).toMatchObject({ text: 'gift card balance', count: 4, unanswered: 4 });
        expect(all.records.unanswered).toBe(10);
      }
      const future = await json(['--since', new Date(Date.now() + DAY_MS).toISOString()]);
      expect(future).toMatchObject({ records: { unanswered: 0, thumbsDown: 0, lowCsat: 0 }, gaps: [] });
    });

    it('--lang keeps one language; --limit keeps the most frequent groups', async () => {
      const fil = await json(['--lang', 'fil']);
      expect(fil).toMatchObject({ lang: 'fil', records: { unanswered: 1, thumbsDown: 0, lowCsat: 1 } });
      expect(fil.gaps.map((g) => g.text)).toEqual(['may drone ba kayo']);
      const top = await json(['--limit', '2']);
      expect(top.gaps.map((g) => g.text)).toEqual(['Do you sell drones?', 'how to pay with crypto']);
    });

    it('exits 2 with usage on bad options', async () => {
      for (const args of [
        ['--since', 'yesterday'],
        ['--limit', '0'],
        ['--lang', 'de'],
      ]) {
        const { code, stderr } = await kb(args);
        expect(code).toBe(2);
        expect(stderr).toMatch(/^kb gaps: .*\n {2}kb gaps \[--since/);
      }
    });
  });
}

let sqliteFile: string;
gapsSuite('SQLite', () => ({
  env: { SQLITE_PATH: sqliteFile, DATABASE_URL: '' },
  async seed() {
    const bundle = openSqliteBundle(sqliteFile);
    const update = bundle.db.prepare('UPDATE feedback SET created_at = ? WHERE id = ?');
    await seedInto(bundle, (ids, at) => {
      for (const id of ids) update.run(at.getTime(), id);
      return Promise.resolve();
    });
    await bundle.close();
  },
}));

beforeAll(async () => {
  sqliteFile = path.join(await tempDir('tulay-gaps-'), 'tulay.db');
});
afterEach(() => vi.restoreAllMocks());

describe('kb gaps, the real entry point', () => {
  it('runs as `npm run kb -- gaps` against the configured SQLite file', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/knowledge/cli/main.ts', 'gaps', '--json', '--limit', '1'],
      { env: { ...process.env, SQLITE_PATH: sqliteFile, DATABASE_URL: '' } },
    );
    expect((JSON.parse(stdout) as GapsReport).gaps).toMatchObject([
      { text: 'Do you sell drones?', count: 3 },
    ]);
  });

  it('fails without creating a database when the SQLite file does not exist', async () => {
    const missing = path.join(path.dirname(sqliteFile), 'typo.db');
    vi.stubEnv('SQLITE_PATH', missing);
    vi.stubEnv('DATABASE_URL', '');
    try {
      const { code, stderr } = await kb([]);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `kb gaps: no SQLite database at ${missing} (set DATA_DIR or SQLITE_PATH, or DATABASE_URL for PostgreSQL)`,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

let pgDb: TempDatabase | undefined;
describe.skipIf(!postgresAvailable)('PostgreSQL', () => {
  beforeAll(async () => {
    pgDb = await createTempDatabase('tulay_gaps');
  });
  afterAll(async () => {
    await pgDb?.drop();
  });

  gapsSuite('PostgreSQL', () => ({
    env: { DATABASE_URL: pgDb?.url ?? '' },
    async seed() {
      const bundle = await openPostgresBundle(pgDb?.url ?? '');
      try {
        await seedInto(bundle, async (ids, at) => {
          await bundle.pool.query('UPDATE feedback SET created_at = $1 WHERE id = ANY($2::int[])', [at, ids]);
        });
      } finally {
        await bundle.close();
      }
    },
  }));
});
