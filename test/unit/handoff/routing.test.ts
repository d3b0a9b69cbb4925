import { describe, expect, it } from 'vitest';
import { parseHandoffOptions } from '../../../src/handoff/index.js';
import { parseContact } from '../../../src/handoff/service/contact.js';
import { parseEvidence, pickPriority, pickQueue } from '../../../src/handoff/summary/index.js';

const setup = parseHandoffOptions({});
const evidence = (over: object = {}) =>
  parseEvidence({ question: 'q', lang: 'en', escalatedBecause: 'customer asked', ...over });

describe('queue and priority', () => {
  it("routes by the article queue, and employees' topics to internal queues", () => {
    expect(
      pickQueue(
        evidence({
          articles: [
            {
              id: 'return-policy',
              title: 'R',
              score: 1,
              confidence: 1,
              queue: 'billing',
              audience: 'external',
            },
          ],
        }),
        'webchat',
        setup,
      ),
    ).toBe('billing');
    expect(
      pickQueue(
        evidence({
          articles: [
            { id: 'hr-payslip', title: 'P', score: 1, confidence: 1, queue: 'hr', audience: 'internal' },
          ],
        }),
        'msteams',
        setup,
      ),
    ).toBe('hr');
    // An internal article with a customer queue must not land in front of customer agents.
    expect(
      pickQueue(
        evidence({
          articles: [
            {
              id: 'fin-per-diem',
              title: 'P',
              score: 1,
              confidence: 1,
              queue: 'billing',
              audience: 'internal',
            },
          ],
        }),
        'msteams',
        setup,
      ),
    ).toBe('finance');
    expect(
      pickQueue(
        evidence({ articles: [{ id: 'vpn', title: 'V', score: 1, confidence: 1, audience: 'internal' }] }),
        'msteams',
        setup,
      ),
    ).toBe('it');
    expect(pickQueue(evidence(), 'msteams', setup)).toBe('it');
    expect(pickQueue(evidence(), 'webchat', setup)).toBe('general');
    expect(pickQueue(evidence({ queue: 'orders' }), 'webchat', setup)).toBe('orders');
    expect(pickQueue(evidence({ queue: 'unknown' }), 'webchat', setup)).toBe('general');
  });

  it('raises priority for abuse, strong frustration, human-only topics and safety', () => {
    expect(pickPriority(evidence())).toBe('normal');
    expect(pickPriority(evidence({ reasons: [{ code: 'frustration', turn: 3, score: 0.5 }] }))).toBe(
      'normal',
    );
    expect(pickPriority(evidence({ reasons: [{ code: 'frustration', turn: 3, score: 0.9 }] }))).toBe('high');
    expect(pickPriority(evidence({ reasons: [{ code: 'abuse', turn: 1, score: 0.6 }] }))).toBe('high');
    expect(
      pickPriority(evidence({ articles: [{ id: 'a', title: 'A', score: 1, confidence: 1, handoff: true }] })),
    ).toBe('high');
    expect(pickPriority(evidence({ reasons: [{ code: 'fraud', turn: 1, score: 1 }] }))).toBe('urgent');
    expect(pickPriority(evidence({ priority: 'low', reasons: [{ code: 'abuse', turn: 1, score: 1 }] }))).toBe(
      'low',
    );
    expect(() => evidence({ lang: 'de' })).toThrow(/summary\.lang/);
  });
});

describe('offline contact', () => {
  it('needs an email or a phone number, and a message', () => {
    expect(parseContact({ email: 'ana@example.com' }, ' refund ')).toEqual({
      email: 'ana@example.com',
      message: 'refund',
    });
    expect(parseContact({ phone: '+92 300 1234567', callback: true, email: '' }, 'call me')).toEqual({
      phone: '+92 300 1234567',
      callback: true,
      message: 'call me',
    });
    expect(() => parseContact({}, 'x')).toThrow(/give an email or a phone number/);
    expect(() => parseContact({ email: 'nope' }, 'x')).toThrow(/contact\.email/);
    expect(() => parseContact({ phone: '12' }, 'x')).toThrow(/contact\.phone/);
    expect(() => parseContact({ email: 'ana@example.com' }, '  ')).toThrow(/message/);
  });
});
