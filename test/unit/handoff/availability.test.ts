import { describe, expect, it } from 'vitest';
import {
  answerBy,
  estimateWaitSeconds,
  isOpen,
  median,
  nextOpen,
} from '../../../src/handoff/availability/index.js';
import { parseHandoffOptions } from '../../../src/handoff/index.js';

const manila = {
  timeZone: 'Asia/Manila',
  week: { mon: ['09:00-12:00', '13:00-18:00'], tue: ['09:00-18:00'] },
  holidays: ['2025-03-04'],
};

describe('business hours', () => {
  it('is open inside an interval of the local day, closed at lunch and after hours', () => {
    expect(isOpen(manila, new Date('2025-03-03T01:00:00Z'))).toBe(true); // Mon 09:00
    expect(isOpen(manila, new Date('2025-03-03T04:30:00Z'))).toBe(false); // Mon 12:30
    expect(isOpen(manila, new Date('2025-03-03T10:00:00Z'))).toBe(false); // Mon 18:00 (end is exclusive)
    expect(isOpen('always', new Date())).toBe(true);
  });

  it('finds the next opening, skipping holidays and closed days', () => {
    expect(nextOpen(manila, new Date('2025-03-03T04:30:00Z'))?.toISOString()).toBe(
      '2025-03-03T05:00:00.000Z',
    );
    // Tuesday is a holiday: next opening is Monday the 10th, 09:00 Manila.
    expect(nextOpen(manila, new Date('2025-03-03T11:00:00Z'))?.toISOString()).toBe(
      '2025-03-10T01:00:00.000Z',
    );
    expect(nextOpen({ timeZone: 'UTC', week: {}, holidays: [] }, new Date())).toBeUndefined();
  });

  it('handles a DST jump: a skipped wall time opens just after the jump', () => {
    const ny = { timeZone: 'America/New_York', week: { sun: ['02:30-05:00'] }, holidays: [] };
    expect(nextOpen(ny, new Date('2025-03-08T12:00:00Z'))?.toISOString()).toBe('2025-03-09T07:30:00.000Z');
    const regular = { timeZone: 'America/New_York', week: { mon: ['09:00-17:00'] }, holidays: [] };
    expect(nextOpen(regular, new Date('2025-03-08T12:00:00Z'))?.toISOString()).toBe(
      '2025-03-10T13:00:00.000Z',
    );
  });

  it('promises offline answers in opening hours, not calendar hours', () => {
    const week = {
      timeZone: 'Asia/Manila',
      week: { fri: ['09:00-12:00', '13:00-18:00'], mon: ['09:00-18:00'] },
      holidays: [],
    };
    // Friday 17:00 + 4 opening hours = 1 h Friday + 3 h Monday → Monday 12:00 Manila.
    expect(answerBy(week, new Date('2025-03-07T09:00:00Z'), 4).toISOString()).toBe(
      '2025-03-10T04:00:00.000Z',
    );
    expect(answerBy('always', new Date('2025-03-07T09:00:00Z'), 24).toISOString()).toBe(
      '2025-03-08T09:00:00.000Z',
    );
  });
});

describe('wait estimate', () => {
  it('uses the median of recent accept times once there are enough samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(estimateWaitSeconds([], 1, 1, 180)).toBe(180);
    expect(estimateWaitSeconds([60, 60, 600], 2, 1, 180)).toBe(120);
    expect(estimateWaitSeconds([60, 60, 60], 4, 2, 180)).toBe(120);
    expect(estimateWaitSeconds([1, 1, 1], 1, 1, 180)).toBe(30);
  });
});

describe('handoff options', () => {
  it('fills defaults and names the option that is wrong', () => {
    const o = parseHandoffOptions({});
    expect(o).toMatchObject({
      defaultQueue: 'general',
      requeueGraceSeconds: 60,
      maxWaitMinutes: 15,
      businessHours: { default: 'always', queues: {} },
    });
    expect(o.queues.filter((q) => q.internal).map((q) => q.id)).toEqual(['it', 'hr', 'finance']);
    expect(() =>
      parseHandoffOptions({ businessHours: { queues: { billing: { timeZone: 'Mars/Olympus', week: {} } } } }),
    ).toThrow(/businessHours\.queues\.billing\.timeZone: unknown IANA time zone/);
    expect(() => parseHandoffOptions({ businessHours: { queues: { nope: 'always' } } })).toThrow(
      /queue "nope" is not in queues/,
    );
    expect(() => parseHandoffOptions({ webhook: { url: 'https://x.test', secret: 'short' } })).toThrow(
      /webhook\.secret/,
    );
    expect(() =>
      parseHandoffOptions({
        businessHours: { default: { timeZone: 'UTC', week: { mon: ['18:00-09:00'] } } },
      }),
    ).toThrow(/end after it starts/);
    expect(parseHandoffOptions({ requeueGraceSeconds: 3 }).heartbeatSeconds).toBe(1);
  });
});
