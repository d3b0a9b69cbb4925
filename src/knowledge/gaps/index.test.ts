import { describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../storage/index.js';
import { gapReport, lowRatings, normalizeQuestion } from './index.js';

let id = 0;
const rec = (r: Partial<FeedbackRecord>): FeedbackRecord => ({
  id: ++id,
  kind: 'unanswered',
  conversationId: 'c',
  createdAt: new Date(2026, 0, id),
  ...r,
});

describe('gapReport', () => {
  it('groups similar unanswered questions and 👎 answers, most frequent first', () => {
    const gaps = gapReport([
      rec({ query: 'Do you sell drones?' }),
      rec({ query: 'do you sell drones' }),
      rec({ query: 'Do you sell drone?' }),
      rec({
        kind: 'answer',
        helpful: false,
        query: 'how to pay with crypto',
        articleId: 'payment-methods',
        lang: 'en',
      }),
      rec({ kind: 'answer', helpful: true, query: 'where is my order' }),
      rec({ query: 'may drone ba kayo', lang: 'fil' }),
    ]);
    expect(gaps[0]).toMatchObject({
      count: 3,
      unanswered: 3,
      text: expect.stringMatching(/drones/i) as unknown,
    });
    const crypto = gaps.find((g) => g.text.includes('crypto'));
    expect(crypto).toMatchObject({ thumbsDown: 1, articleIds: ['payment-methods'] });
    expect(gaps.some((g) => g.text.includes('where is my order'))).toBe(false);
  });

  it('ignores CSAT and records without a question', () => {
    expect(gapReport([rec({ kind: 'csat', rating: 1 }), rec({ query: '  ' })])).toEqual([]);
  });

  it('keeps questions that only share a frame apart, and merges case, spacing and punctuation', () => {
    const gaps = gapReport([
      rec({ query: 'how do I cancel my order' }),
      rec({ query: 'how do I track my order' }),
      rec({ query: 'do you ship to Canada' }),
      rec({ query: 'do you ship to Japan' }),
      rec({ query: 'Do you ship to   CANADA?!' }),
      rec({ query: 'میرا پارسل کب آئے گا؟' }),
      rec({ query: 'میرا پارسل کب آئے گا' }),
    ]);
    // Equal counts: most recently asked first.
    expect(gaps.map((g) => [g.text, g.count])).toEqual([
      ['میرا پارسل کب آئے گا؟', 2],
      ['do you ship to Canada', 2],
      ['do you ship to Japan', 1],
      ['how do I track my order', 1],
      ['how do I cancel my order', 1],
    ]);
    expect(normalizeQuestion('  Where’s my REFUND?? ')).toBe('where s my refund');
  });

  it('lists articles by 👎 count and tracks when a question was first and last asked', () => {
    const [gap] = gapReport([
      rec({ kind: 'answer', helpful: false, query: 'pay in installments', articleId: 'payment-methods' }),
      rec({ kind: 'answer', helpful: false, query: 'Pay in installments?', articleId: 'credit' }),
      rec({ kind: 'answer', helpful: false, query: 'pay in installments', articleId: 'credit' }),
    ]);
    expect(gap).toMatchObject({ count: 3, thumbsDown: 3, articleIds: ['credit', 'payment-methods'] });
    expect(gap!.lastAsked.getTime() - gap!.firstAsked.getTime()).toBe(2 * 24 * 3600 * 1000);
  });
});

describe('lowRatings', () => {
  it('keeps CSAT ratings of 2 or less, most recent first, with comments when given', () => {
    const low = lowRatings([
      rec({ kind: 'csat', rating: 1, comment: ' slow ', ticketId: 'T-1' }),
      rec({ kind: 'csat', rating: 4, comment: 'ok' }),
      rec({ kind: 'csat', rating: 2, lang: 'ur' }),
      rec({ kind: 'unanswered', query: 'x', rating: 1 }),
    ]);
    expect(low).toMatchObject([
      { rating: 2, lang: 'ur' },
      { rating: 1, comment: 'slow', ticketId: 'T-1' },
    ]);
    expect(low[0]).not.toHaveProperty('comment');
  });
});
