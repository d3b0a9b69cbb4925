import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Answerer } from '../answer/answerer.js';
import { calibrate, thresholdsFile, type CalibrationResult } from '../answer/calibrate.js';
import { resolveAnswerOptions } from '../answer/options.js';
import type { LabelledQuery } from '../eval/queries.js';
import { readQueries } from '../eval/queries.js';
import type { Audience } from '../types.js';
import { audienceOf, openForCommand, parse, UsageError } from './common.js';
import { stageProgress } from './progress.js';
import { modelLabels } from '../search/index-store.js';

/** Ranks every validation query and fits confidence and thresholds on them. */
export async function calibrateOn(
  answerer: Answerer,
  queries: readonly LabelledQuery[],
  audience: Audience,
  target: number,
): Promise<CalibrationResult> {
  await answerer.prepare(queries.map((q) => q.text));
  const bars = stageProgress();
  const rows = queries.map((q, i) => {
    bars.progress('calibrate', i + 1, queries.length);
    return { expected: q.expected, signals: answerer.signals(q.text, { audience: q.audience ?? audience }) };
  });
  bars.stop();
  return calibrate(rows, answerer.options, answerer.hasClassifier, target);
}

export async function calibrateCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    queries: { type: 'string' },
    out: { type: 'string' },
    'oos-recall': { type: 'string', default: '0.5' },
  });
  if (!values.queries) throw new UsageError('calibrate needs --queries VAL.jsonl');
  const target = Number(values['oos-recall']);
  if (!(target >= 0 && target <= 1)) throw new UsageError('--oos-recall must be a number in [0,1]');
  const opened = await openForCommand({
    kb: values.kb,
    data: values.data,
    wordVectors: values['word-vectors'],
    purpose: 'eval',
    thresholdsFile: values.thresholds,
  });
  const queries = await readQueries(values.queries);
  const result = await calibrateOn(opened.answerer, queries, audienceOf(values.audience), target);
  const out = values.out ?? path.join(values.data, 'kb-thresholds.json');
  const json = thresholdsFile(result, {
    kb: values.kb,
    queries: values.queries,
    oosRecallTarget: target,
    index: opened.loaded.manifest.hash,
    models: modelLabels(opened.loaded.manifest),
  });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(json, null, 2)}\n`);
  // Re-validate what was written, so a file the service cannot load is caught here.
  resolveAnswerOptions(opened.answerer.options, result.options);
  console.log(JSON.stringify({ out, ...result }, null, 2));
  return 0;
}
