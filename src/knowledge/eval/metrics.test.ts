import { describe, expect, it } from 'vitest';
import { summarize, type Prediction } from './metrics.js';

const p = (
  expected: string | null,
  predicted: string | null,
  decision: Prediction['decision'],
  candidates: string[] = [],
  latency = 1,
): Prediction => ({
  text: 'q',
  expected,
  predicted,
  score: 0.5,
  decision,
  candidates,
  latency_ms: latency,
});

describe('summarize', () => {
  it('follows the evaluation README definitions: abstain and clarify count as not answering', () => {
    const s = summarize([
      p('a', 'a', 'answer', ['a'], 1),
      p('a', 'b', 'answer', ['b'], 2),
      p('b', null, 'clarify', ['a', 'b'], 3),
      p('c', null, 'none', [], 4),
      p(null, null, 'none', [], 5),
      p(null, 'a', 'answer', ['a'], 100),
    ]);
    expect(s).toMatchObject({
      queries: 6,
      in_scope: 4,
      out_of_scope: 2,
      in_scope_accuracy: 25,
      oos_recall: 50,
      answered_precision: 33.3,
      abstain_rate: 33.3,
      clarify_rate: 16.7,
      clarify_hit_rate: 100,
      latency_p50_ms: 3,
      latency_p99_ms: 100,
    });
  });
});
