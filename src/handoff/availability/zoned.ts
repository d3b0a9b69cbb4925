/** Wall-clock arithmetic in an IANA time zone with Intl only (no date library). */

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) out[p.type] = p.value;
  return out;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const p = parts(instant, timeZone);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: WEEKDAY_INDEX[p.weekday ?? ''] ?? 0,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a local wall time happens. Two candidate offsets cover DST edges; a wall time that
 * does not exist (skipped by a DST jump) resolves to the later candidate, just after the jump.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  const first = new Date(wall - offsetMs(new Date(wall), timeZone));
  const second = new Date(wall - offsetMs(first, timeZone));
  const matches = (t: Date) => {
    const local = localTime(t, timeZone);
    return local.date === date && local.minutes === minutes;
  };
  if (matches(second)) return second;
  if (matches(first)) return first;
  return first.getTime() > second.getTime() ? first : second;
}

/** The local date `days` after `date` (calendar arithmetic, zone-independent). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
