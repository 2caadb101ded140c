/** Day arithmetic for filters, on "YYYY-MM-DD" strings (no time zones: the archive has none). */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DayRange {
  from: string;
  to: string;
}

export function yearRange(year: number): DayRange {
  return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}

/** month is 1–12. */
export function monthRange(year: number, month: number): DayRange {
  return { from: `${pad(year, 4)}-${pad(month)}-01`, to: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}` };
}

/** "YYYY-MM" → its day range; null when malformed. */
export function rangeOfMonthKey(key: string): DayRange | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return monthRange(Number(m[1]), month);
}

/** A wall-clock "YYYY-MM-DDTHH:MM:SS" (or a day) as a Date at that time in UTC, for Intl formatting with timeZone UTC. */
export function wallTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Does a day range cover exactly one whole month or one whole year? Used to show which filter is active. */
export function describeRange(from: string | undefined, to: string | undefined): { year: number; month: number | null } | null {
  if (!from || !to) return null;
  const y = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  if (!y) return null;
  const year = Number(y[1]);
  const whole = yearRange(year);
  if (whole.from === from && whole.to === to) return { year, month: null };
  const month = Number(y[2]);
  const range = monthRange(year, month);
  if (range.from === from && range.to === to) return { year, month };
  return null;
}
