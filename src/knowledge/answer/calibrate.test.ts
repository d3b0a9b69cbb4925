import { describe, expect, it } from 'vitest';
import type { Signals } from '../search/knowledge-index.js';
import { mulberry32 } from '../search/classifier.js';
import { calibrate, WEIGHT_GRID, type CalibrationRow } from './calibrate.js';
import { plattFit, plattPredict } from './platt.js';
import { resolveAnswerOptions } from './options.js';

const IDS = ['a', 'b', 'c', 'd'];

/** In-scope queries: the expected article usually leads; OOS queries: nothing stands out. */
function rows(n: number, seed: number): CalibrationRow[] {
  const rand = mulberry32(seed);
  const out: CalibrationRow[] = [];
  for (let i = 0; i < n; i++) {
    const oos = i % 4 === 0;
    const expected = oos ? null : (IDS[i % IDS.length] ?? 'a');
    const signals: Signals[] = IDS.map((id, cls) => {
      const strong = !oos && id === expected && rand() < 0.85;
      const base = strong ? 0.55 + 0.4 * rand() : 0.05 + 0.4 * rand();
      return { cls, id, clf: base, vec: base * 0.9, lex: rand() };
    });
    out.push({ expected, signals });
  }
  return out;
}

describe('calibrate', () => {
  const result = calibrate(rows(400, 3), resolveAnswerOptions(), true, 0.6);

  it('meets the OOS recall target on the validation rows and reports what it reached', () => {
    expect(result.validation.oosRecall).toBeGreaterThanOrEqual(0.6);
    expect(result.validation.inScopeAccuracy).toBeGreaterThan(0.6);
    expect(result.options.answer).toBeGreaterThan(0);
    expect(result.options.answer).toBeLessThan(1);
  });

  it('learns that the lexical signal is noise here', () => {
    expect(result.options.weights.lex).toBeLessThan(result.options.weights.clf + result.options.weights.vec);
  });

  it('produces options the answerer accepts', () => {
    expect(() => resolveAnswerOptions(result.options)).not.toThrow();
  });

  it('may fuse any subset of the signals, the classifier alone included', () => {
    expect(WEIGHT_GRID).toContainEqual({ clf: 1, vec: 0, lex: 0 });
    expect(WEIGHT_GRID).toContainEqual({ clf: 0, vec: 0.5, lex: 0 });
    expect(WEIGHT_GRID.every((w) => w.clf + w.vec + w.lex > 0)).toBe(true);
  });

  it('without OOS queries maximises right minus wrong answers', () => {
    const inScope = rows(200, 5).filter((r) => r.expected !== null);
    const r = calibrate(inScope, resolveAnswerOptions(), true);
    expect(r.validation.answeredPrecision).toBeGreaterThan(0.5);
  });
});

describe('plattFit', () => {
  it('recovers a monotone probability from a separable score', () => {
    const xs = Array.from({ length: 200 }, (_, i) => [i / 200]);
    const ys = xs.map(([x]) => (x ?? 0) > 0.5);
    const m = plattFit(xs, ys);
    expect(plattPredict(m, [0.9])).toBeGreaterThan(0.8);
    expect(plattPredict(m, [0.1])).toBeLessThan(0.2);
  });
});
