/**
 * Held-out retrieval evaluation on the sample knowledge base.
 *
 * test/fixtures/kb-heldout/{en,fil,ur}.jsonl were written from each article's id, title, audience
 * and answer body only, never from its `questions:` list, so they measure how well Tulay answers
 * phrasings nobody tuned the KB for: short chat messages with typos, Taglish, Arabic-script and
 * Roman Urdu, plus out-of-scope messages (expected null) that no article answers.
 *
 * Metrics per language (a clarify card is NOT a correct answer; it is tallied separately):
 * - accuracy: in-scope queries answered (kind 'answer') with the expected article
 * - clarify / clarify hit: in-scope queries that got a clarify card / whose card offered the expected article
 * - wrong: queries answered with an article that isn't the expected one, OOS answers included
 * - OOS abstain: out-of-scope queries that got 'none' or 'clarify'
 *
 * Measured on the sample KB at commit 8a37f98 (default answer options, offline hashed n-gram
 * embeddings; the run is deterministic):
 *
 *   lang  queries  in-scope  accuracy       clarify (right candidate)  wrong answers  OOS  OOS abstain
 *   en        139       118  96.6% (114)    0                          1.4% (2/139)    21  90.5% (19)
 *   fil        99        81  93.8% (76)     0                          3.0% (3/99)     18  88.9% (16)
 *   ur         99        81  79.0% (64)     1 (1)                      3.0% (3/99)     18  88.9% (16)
 *
 * After the KB's alternate questions were roughly doubled (commit after 8a37f98; written without
 * reading these fixtures), in-scope accuracy rose and out-of-scope abstention fell — more lexical
 * overlap ("magkano", "password", "bukas") lets off-topic messages reach an article:
 *
 *   en   accuracy 99.2%  clarify 1 (1)  wrong 2.2%  OOS abstain 85.7%
 *   fil  accuracy 95.1%  clarify 0      wrong 6.1%  OOS abstain 72.2%
 *   ur   accuracy 80.2%  clarify 2 (1)  wrong 5.1%  OOS abstain 88.9%
 *
 * Floors = measured value rounded down to a multiple of 5, minus 5 (from the current KB; the fil
 * OOS floor therefore dropped from 80 to 65, a trade accepted for the in-scope gain); the
 * wrong-answer ceilings mirror that (rounded up to a multiple of 5, plus 5).
 * KB_HELDOUT_MISSES=1 prints every query that was not answered correctly.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readQueries, type LabelledQuery } from '../../src/knowledge/eval/queries.js';
import { createKnowledgeService, type KnowledgeService, type Lang } from '../../src/knowledge/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KB = path.join(ROOT, 'knowledge-base');
const FIXTURES = path.join(ROOT, 'test/fixtures/kb-heldout');

interface Floors {
  accuracy: number;
  oosAbstain: number;
  /** Ceiling, not floor. */
  wrong: number;
}

const FLOORS: Record<Lang, Floors> = {
  en: { accuracy: 90, oosAbstain: 80, wrong: 10 },
  fil: { accuracy: 90, oosAbstain: 65, wrong: 15 },
  ur: { accuracy: 75, oosAbstain: 80, wrong: 15 },
};

interface LangResult {
  lang: Lang;
  queries: number;
  inScope: number;
  oos: number;
  correct: number;
  clarify: number;
  clarifyHit: number;
  /** In-scope queries answered with another article. */
  inScopeWrong: number;
  inScopeNone: number;
  oosAbstain: number;
  /** Out-of-scope queries answered with some article. */
  oosAnswered: number;
  /** Percentages. */
  accuracyPct: number;
  wrongPct: number;
  oosAbstainPct: number;
  misses: string[];
}

const LANGS_EVALUATED = ['en', 'fil', 'ur'] as const;

/** Article id → audience of every article in one language folder (front matter only). */
async function articlesOf(lang: Lang): Promise<Map<string, string>> {
  const dir = path.join(KB, lang);
  const out = new Map<string, string>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.md'))) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(await readFile(path.join(dir, file), 'utf8'))?.[1];
    const meta = parseYaml(front ?? '') as { id: string; audience: string };
    out.set(meta.id, meta.audience);
  }
  return out;
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

async function evaluate(
  knowledge: KnowledgeService,
  lang: Lang,
  queries: LabelledQuery[],
): Promise<LangResult> {
  const r = {
    correct: 0,
    clarify: 0,
    clarifyHit: 0,
    inScopeWrong: 0,
    inScopeNone: 0,
    oosAbstain: 0,
    oosAnswered: 0,
  };
  const misses: string[] = [];
  for (const q of queries) {
    const d = await knowledge.decide(q.text, { lang, audience: q.audience ?? 'external' });
    const got = d.kind === 'answer' ? (d.article?.id ?? '?') : d.kind;
    const shown = `${q.text} → ${got} (want ${q.expected ?? 'null'}; top ${d.candidates
      .slice(0, 3)
      .map((c) => c.id)
      .join(',')})`;
    if (q.expected === null) {
      if (d.kind === 'answer') {
        r.oosAnswered++;
        misses.push(shown);
      } else r.oosAbstain++;
      continue;
    }
    if (d.kind === 'answer') {
      if (d.article?.id === q.expected) r.correct++;
      else {
        r.inScopeWrong++;
        misses.push(shown);
      }
    } else if (d.kind === 'clarify') {
      r.clarify++;
      if (d.candidates.some((c) => c.id === q.expected)) r.clarifyHit++;
      misses.push(shown);
    } else {
      r.inScopeNone++;
      misses.push(shown);
    }
  }
  const inScope = queries.filter((q) => q.expected !== null).length;
  const oos = queries.length - inScope;
  return {
    lang,
    queries: queries.length,
    inScope,
    oos,
    ...r,
    accuracyPct: pct(r.correct, inScope),
    wrongPct: pct(r.inScopeWrong + r.oosAnswered, queries.length),
    oosAbstainPct: pct(r.oosAbstain, oos),
    misses,
  };
}

describe('held-out KB evaluation (sample knowledge base)', () => {
  let knowledge: KnowledgeService;
  let dataDir: string;
  const results = new Map<Lang, LangResult>();
  const queriesOf = new Map<Lang, LabelledQuery[]>();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tulay-kb-heldout-'));
    knowledge = await createKnowledgeService(
      { kbPath: KB, dataDir },
      pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    );
    for (const lang of LANGS_EVALUATED) {
      const queries = await readQueries(path.join(FIXTURES, `${lang}.jsonl`));
      queriesOf.set(lang, queries);
      results.set(lang, await evaluate(knowledge, lang, queries));
    }
    const rows = [...results.values()];
    console.log(
      [
        'lang  queries  in-scope  accuracy      clarify (right cand.)  wrong answers  oos  oos-abstain',
        ...rows.map(
          (x) =>
            `${x.lang.padEnd(4)}  ${String(x.queries).padStart(7)}  ${String(x.inScope).padStart(8)}  ` +
            `${`${x.accuracyPct}% (${x.correct})`.padEnd(12)}  ` +
            `${`${x.clarify} (${x.clarifyHit})`.padEnd(21)}  ` +
            `${`${x.wrongPct}% (${x.inScopeWrong + x.oosAnswered}/${x.queries})`.padEnd(13)}  ` +
            `${String(x.oos).padStart(3)}  ${x.oosAbstainPct}% (${x.oosAbstain})`,
        ),
      ].join('\n'),
    );
    if (process.env.KB_HELDOUT_MISSES)
      for (const x of rows) console.log(`misses ${x.lang}:\n  ${x.misses.join('\n  ')}`);
    // One JSON line, for copying the figures into the README.
    console.log(
      `KB_HELDOUT ${JSON.stringify(
        Object.fromEntries(
          rows.map((x) => [
            x.lang,
            {
              queries: x.queries,
              in_scope: x.inScope,
              out_of_scope: x.oos,
              in_scope_accuracy: x.accuracyPct,
              clarify: x.clarify,
              clarify_right_candidate: x.clarifyHit,
              wrong_answer_rate: x.wrongPct,
              oos_abstain_rate: x.oosAbstainPct,
            },
          ]),
        ),
      )}`,
    );
  }, 180_000);

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.each(LANGS_EVALUATED)('%s stays above its quality floors', (lang) => {
    const x = results.get(lang)!;
    const floors = FLOORS[lang];
    expect(x.accuracyPct, `${lang} in-scope accuracy`).toBeGreaterThanOrEqual(floors.accuracy);
    expect(x.oosAbstainPct, `${lang} OOS abstain rate`).toBeGreaterThanOrEqual(floors.oosAbstain);
    expect(x.wrongPct, `${lang} wrong-answer rate`).toBeLessThanOrEqual(floors.wrong);
  });

  it.each(LANGS_EVALUATED)(
    '%s covers every external article twice (and in English every internal one), with 15+ out-of-scope queries',
    async (lang) => {
      const queries = queriesOf.get(lang)!;
      const articles = await articlesOf(lang);
      const count = (id: string, audience: string) =>
        queries.filter((q) => q.expected === id && (q.audience ?? 'external') === audience).length;
      for (const [id, audience] of articles) {
        if (audience === 'internal') expect(count(id, 'internal'), `${lang} ${id}`).toBeGreaterThanOrEqual(1);
        else expect(count(id, 'external'), `${lang} ${id}`).toBeGreaterThanOrEqual(2);
      }
      const unknown = queries.filter((q) => q.expected !== null && !articles.has(q.expected));
      expect(unknown.map((q) => q.expected)).toEqual([]);
      expect(
        queries.filter((q) => q.expected === null && q.audience !== 'internal').length,
      ).toBeGreaterThanOrEqual(15);
    },
  );
});
