import type { Signals } from '../search/knowledge-index.js';
import type { AnswerOptions } from './options.js';
import { plattPredict } from './platt.js';

export interface Fused extends Signals {
  /** Weighted mean of the signals, in [0,1]. */
  fused: number;
  confidence: number;
}

/**
 * Score-level fusion: the classifier probability, the best question similarity and the relative
 * BM25 score are all in [0,1], so a weighted mean keeps their meaning (rank fusion would throw
 * away how sure each one is, which the abstain rule needs). Sorted best first.
 */
export function fuse(
  signals: readonly Signals[],
  weights: AnswerOptions['weights'],
  hasClassifier = true,
): Fused[] {
  const clf = hasClassifier ? weights.clf : 0;
  const total = clf + weights.vec + weights.lex || 1;
  return signals
    .map((s) => ({
      ...s,
      fused: (clf * s.clf + weights.vec * s.vec + weights.lex * s.lex) / total,
      confidence: 0,
    }))
    .sort((a, b) => b.fused - a.fused);
}

/** Confidence features of a candidate: its fused score and its lead over the best other one. */
export function confidenceFeatures(ranked: readonly { fused: number }[], i: number): [number, number] {
  const own = ranked[i]?.fused ?? 0;
  const bestOther = i === 0 ? (ranked[1]?.fused ?? 0) : (ranked[0]?.fused ?? 0);
  return [own, own - bestOther];
}

export function withConfidence(ranked: Fused[], calibration: AnswerOptions['calibration']): Fused[] {
  ranked.forEach((r, i) => (r.confidence = plattPredict(calibration, confidenceFeatures(ranked, i))));
  return ranked;
}
