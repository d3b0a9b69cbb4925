import type { Hours, Schedule, Weekday } from '../feature/options.js';
import { addDays, localTime, zonedInstant } from './zoned.js';

const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Interval {
  start: number;
  end: number;
}

function intervals(schedule: Schedule, date: string, weekday: number): Interval[] {
  if (schedule.holidays.includes(date)) return [];
  return (schedule.week[DAYS[weekday] ?? 'mon'] ?? []).map((s) => {
    const [a, b] = s.split('-') as [string, string];
    const min = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
    return { start: min(a), end: min(b) };
  });
}

export function isOpen(hours: Hours, at: Date): boolean {
  if (hours === 'always') return true;
  const local = localTime(at, hours.timeZone);
  return intervals(hours, local.date, local.weekday).some(
    (i) => local.minutes >= i.start && local.minutes < i.end,
  );
}

/** The next opening after `at` (or `at` itself when open), within two weeks; undefined when never. */
export function nextOpen(hours: Hours, at: Date): Date | undefined {
  if (isOpen(hours, at)) return at;
  if (hours === 'always') return at;
  const today = localTime(at, hours.timeZone);
  for (let d = 0; d <= 14; d++) {
    const date = addDays(today.date, d);
    const weekday = (today.weekday + d) % 7;
    const starts = intervals(hours, date, weekday)
      .map((i) => zonedInstant(date, i.start, hours.timeZone))
      .filter((t) => t.getTime() > at.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (starts[0]) return starts[0];
  }
  return undefined;
}

/**
 * When an offline ticket will be answered: `answerHours` of opening time from `at`, so a message
 * left on Friday night is not promised for Saturday when the team does not work weekends.
 */
export function answerBy(hours: Hours, at: Date, answerHours: number): Date {
  if (hours === 'always') return new Date(at.getTime() + answerHours * 3_600_000);
  let remaining = answerHours * 60;
  let cursor = at;
  for (let guard = 0; guard < 60 && remaining > 0; guard++) {
    const start = nextOpen(hours, cursor);
    if (!start) break;
    const local = localTime(start, hours.timeZone);
    const current = intervals(hours, local.date, local.weekday).find(
      (i) => local.minutes >= i.start && local.minutes < i.end,
    );
    if (!current) break;
    const available = current.end - local.minutes;
    const used = Math.min(available, remaining);
    cursor = new Date(start.getTime() + used * 60_000);
    remaining -= used;
  }
  return remaining > 0 ? new Date(at.getTime() + answerHours * 3_600_000) : cursor;
}
