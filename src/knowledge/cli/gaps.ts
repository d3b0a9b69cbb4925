import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../../config/index.js';
import {
  openStorage,
  type FeedbackKind,
  type FeedbackRecord,
  type StorageBundle,
} from '../../storage/index.js';
import { gapReport, lowRatings, type Gap, type LowRating } from '../gaps/index.js';
import { langOf, parse, UsageError } from './common.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** More records than this per kind in one window is a sign to narrow --since. */
const READ_LIMIT = 100_000;
/** CSAT ratings at or below this (of 5) count as low. */
const LOW_CSAT = 2;

/** `30d` (days back from now) or anything Date understands, e.g. `2026-01-31` or an ISO time. */
export function parseSince(value: string, now = new Date()): Date {
  const days = /^(\d+)d$/.exec(value.trim());
  const since = days ? new Date(now.getTime() - Number(days[1]) * DAY_MS) : new Date(value);
  if (Number.isNaN(since.getTime()))
    throw new UsageError(`--since must be a date (2026-01-31) or a number of days (30d), got "${value}"`);
  return since;
}

function limitOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--limit must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/** Which database the report reads, without credentials. */
function describeStorage(storage: Config['storage']): string {
  if (storage.kind === 'sqlite') return `SQLite ${storage.path}`;
  const url = new URL(storage.url);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

async function openConfiguredStorage(config: Config): Promise<StorageBundle> {
  // Opening SQLite creates the file; a report must not leave an empty database behind a typo.
  if (config.storage.kind === 'sqlite' && !existsSync(config.storage.path))
    throw new Error(
      `no SQLite database at ${config.storage.path} (set DATA_DIR or SQLITE_PATH, or DATABASE_URL for PostgreSQL)`,
    );
  return openStorage(config.storage);
}

async function readFeedback(storage: StorageBundle, kind: FeedbackKind, since: Date) {
  // Past the cap the newest records are the ones worth reading: old gaps may have been fixed since.
  const records = await storage.feedback.list({ kind, since, limit: READ_LIMIT, order: 'newest' });
  if (records.length >= READ_LIMIT)
    console.warn(
      `kb gaps: read only the newest ${READ_LIMIT} ${kind} records since ${iso(since)}; narrow --since`,
    );
  return records;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface GapsReport {
  storage: string;
  since: string;
  lang: string | null;
  records: { unanswered: number; thumbsDown: number; lowCsat: number };
  gaps: Gap[];
  lowCsat: LowRating[];
}

function printTable(report: GapsReport): void {
  const { records, gaps } = report;
  const who = report.lang ? `language ${report.lang}` : 'all languages';
  const since = `${report.since.slice(0, 10)} ${report.since.slice(11, 16)} UTC`;
  console.log(`KB gaps since ${since} (${who}) from ${report.storage}`);
  console.log(
    `${records.unanswered} unanswered questions, ${records.thumbsDown} 👎 answers, ` +
      `${records.lowCsat} low CSAT ratings (≤ ${LOW_CSAT} of 5)`,
  );
  if (gaps.length === 0) {
    console.log('\nNo unanswered or 👎 questions in this window.');
  } else {
    console.log(
      '\nQuestions, grouped ignoring case, spacing and punctuation (near-identical phrasings merged), most asked first:\n',
    );
    const rows = gaps.map((g, i) => [
      String(i + 1),
      String(g.count),
      String(g.unanswered),
      String(g.thumbsDown),
      g.langs.join(',') || '-',
      iso(g.lastAsked),
      clip(g.text, 70),
    ]);
    const head = ['#', 'asked', 'no answer', 'thumbs down', 'langs', 'last asked', 'question'];
    const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) =>
          c === cells.length - 1 ? cell : c < 4 ? cell.padStart(width[c] ?? 0) : cell.padEnd(width[c] ?? 0),
        )
        .join('  ');
    const indent = ' '.repeat(width.slice(0, -1).reduce((s, w) => s + w + 2, 0));
    console.log(line(head));
    rows.forEach((row, i) => {
      console.log(line(row));
      const g = gaps[i];
      if (!g) return;
      const others = g.examples.filter((e) => e !== g.text).map((e) => `"${clip(e, 50)}"`);
      if (others.length) console.log(`${indent}also: ${others.join(', ')}`);
      if (g.articleIds.length) console.log(`${indent}👎 on article: ${g.articleIds.join(', ')}`);
    });
  }
  const comments = report.lowCsat.filter((r) => r.comment);
  if (comments.length) {
    console.log(`\nLow CSAT comments (rating ≤ ${LOW_CSAT} of 5), most recent first:\n`);
    for (const r of comments) {
      const where = [r.lang, r.ticketId && `ticket ${r.ticketId}`].filter(Boolean).join(', ');
      console.log(
        `${iso(r.createdAt)}  ${r.rating}/5  ${where ? `(${where})  ` : ''}"${clip(r.comment ?? '', 100)}"`,
      );
    }
  }
}

/**
 * `kb gaps`: questions customers asked that got no answer or a 👎, grouped, most frequent first,
 * and low CSAT comments, from the configured storage (SQLite, or PostgreSQL with DATABASE_URL).
 */
export async function gapsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    json: { type: 'boolean', default: false },
    since: { type: 'string', default: '30d' },
    limit: { type: 'string', default: '20' },
    // Unlike other commands, no language means every language.
    lang: { type: 'string' },
  });
  const since = parseSince(values.since);
  const limit = limitOf(values.limit);
  const lang = values.lang === undefined ? undefined : langOf(values.lang);
  const config = loadConfig();
  const storage = await openConfiguredStorage(config);
  let records: FeedbackRecord[];
  try {
    const kinds: FeedbackKind[] = ['unanswered', 'answer', 'csat'];
    records = (await Promise.all(kinds.map((kind) => readFeedback(storage, kind, since)))).flat();
  } finally {
    await storage.close();
  }
  if (lang) records = records.filter((r) => r.lang === lang);
  const low = lowRatings(records, LOW_CSAT);
  const report: GapsReport = {
    storage: describeStorage(config.storage),
    since: since.toISOString(),
    lang: lang ?? null,
    records: {
      unanswered: records.filter((r) => r.kind === 'unanswered').length,
      thumbsDown: records.filter((r) => r.kind === 'answer' && r.helpful === false).length,
      lowCsat: low.length,
    },
    gaps: gapReport(
      records.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id),
      { limit },
    ),
    lowCsat: low.slice(0, limit),
  };
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else printTable(report);
  return 0;
}
