import { describe, expect, it } from 'vitest';
import { Tfidf } from '../text/tfidf.js';
import { LinearClassifier } from './classifier.js';

describe('LinearClassifier', () => {
  const texts = [
    'reset password',
    'forgot my password',
    'password help',
    'track my parcel',
    'where is my parcel',
    'parcel delivery status',
  ];
  const ys = [0, 0, 0, 1, 1, 1];
  const tfidf = Tfidf.fit(texts);
  const clf = LinearClassifier.train(
    texts.map((t) => tfidf.transform(t)),
    ys,
    2,
    tfidf.size,
    { epochs: 30, l2: 1e-4, learningRate: 0.5, seed: 1 },
  );

  it('learns which words separate the classes and gives probabilities that sum to 1', () => {
    const p = clf.probabilities(tfidf.transform('I lost my password'));
    expect(p[0]).toBeGreaterThan(0.7);
    expect((p[0] ?? 0) + (p[1] ?? 0)).toBeCloseTo(1, 6);
    expect(clf.probabilities(tfidf.transform('parcel not here'))[1]).toBeGreaterThan(0.7);
  });

  it('renormalises over the allowed classes only', () => {
    const p = clf.probabilities(tfidf.transform('reset password'), (c) => c === 1);
    expect([p[0], p[1]]).toEqual([0, 1]);
  });

  it('is deterministic for a seed', () => {
    const again = LinearClassifier.train(
      texts.map((t) => tfidf.transform(t)),
      ys,
      2,
      tfidf.size,
      { epochs: 30, l2: 1e-4, learningRate: 0.5, seed: 1 },
    );
    expect(again.state.weights).toEqual(clf.state.weights);
  });
});
