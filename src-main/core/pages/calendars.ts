/**
 * Hijri (Umm al-Qura, the calendar Arabic news sites print) and Solar Hijri (Iran's and Afghanistan's)
 * dates → Gregorian days. An arithmetic estimate is checked against the runtime's ICU calendars
 * (Intl), which give the exact day; without them the arithmetic (tabular) day is used.
 */
const DAY_MS = 86_400_000;

function formatterFor(calendar: string): Intl.DateTimeFormat | null {
  try {
    const format = new Intl.DateTimeFormat(`en-US-u-ca-${calendar}`, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    return format.resolvedOptions().calendar === calendar ? format : null;
  } catch {
    return null;
  }
}

const UMALQURA = formatterFor('islamic-umalqura');
const PERSIAN = formatterFor('persian');

function partsOf(format: Intl.DateTimeFormat, ms: number): [number, number, number] {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type === 'year') year = Number.parseInt(part.value, 10);
    else if (part.type === 'month') month = Number.parseInt(part.value, 10);
    else if (part.type === 'day') day = Number.parseInt(part.value, 10);
  }
  return [year, month, day];
}

/** The Gregorian day near `estimate` (ms, UTC midnight) that `format` shows as year/month/day. */
function refine(format: Intl.DateTimeFormat | null, estimate: number, year: number, month: number, day: number): number {
  if (format === null) return estimate;
  for (const offset of [0, -1, 1, -2, 2, -3, 3]) {
    const ms = estimate + offset * DAY_MS;
    const [y, m, d] = partsOf(format, ms);
    if (y === year && m === month && d === day) return ms;
  }
  return estimate;
}

function toIso(ms: number): string | null {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2100) return null;
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Julian day number of a tabular Islamic date (civil epoch, 16 July 622). */
function tabularIslamicToMs(year: number, month: number, day: number): number {
  const jd = day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439.5 - 1;
  return Math.round((jd - 2440587.5) * DAY_MS);
}

/** A Hijri (lunar) date → "YYYY-MM-DD"; null when it is no valid date (years 1300–1600). */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (year < 1300 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  return toIso(refine(UMALQURA, tabularIslamicToMs(year, month, day), year, month, day));
}

/** A Solar Hijri date → "YYYY-MM-DD"; null when it is no valid date (years 1300–1500). */
export function solarHijriToGregorian(year: number, month: number, day: number): string | null {
  if (year < 1300 || year > 1500 || month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return null;
  // 1 Farvardin falls on 20 or 21 March of year + 621.
  const newYear = Date.UTC(year + 621, 2, 21);
  const offset = month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  return toIso(refine(PERSIAN, newYear + (offset + day - 1) * DAY_MS, year, month, day));
}
