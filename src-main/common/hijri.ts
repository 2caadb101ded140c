/**
 * The Hijri calendar (Umm al-Qura, as ICU computes it): a Gregorian day's Hijri date, a Hijri year
 * or month as the Gregorian days it covers, and "YYYY-MM" month keys. Everything goes through Intl,
 * so the engine's Hijri timeline, the UI's filters and the dates it writes always agree. Shared by
 * the engine (search facets) and the renderer (filters, labels): it imports nothing.
 */

export const HIJRI_CALENDAR = 'islamic-umalqura';
const DAY_MS = 86_400_000;

/** A span of Gregorian days, "YYYY-MM-DD" both ends included. */
export interface HijriDayRange {
  from: string;
  to: string;
}

export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

let partsFormat: Intl.DateTimeFormat | null = null;

/** Made on first use: most sessions never need the Hijri calendar. */
function hijriParts(): Intl.DateTimeFormat {
  partsFormat ??= new Intl.DateTimeFormat(`en-u-ca-${HIJRI_CALENDAR}-nu-latn`, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  return partsFormat;
}

/** The Hijri date of a Gregorian day (a Date at UTC midnight). */
export function toHijri(date: Date): HijriDate {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of hijriParts().formatToParts(date)) {
    const type = part.type as string;
    if (type === 'year' || type === 'relatedYear') year = year || parseInt(part.value, 10);
    else if (part.type === 'month') month = parseInt(part.value, 10);
    else if (part.type === 'day') day = parseInt(part.value, 10);
  }
  return { year, month, day };
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** "1438-03": a month key (the same shape as a Gregorian "YYYY-MM"). */
export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** A "YYYY-MM" key as year and month (1–12); null when malformed. */
export function parseMonthKey(key: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/** A "YYYY-MM-DD" day as a Date at UTC midnight; null unless it is a real day. */
export function parseDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) || iso(date) !== day ? null : date;
}

/** The Hijri month key ("1438-09") of a Gregorian day "YYYY-MM-DD"; null unless it is a real day. */
export function hijriMonthOfDay(day: string): string | null {
  const date = parseDay(day);
  if (date === null) return null;
  const h = toHijri(date);
  return h.year > 0 && h.month >= 1 && h.month <= 12 ? monthKey(h.year, h.month) : null;
}

/** The Gregorian day on which Hijri month `month` (1–12) of `year` begins. */
export function hijriMonthStart(year: number, month: number): Date {
  // 1 Muharram 1 AH ≈ 16 July 622 (Julian) = 19 July 622 proleptic Gregorian; a mean month is 29.530589 days.
  const epoch = Date.UTC(622, 6, 19);
  const months = (year - 1) * 12 + (month - 1);
  let t = epoch + Math.round(months * 29.530589) * DAY_MS;
  // Walk to the day whose Hijri date is (year, month, 1): the estimate is off by a few days at most.
  for (let i = 0; i < 40; i++) {
    const h = toHijri(new Date(t));
    const diff = (h.year - year) * 12 + (h.month - month);
    if (diff === 0 && h.day === 1) return new Date(t);
    if (diff < 0) t += DAY_MS * Math.max(1, 30 - h.day);
    else if (diff > 0) t -= DAY_MS * Math.max(1, h.day);
    else t -= DAY_MS * (h.day - 1);
  }
  return new Date(t);
}

/** The Gregorian days of a Hijri month. */
export function hijriMonthRange(year: number, month: number): HijriDayRange {
  const start = hijriMonthStart(year, month);
  const next = month === 12 ? hijriMonthStart(year + 1, 1) : hijriMonthStart(year, month + 1);
  return { from: iso(start), to: iso(new Date(next.getTime() - DAY_MS)) };
}

/** The Gregorian days of a Hijri year. */
export function hijriYearRange(year: number): HijriDayRange {
  const start = hijriMonthStart(year, 1);
  const next = hijriMonthStart(year + 1, 1);
  return { from: iso(start), to: iso(new Date(next.getTime() - DAY_MS)) };
}

/** Hijri years that overlap the Gregorian years first..last (newest first). */
export function hijriYearsOverlapping(first: number, last: number): number[] {
  const from = toHijri(new Date(Date.UTC(first, 0, 1))).year;
  const to = toHijri(new Date(Date.UTC(last, 11, 31))).year;
  const out: number[] = [];
  for (let y = to; y >= from; y--) out.push(y);
  return out;
}

/** Does a day range cover exactly one Hijri year or month? */
export function describeHijriRange(from: string | undefined, to: string | undefined): { year: number; month: number | null } | null {
  if (!from || !to || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return null;
  const start = toHijri(new Date(`${from}T00:00:00Z`));
  if (start.day !== 1 || !start.year) return null;
  const year = hijriYearRange(start.year);
  if (start.month === 1 && year.from === from && year.to === to) return { year: start.year, month: null };
  const month = hijriMonthRange(start.year, start.month);
  if (month.from === from && month.to === to) return { year: start.year, month: start.month };
  return null;
}
