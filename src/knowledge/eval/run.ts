import type { Answerer } from '../answer/answerer.js';
import type { Audience, Lang } from '../types.js';
import type { Prediction } from './metrics.js';
import type { LabelledQuery } from './queries.js';

export interface RunOptions {
  lang: Lang;
  audience: Audience;
  onProgress?: (done: number) => void;
}

/** Asks every query and records what the bot would have done, with per-query latency. */
export function runQueries(
  answerer: Answerer,
  queries: readonly LabelledQuery[],
  options: RunOptions,
): Prediction[] {
  return queries.map((q, i) => {
    const started = performance.now();
    const d = answerer.decide(q.text, {
      lang: q.lang ?? options.lang,
      audience: q.audience ?? options.audience,
    });
    const latency = performance.now() - started;
    options.onProgress?.(i + 1);
    return {
      text: q.text,
      expected: q.expected,
      predicted: d.kind === 'answer' ? (d.article?.id ?? null) : null,
      score: Math.round(d.confidence * 1e4) / 1e4,
      decision: d.kind,
      candidates: d.candidates.map((c) => c.id),
      latency_ms: Math.round(latency * 1000) / 1000,
    };
  });
}
