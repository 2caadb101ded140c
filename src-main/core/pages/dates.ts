/**
 * Dates as news pages write them: ISO ("2016-12-16 15:24:14"), numeric day-first ("16/12/2016",
 * "16-12-2016", "16.12.2016") or year-first ("2016/12/16"), and in words with Levantine, Egyptian/Gulf
 * or Maghrebi month names ("الجمعة 16 كانون الأول 2016", "16 ديسمبر/كانون الأول 2016"), English month
 * names ("16 December 2016", "Dec. 16, 2016"), Hijri months ("12 رمضان 1445 هـ") and Solar Hijri
 * (Persian) months ("2 تير 1399"), both converted to Gregorian; in ASCII, Arabic-Indic or Persian
 * digits, with an optional time ("15:24", "3:24 م"). All regexes are anchored on digits and bounded,
 * so a line costs linear time.
 */
import { hijriToGregorian, solarHijriToGregorian } from './calendars.js';
import { foldForMatch, squeezeSpace } from './chars.js';

export interface FoundDate {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM:SS", or null when the text states no time. */
  time: string | null;
  /** The folded text without the date, the time, weekday names and filler words ("نشر في", "الساعة"…). */
  rest: string;
}

const MONTHS: ReadonlyArray<readonly [number, string]> = [
  [1, 'كانون\\s*(?:ال)?ثاني'],
  [2, 'شباط'],
  [3, 'اذار'],
  [4, 'نيسان'],
  [5, 'ايار'],
  [6, 'حزيران'],
  [7, 'تموز'],
  [8, 'اب'],
  [9, 'ايلول'],
  [10, 'تشرين\\s*(?:ال)?اول'],
  [11, 'تشرين\\s*(?:ال)?ثاني'],
  [12, 'كانون\\s*(?:ال)?اول'],
  [1, 'يناير'],
  [2, 'فبراير'],
  [3, 'مارس'],
  [4, 'ابريل'],
  [5, 'مايو'],
  [6, 'يونيو|يونيه'],
  [7, 'يوليو|يوليه'],
  [8, 'اغسطس'],
  [9, 'سبتمبر'],
  [10, 'اكتوبر'],
  [11, 'نوفمبر'],
  [12, 'ديسمبر'],
  [1, 'جانفي'],
  [2, 'فيفري'],
  [4, 'افريل'],
  [5, 'ماي'],
  [6, 'جوان'],
  [7, 'جويليه'],
  [8, 'اوت'],
];

/** One capture group per month entry, so the matching group's index gives the month. */
const MONTH_GROUPS = MONTHS.map(([, pattern]) => `(${pattern})`).join('|');
const NOT_LETTER = '(?![\\p{L}])';
const WORDS = new RegExp(
  `(?<![\\d\\p{L}])(\\d{1,2})\\s*(?:من\\s+)?(?:${MONTH_GROUPS})${NOT_LETTER}` +
    `(?:\\s*[/\\-–(]\\s*(?:${MONTHS.map(([, p]) => p).join('|')})${NOT_LETTER}\\s*\\)?)?` +
    `\\s*[,،]?\\s*(?:(?:عام|سنه)\\s*)?(\\d{4})(?!\\d)(?:\\s*م${NOT_LETTER})?`,
  'u',
);
const ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T| {1,3})(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?!\d)/u;
const DAY_FIRST = /(?<![\d/.-])(\d{1,2}) {0,3}([/.-]) {0,3}(\d{1,2}) {0,3}\2 {0,3}(\d{4})(?!\d)/u;
const YEAR_FIRST = /(?<![\d/.-])(\d{4}) {0,3}([/.]) {0,3}(\d{1,2}) {0,3}\2 {0,3}(\d{1,2})(?![\d/.])/u;
const TIME = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])(?:\s*(صباحا|مساء|ص|م|am|pm)(?![\p{L}]))?/u;
const FILLER =
  /(?<![\p{L}])(?:يوم|الموافق|نشرت?|بتاريخ|تاريخ|النشر|الساعه|اخر|تحديث|في|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|published|updated|on|at|date)(?![\p{L}])/gu;

export function isValidDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDay(year: number, month: number, day: number): string | null {
  if (!isValidDay(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoTime(hour: number, minute: number, second: number): string | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

interface DayMatch {
  date: string;
  index: number;
  length: number;
  time: string | null;
}

function matchIso(text: string): DayMatch | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const date = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (date === null) return null;
  const time = m[4] === undefined ? null : isoTime(Number(m[4]), Number(m[5]), Number(m[6] ?? '0'));
  return { date, index: m.index, length: m[0].length, time };
}

function matchWords(text: string): DayMatch | null {
  const m = WORDS.exec(text);
  if (!m) return null;
  let month = 0;
  for (let g = 0; g < MONTHS.length; g++) {
    if (m[g + 2] !== undefined) {
      month = MONTHS[g]?.[0] ?? 0;
      break;
    }
  }
  const date = isoDay(Number(m[MONTHS.length + 2]), month, Number(m[1]));
  return date === null ? null : { date, index: m.index, length: m[0].length, time: null };
}

function matchNumeric(text: string): DayMatch | null {
  const y = YEAR_FIRST.exec(text);
  if (y) {
    const date = isoDay(Number(y[1]), Number(y[3]), Number(y[4]));
    if (date !== null) return { date, index: y.index, length: y[0].length, time: null };
  }
  const d = DAY_FIRST.exec(text);
  if (!d) return null;
  const first = Number(d[1]);
  const second = Number(d[3]);
  const year = Number(d[4]);
  // Day first is the Arab convention; a month above 12 can only be a US month-first date.
  const date = second > 12 && first <= 12 ? isoDay(year, first, second) : isoDay(year, second, first);
  return date === null ? null : { date, index: d.index, length: d[0].length, time: null };
}

const ENGLISH_MONTHS: ReadonlyArray<readonly [number, string]> = [
  [1, 'jan(?:uary)?'],
  [2, 'feb(?:ruary)?'],
  [3, 'mar(?:ch)?'],
  [4, 'apr(?:il)?'],
  [5, 'may'],
  [6, 'june?'],
  [7, 'july?'],
  [8, 'aug(?:ust)?'],
  [9, 'sept?(?:ember)?'],
  [10, 'oct(?:ober)?'],
  [11, 'nov(?:ember)?'],
  [12, 'dec(?:ember)?'],
];
const ENGLISH_GROUPS = ENGLISH_MONTHS.map(([, p]) => `(${p})`).join('|');
const ENGLISH_DAY_FIRST = new RegExp(
  `(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?(?:${ENGLISH_GROUPS})\\.?(?![\\p{L}])\\s*,?\\s*(\\d{4})(?!\\d)`,
  'u',
);
const ENGLISH_MONTH_FIRST = new RegExp(
  `(?<![\\p{L}])(?:${ENGLISH_GROUPS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)\\s*,?\\s*(\\d{4})(?!\\d)`,
  'u',
);

/** Hijri months as folded text writes them ("ربيع الأول" → "ربيع الاول", "ذو الحجة" → "ذو الحجه"). */
const HIJRI_MONTHS: readonly string[] = [
  'محرم',
  'صفر',
  'ربيع\\s*(?:ال)?اول',
  'ربيع\\s*(?:ال)?(?:ثاني|اخر)',
  'جماد(?:ي|ا)\\s*(?:ال)?(?:اولي|اول)',
  'جماد(?:ي|ا)\\s*(?:ال)?(?:ثانيه|اخره|ثاني|اخر)',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  '(?:ذو|ذي)\\s*القعده',
  '(?:ذو|ذي)\\s*الحجه',
];
const HIJRI = new RegExp(
  `(?<![\\d\\p{L}])(\\d{1,2})\\s*(?:من\\s+)?(?:${HIJRI_MONTHS.map((p) => `(${p})`).join('|')})(?![\\p{L}])\\s*[,،]?\\s*(?:(?:عام|سنه)\\s*)?(\\d{4})(?!\\d)(?:\\s*(?:ه|هجريه|هجري)(?![\\p{L}]))?`,
  'u',
);
/** Solar Hijri months (Persian spelling, folded: ی → ي). */
const SOLAR_MONTHS: readonly string[] = ['فروردين', 'ارديبهشت', 'خرداد', 'تير', 'مرداد', 'شهريور', 'مهر', 'ابان', 'اذر', 'دي', 'بهمن', 'اسفند'];
const SOLAR = new RegExp(
  `(?<![\\d\\p{L}])(\\d{1,2})\\s*(?:${SOLAR_MONTHS.map((p) => `(${p})`).join('|')})(?![\\p{L}])\\s*(?:ماه\\s*)?[,،]?\\s*(1[34]\\d{2})(?!\\d)`,
  'u',
);

function monthOfGroups(m: RegExpExecArray, first: number, count: number): number {
  for (let g = 0; g < count; g++) if (m[first + g] !== undefined) return g + 1;
  return 0;
}

function matchEnglish(text: string): DayMatch | null {
  const a = ENGLISH_DAY_FIRST.exec(text);
  if (a) {
    const date = isoDay(Number(a[ENGLISH_MONTHS.length + 2]), ENGLISH_MONTHS[monthOfGroups(a, 2, ENGLISH_MONTHS.length) - 1]?.[0] ?? 0, Number(a[1]));
    if (date !== null) return { date, index: a.index, length: a[0].length, time: null };
  }
  const b = ENGLISH_MONTH_FIRST.exec(text);
  if (b) {
    const month = ENGLISH_MONTHS[monthOfGroups(b, 1, ENGLISH_MONTHS.length) - 1]?.[0] ?? 0;
    const date = isoDay(Number(b[ENGLISH_MONTHS.length + 2]), month, Number(b[ENGLISH_MONTHS.length + 1]));
    if (date !== null) return { date, index: b.index, length: b[0].length, time: null };
  }
  return null;
}

function matchHijri(text: string): DayMatch | null {
  const m = HIJRI.exec(text);
  if (!m) return null;
  const date = hijriToGregorian(Number(m[HIJRI_MONTHS.length + 2]), monthOfGroups(m, 2, HIJRI_MONTHS.length), Number(m[1]));
  return date === null ? null : { date, index: m.index, length: m[0].length, time: null };
}

function matchSolarHijri(text: string): DayMatch | null {
  const m = SOLAR.exec(text);
  if (!m) return null;
  const date = solarHijriToGregorian(Number(m[SOLAR_MONTHS.length + 2]), monthOfGroups(m, 2, SOLAR_MONTHS.length), Number(m[1]));
  return date === null ? null : { date, index: m.index, length: m[0].length, time: null };
}

/**
 * The first date the text states (ISO, then Gregorian month names, then Hijri and Solar Hijri months,
 * then numeric), with a time when it gives one. A page that prints both a Gregorian and a Hijri date
 * gives the Gregorian one.
 */
export function findDate(text: string): FoundDate | null {
  if (text.length > 2000) return null;
  const folded = foldForMatch(text);
  if (!/\d{4}/u.test(folded)) return null;
  const latin = /[a-z]/u.test(folded);
  const arabic = /[\u0621-\u064a\u067e-\u06d3]/u.test(folded);
  const day =
    matchIso(folded) ??
    (arabic ? matchWords(folded) : null) ??
    (latin ? matchEnglish(folded) : null) ??
    (arabic ? (matchHijri(folded) ?? matchSolarHijri(folded)) : null) ??
    matchNumeric(folded);
  if (day === null) return null;
  let rest = folded.slice(0, day.index) + ' ' + folded.slice(day.index + day.length);
  let time = day.time;
  if (time === null) {
    const t = TIME.exec(rest);
    if (t) {
      time = twelveHour(Number(t[1]), Number(t[2]), Number(t[3] ?? '0'), t[4]);
      if (time !== null) rest = rest.slice(0, t.index) + ' ' + rest.slice(t.index + t[0].length);
    }
  }
  rest = squeezeSpace(rest.replace(FILLER, ' ').replace(/[-–—|،,:/()[\]]+/gu, ' '));
  return { date: day.date, time, rest };
}

function twelveHour(hour: number, minute: number, second: number, marker: string | undefined): string | null {
  const pm = marker === 'م' || marker === 'مساء' || marker === 'pm';
  const am = marker === 'ص' || marker === 'صباحا' || marker === 'am';
  const twelve = (pm || am) && hour >= 1 && hour <= 12; // "15:24 م" is already 24-hour
  const h = twelve && pm && hour < 12 ? hour + 12 : twelve && am && hour === 12 ? 0 : hour;
  return isoTime(h, minute, second);
}

/** "YYYY-MM-DDTHH:MM:SS" from a found date (midnight when it gives no time). */
export function toDateTime(found: FoundDate): string {
  return `${found.date}T${found.time ?? '00:00:00'}`;
}

/** The site header's scrape day "DD / MM / YYYY" at the end of a line (digits of any script). */
export function parseHeaderDay(day: string, month: string, year: string): string | null {
  return isoDay(Number(year), Number(month), Number(day));
}
