/**
 * Dates as Arabic news pages write them: ISO ("2016-12-16 15:24:14"), numeric day-first
 * ("16/12/2016", "16-12-2016", "16.12.2016") or year-first ("2016/12/16"), and in words with Levantine,
 * Egyptian/Gulf or Maghrebi month names ("الجمعة 16 كانون الأول 2016", "16 ديسمبر/كانون الأول 2016"),
 * in ASCII or Arabic-Indic digits, with an optional time ("15:24", "3:24 م"). All regexes are anchored
 * on digits and bounded, so a line costs linear time.
 */
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

/** The first date the text states (ISO, then in words, then numeric), with a time when it gives one. */
export function findDate(text: string): FoundDate | null {
  if (text.length > 2000) return null;
  const folded = foldForMatch(text);
  if (!/\d{4}/u.test(folded)) return null;
  const day = matchIso(folded) ?? matchWords(folded) ?? matchNumeric(folded);
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
