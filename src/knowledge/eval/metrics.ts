import type { Decision } from '../answer/answerer.js';

/** One line of `kb eval --out`. */
export interface Prediction {
  text: string;
  expected: string | null;
  /** Null when the bot abstained or asked to clarify. */
  predicted: string | null;
  /** Calibrated confidence of the top candidate. */
  score: number;
  decision: Decision['kind'];
  candidates: string[];
  latency_ms: number;
}

export interface Summary {
  queries: number;
  in_scope: number;
  out_of_scope: number;
  /** Percentages, as the README of the evaluation sets reports them. */
  in_scope_accuracy: number;
  oos_recall: number;
  answered_precision: number;
  abstain_rate: number;
  clarify_rate: number;
  /** Share of in-scope clarify turns whose offered candidates include the right article. */
  clarify_hit_rate: number;
  latency_p50_ms: number;
  latency_p99_ms: number;
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Metric definitions of /work/shared/eval/README.md: abstaining and clarifying count as not answering. */
export function summarize(predictions: readonly Prediction[]): Summary {
  const inScope = predictions.filter((p) => p.expected !== null);
  const oos = predictions.filter((p) => p.expected === null);
  const answered = predictions.filter((p) => p.predicted !== null);
  const clarify = predictions.filter((p) => p.decision === 'clarify');
  const clarifyIn = clarify.filter((p) => p.expected !== null);
  const latencies = predictions.map((p) => p.latency_ms);
  return {
    queries: predictions.length,
    in_scope: inScope.length,
    out_of_scope: oos.length,
    in_scope_accuracy: pct(inScope.filter((p) => p.predicted === p.expected).length, inScope.length),
    oos_recall: pct(oos.filter((p) => p.predicted === null).length, oos.length),
    answered_precision: pct(answered.filter((p) => p.predicted === p.expected).length, answered.length),
    abstain_rate: pct(predictions.filter((p) => p.decision === 'none').length, predictions.length),
    clarify_rate: pct(clarify.length, predictions.length),
    clarify_hit_rate: pct(
      clarifyIn.filter((p) => p.candidates.includes(p.expected ?? '')).length,
      clarifyIn.length,
    ),
    latency_p50_ms: Math.round(percentile(latencies, 50) * 100) / 100,
    latency_p99_ms: Math.round(percentile(latencies, 99) * 100) / 100,
  };
}
