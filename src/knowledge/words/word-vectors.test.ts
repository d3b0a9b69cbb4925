import { describe, expect, it } from 'vitest';
import { topicWordVectors } from '../../../test/helpers/word-vectors.js';
import { WordVectors } from './word-vectors.js';

const norm = (v: Float32Array) => Math.hypot(...v);

describe('WordVectors.embed', () => {
  const words = topicWordVectors();

  it('gives unit vectors that point to the topic of the words, whatever their case', () => {
    const v = words.embed('Where is my REIMBURSEMENT?');
    expect(norm(v)).toBeCloseTo(1, 5);
    expect(v[2]).toBeCloseTo(1, 5);
  });

  it('gives the zero vector when no word is known', () => {
    expect(Array.from(words.embed('kamusta po kayo'))).toEqual([0, 0, 0, 0]);
  });

  it('weighs frequent words (early in the file) less than rare ones', () => {
    // One word per direction: "the" is listed first (frequent), "refund" far later (rare).
    const fillers = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const list = ['the', ...fillers, 'refund'];
    const vectors = new Float32Array(list.length * 2);
    vectors[0] = 1; // the → [1, 0]
    vectors[(list.length - 1) * 2 + 1] = 1; // refund → [0, 1]
    const v = new WordVectors('zipf:test', list, vectors, 2).embed('the refund');
    expect(v[1]).toBeGreaterThan(5 * (v[0] ?? 0));
  });

  it('refuses vectors that do not match the word list', () => {
    expect(() => new WordVectors('bad', ['a', 'b'], new Float32Array(3), 2)).toThrow(
      'word vectors bad: 2 words do not fit 3 numbers',
    );
  });
});

describe('WordVectors.extend', () => {
  it('appends the weighted text vector after the sparse features', () => {
    const x = { idx: Int32Array.from([3, 7]), val: Float32Array.from([0.6, 0.8]) };
    const out = topicWordVectors().extend(x, 'parcel', 10, 2);
    expect(Array.from(out.idx)).toEqual([3, 7, 10, 11, 12, 13]);
    expect(Array.from(out.val)).toEqual([Math.fround(0.6), Math.fround(0.8), 0, 2, 0, 0]);
  });
});
