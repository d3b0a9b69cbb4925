import { describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../storage/index.js';
import { gapReport } from './index.js';

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
      rec({ kind: 'answer', helpful: false, query: 'how to pay with crypto', articleId: 'payment-methods', lang: 'en' }),
      rec({ kind: 'answer', helpful: true, query: 'where is my order' }),
      rec({ query: 'may drone ba kayo', lang: 'fil' }),
    ]);
    expect(gaps[0]).toMatchObject({ count: 3, unanswered: 3, text: expect.stringMatching(/drones/i) as unknown });
    const crypto = gaps.find((g) => g.text.includes('crypto'));
    expect(crypto).toMatchObject({ thumbsDown: 1, articleIds: ['payment-methods'] });
    expect(gaps.some((g) => g.text.includes('where is my order'))).toBe(false);
  });

  it('ignores CSAT and records without a question', () => {
    expect(gapReport([rec({ kind: 'csat', rating: 1 }), rec({ query: '  ' })])).toEqual([]);
  });
});
