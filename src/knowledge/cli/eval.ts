import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Answerer } from '../answer/answerer.js';
import { resolveAnswerOptions } from '../answer/options.js';
import { summarize } from '../eval/metrics.js';
import { readQueries } from '../eval/queries.js';
import { runQueries } from '../eval/run.js';
import { audienceOf, langOf, openForCommand, parse, seconds, UsageError } from './common.js';
import { calibrateOn } from './calibrate.js';
import { stageProgress } from './progress.js';

export async function evalCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    queries: { type: 'string' },
    calibrate: { type: 'string' },
    out: { type: 'string' },
    'oos-recall': { type: 'string', default: '0.5' },
  });
  if (!values.queries) throw new UsageError('eval needs --queries QUERIES.jsonl');
  const lang = langOf(values.lang);
  const audience = audienceOf(values.audience);
  const started = performance.now();
  const opened = await openForCommand({
    kb: values.kb,
    data: values.data,
    wordVectors: values['word-vectors'],
    purpose: 'eval',
    thresholdsFile: values.thresholds,
  });
  const indexMs = performance.now() - started;
  let answerer = opened.answerer;
  let calibration: unknown;
  if (values.calibrate) {
    const result = await calibrateOn(
      answerer,
      await readQueries(values.calibrate),
      audience,
      Number(values['oos-recall']),
    );
    answerer = new Answerer(opened.loaded.index, resolveAnswerOptions(answerer.options, result.options));
    calibration = { on: values.calibrate, ...result };
  }
  const queries = await readQueries(values.queries);
  // With an embedding provider, queries are embedded here in batches; latency_ms excludes that.
  await answerer.prepare(queries.map((q) => q.text));
  const runBars = stageProgress();
  const predictions = runQueries(answerer, queries, {
    lang,
    audience,
    onProgress: (n) => n % 50 === 0 && runBars.progress('eval', n, queries.length),
  });
  runBars.stop();
  if (values.out) {
    await mkdir(path.dirname(values.out), { recursive: true });
    await writeFile(values.out, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  }
  const summary = summarize(predictions);
  const index = { hash: opened.loaded.manifest.hash, built: opened.loaded.built, ms: Math.round(indexMs) };
  console.log(
    JSON.stringify(
      {
        kb: values.kb,
        query_file: values.queries,
        ...summary,
        index,
        calibration,
        total: seconds(performance.now() - started),
      },
      null,
      2,
    ),
  );
  return 0;
}
