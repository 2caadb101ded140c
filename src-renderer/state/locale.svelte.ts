/**
 * Words, numbers and dates in the reader's language, digits, calendar and month names. Everything
 * here reads the settings, so templates that call these functions update when a setting changes.
 */
import type { Calendar } from '../../src-main/common/types.js';
import { HIJRI_CALENDAR, hijriMonthStart, parseMonthKey } from '../lib/calendar.js';
import { fill, pluralTemplate, translate, type MessageKey, type Params, type PluralKey } from '../lib/i18n.js';
import { wallTime } from '../lib/dates.js';
import { MONTH_LOCALE, resolveMonthStyle, type MonthStyle } from '../lib/months.js';
import { settings } from './settings.svelte.js';

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}

class Locale {
  /** The Gregorian month names in use (the setting, or the system's region for `auto`). */
  readonly monthStyle: MonthStyle = $derived(resolveMonthStyle(settings.monthNames, systemLanguages()));
  readonly lang = $derived(settings.language);
  /** The UI language's tag for names of days and months outside the date formats (weekday headers). */
  readonly tag = $derived(settings.language === 'ar' ? 'ar' : 'en-GB');
  readonly numberingSystem = $derived(settings.digits === 'arabic' ? 'arab' : 'latn');
  /** Numbers: the UI language's grouping, the chosen digits. */
  private readonly numberTag = $derived(settings.language === 'ar' ? 'ar' : 'en-GB');
  /** Gregorian dates: the region's month names in Arabic. */
  private readonly gregorianTag = $derived(`${settings.language === 'ar' ? MONTH_LOCALE[this.monthStyle] : 'en-GB'}-u-ca-gregory`);
  private readonly hijriTag = $derived(`${settings.language === 'ar' ? 'ar-SA' : 'en-GB'}-u-ca-${HIJRI_CALENDAR}`);
  readonly hijri = $derived(settings.calendar === 'hijri');
  private readonly dateTag = $derived(this.hijri ? this.hijriTag : this.gregorianTag);

  private readonly numberFormat = $derived(new Intl.NumberFormat(this.numberTag, { numberingSystem: this.numberingSystem }));
  private readonly plainNumber = $derived(new Intl.NumberFormat(this.numberTag, { numberingSystem: this.numberingSystem, useGrouping: false }));
  private readonly dayFormat = $derived(this.format(this.dateTag, { day: 'numeric', month: 'long', year: 'numeric' }));
  private readonly timeFormat = $derived(this.format(this.gregorianTag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  /** Gregorian month buckets ("2016-12") are named in the Gregorian calendar whatever the setting. */
  private readonly gregorianMonthYear = $derived(this.format(this.gregorianTag, { month: 'long', year: 'numeric' }));
  private readonly gregorianMonth = $derived(this.format(this.gregorianTag, { month: 'long' }));
  private readonly hijriMonth = $derived(this.format(this.hijriTag, { month: 'long' }));
  private readonly hijriMonthYear = $derived(this.format(this.hijriTag, { month: 'long', year: 'numeric' }));

  private format(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(tag, { timeZone: 'UTC', numberingSystem: this.numberingSystem, ...options });
  }

  /**
   * Arabic-Indic digits in left-to-right text are "Arabic numbers" to the bidi algorithm: two of them
   * around a comma or a space read as one right-to-left run ("٢٠١٨, ٠٩:٣٠" shows as "٠٩:٣٠ ,٢٠١٨").
   * A left-to-right mark after each number keeps English dates and counts in their written order.
   */
  private readonly ltrArabicDigits = $derived(settings.language === 'en' && settings.digits === 'arabic');
  private keepOrder(text: string): string {
    return this.ltrArabicDigits ? text.replace(/[\u0660-\u0669][\u0660-\u0669\u066b\u066c:]*/g, '$&\u200e') : text;
  }

  t = (key: MessageKey, params?: Params): string => translate(settings.language, key, params);

  /** A counted phrase in the right plural form ("٣ مقالات", "مقالتان", "1 result"); `{n}` is `count` in the chosen digits. */
  tn = (key: PluralKey, count: number, params?: Params): string =>
    fill(pluralTemplate(settings.language, key, count), { ...params, n: this.num(count) });

  /** A number with grouping, in the chosen digits. */
  num = (n: number | null | undefined): string => (n === null || n === undefined ? '' : this.keepOrder(this.numberFormat.format(n)));

  /** A number without grouping (٢٠١٦, not ٢٬٠١٦). */
  plain = (n: number | string): string => this.keepOrder(this.plainNumber.format(Number(n)));

  /** A year of the filters: Gregorian as it is, Hijri with its era ("١٤٣٨ هـ"). */
  year = (y: number): string => (this.hijri ? this.t('hijriYear', { year: this.plain(y) }) : this.plain(y));

  /** A day or wall time as "١٦ كانون الأول ٢٠١٦" (or its Hijri date). */
  day = (value: string | null | undefined): string => {
    const d = wallTime(value);
    return d ? this.keepOrder(this.dayFormat.format(d)) : '';
  };

  /** "١٦ كانون الأول ٢٠١٦، ١٥:٢٤" for a publication time. */
  dateTime = (value: string | null | undefined): string => {
    const d = wallTime(value);
    if (!d) return '';
    const hasTime = /[T ]\d{2}:\d{2}/.test(value ?? '');
    if (!hasTime) return this.keepOrder(this.dayFormat.format(d));
    return this.keepOrder(`${this.dayFormat.format(d)}${this.t('dateTimeSep')}${this.timeFormat.format(d)}`);
  };

  /** A Gregorian "YYYY-MM" bucket as "كانون الأول ٢٠١٦". */
  monthKey = (key: string): string => {
    const d = wallTime(`${key}-01`);
    return d ? this.keepOrder(this.gregorianMonthYear.format(d)) : key;
  };

  /** A Hijri "YYYY-MM" bucket as "ربيع الأول ١٤٣٨ هـ". */
  hijriMonthKey = (key: string): string => {
    const parsed = parseMonthKey(key);
    return parsed ? this.hijriMonthOf(hijriMonthStart(parsed.year, parsed.month)) : key;
  };

  /** A "YYYY-MM" bucket of the search timeline, named in the calendar the engine counted it in. */
  monthIn = (calendar: Calendar, key: string): string => (calendar === 'hijri' ? this.hijriMonthKey(key) : this.monthKey(key));

  /** A year of the year facet, in the calendar the engine counted it in ("١٤٣٨ هـ", "٢٠١٦"). */
  yearIn = (calendar: Calendar, year: number | string): string => (calendar === 'hijri' ? this.t('hijriYear', { year: this.plain(year) }) : this.plain(year));

  /** Month 1–12 of the filters, by name: Gregorian in the region's names, or Hijri (محرم…). */
  monthName = (month: number): string => {
    if (!this.hijri) return this.gregorianMonth.format(new Date(Date.UTC(2000, month - 1, 1)));
    // 1 Muharram 1445 was 19 July 2023: each later month starts about 29.5 days on.
    return this.hijriMonth.format(new Date(Date.UTC(2023, 6, 19 + Math.round((month - 1) * 29.53) + 10)));
  };

  /** A Hijri month of a year, named ("ربيع الأول ١٤٣٨ هـ"). */
  hijriMonthOf = (date: Date): string => this.keepOrder(this.hijriMonthYear.format(date));

  /** Gregorian month names of a style, for the settings ("كانون الثاني، آب"). */
  monthSample = (style: MonthStyle): string => {
    const f = new Intl.DateTimeFormat(`${MONTH_LOCALE[style]}-u-ca-gregory`, { timeZone: 'UTC', month: 'long' });
    return [0, 7].map((m) => f.format(new Date(Date.UTC(2000, m, 1)))).join('، ');
  };

  /** Milliseconds as "٢ د ٥ ث". */
  duration = (ms: number): string => {
    const total = Math.max(0, Math.round(ms / 1000));
    if (total < 60) return this.t('seconds', { n: this.num(total) });
    return this.t('minutes', { m: this.num(Math.floor(total / 60)), s: this.num(total % 60) });
  };
}

export const locale = new Locale();
export const t = locale.t;
export const tn = locale.tn;
