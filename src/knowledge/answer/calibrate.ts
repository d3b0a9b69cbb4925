import type { Signals } from '../search/knowledge-index.js';
import { confidenceFeatures, fuse, type Fused } from './fusion.js';
import type { AnswerOptions, AnswerOptionsInput } from './options.js';
import { plattFit, plattPredict } from './platt.js';

/** What calibration needs from one validation query: its label and the raw evidence. */
export interface CalibrationRow {
  expected: string | null;
  signals: Signals[];
}

type Tuned = Pick<AnswerOptions, 'weights' | 'calibration' | 'answer' | 'clarify'>;

export interface CalibrationResult {
  options: Tuned;
  /** Validation figures at the chosen settings, as fractions. */
  validation: {
    inScopeAccuracy: number;
    oosRecall: number;
    answeredPrecision: number;
    clarifyUtility: number;
  };
}

/**
 * Fusion weights tried by `calibrate`. Zero weights are included on purpose: on a KB with many
 * alternate questions per article the classifier alone (or classifier plus BM25) can rank and
 * separate out-of-scope queries better than any mix with nearest-neighbour similarity.
 */
export const WEIGHT_GRID: readonly AnswerOptions['weights'][] = (() => {
  const grid: AnswerOptions['weights'][] = [];
  for (const clf of [0, 0.3, 0.5, 0.6, 0.7, 0.8, 1])
    for (const vec of [0, 0.1, 0.2, 0.3, 0.5])
      for (const lex of [0, 0.1, 0.2]) if (clf + vec + lex > 0) grid.push({ clf, vec, lex });
  return grid;
})();

/**
 * Fits, on labelled validation queries: the fusion weights (small grid), the confidence map, the
 * answer threshold that maximises in-scope accuracy subject to OOS recall ≥ `oosRecallTarget`
 * (without OOS queries: the one that maximises right minus wrong answers), and a clarify band
 * that helps more often than not.
 */
export function calibrate(
  rows: readonly CalibrationRow[],
  current: AnswerOptions,
  hasClassifier: boolean,
  oosRecallTarget = 0.5,
): CalibrationResult {
  if (rows.length === 0) throw new Error('calibrate: no validation queries');
  const grid = hasClassifier ? WEIGHT_GRID : WEIGHT_GRID.filter((w) => w.clf === 0);
  let best:
    (ReturnType<typeof fitThreshold> & { weights: AnswerOptions['weights']; ranked: Fused[][] }) | undefined;
  for (const weights of grid) {
    const ranked = rows.map((r) => fuse(r.signals, weights, hasClassifier).slice(0, 5));
    const fit = fitThreshold(rows, ranked, oosRecallTarget);
    if (!best || fit.score > best.score) best = { ...fit, weights, ranked };
  }
  if (!best) throw new Error('calibrate: no setting reaches the OOS recall target');
  const { clarify, utility } = fitClarify(rows, best.ranked, best.conf, best.answer, current.clarify);
  return {
    options: { weights: best.weights, calibration: best.calibration, answer: best.answer, clarify },
    validation: {
      inScopeAccuracy: best.acc,
      oosRecall: best.recall,
      answeredPrecision: best.precision,
      clarifyUtility: utility,
    },
  };
}

function fitThreshold(rows: readonly CalibrationRow[], ranked: Fused[][], target: number) {
  const correct = rows.map((r, i) => r.expected !== null && ranked[i]?.[0]?.id === r.expected);
  const feats = ranked.map((r) => confidenceFeatures(r, 0));
  const model = plattFit(feats, correct, 1e-3, 1500);
  const calibration = {
    weights: [model.weights[0] ?? 0, model.weights[1] ?? 0] as [number, number],
    bias: model.bias,
  };
  const conf = feats.map((f) => plattPredict(calibration, f));
  const inScope = rows.filter((r) => r.expected !== null).length;
  const oos = rows.length - inScope;
  let best = { answer: 1, score: -Infinity, acc: 0, recall: 0, precision: 0 };
  // Walk thresholds from high to low so each step answers one more query.
  const order = conf.map((c, i) => [c, i] as const).sort((a, b) => b[0] - a[0]);
  let right = 0;
  let wrong = 0;
  let oosAnswered = 0;
  for (const [c, i] of order) {
    if (correct[i]) right++;
    else wrong++;
    if (rows[i]?.expected === null) oosAnswered++;
    const recall = oos > 0 ? 1 - oosAnswered / oos : 1;
    if (oos > 0 && recall < target) break;
    const score = oos > 0 ? right : right - wrong;
    if (score > best.score)
      best = {
        answer: c,
        score,
        acc: right / Math.max(1, inScope),
        recall,
        precision: right / (right + wrong),
      };
  }
  return { ...best, calibration, conf };
}

function fitClarify(
  rows: readonly CalibrationRow[],
  ranked: Fused[][],
  conf: number[],
  answer: number,
  current: AnswerOptions['clarify'],
) {
  let clarify = { ...current, minScore: 1 };
  let utility = 0;
  for (const gap of [0.02, 0.05, 0.08, 0.12, 0.16, 0.2]) {
    for (const minScore of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]) {
      let u = 0;
      rows.forEach((r, i) => {
        const top = ranked[i]?.[0]?.fused ?? 0;
        if ((conf[i] ?? 0) >= answer || top < minScore) return;
        const offered = (ranked[i] ?? []).filter((c) => c.fused >= top - gap).slice(0, current.max);
        if (offered.length >= 2)
          u += r.expected !== null && offered.some((c) => c.id === r.expected) ? 1 : -1;
      });
      if (u > utility) {
        utility = u;
        clarify = { ...current, minScore, gap };
      }
    }
  }
  return { clarify, utility };
}

/** The thresholds file the service loads: options plus where they came from. */
export function thresholdsFile(
  result: CalibrationResult,
  meta: Record<string, unknown>,
): { options: AnswerOptionsInput } & Record<string, unknown> {
  return {
    ...meta,
    createdAt: new Date().toISOString(),
    validation: result.validation,
    options: result.options,
  };
}
