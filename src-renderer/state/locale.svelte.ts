/**
 * Words, numbers and dates in the reader's language and digits. Everything here reads the settings,
 * so templates that call these functions update when a setting changes.
 */
import { translate, type MessageKey, type Params } from '../lib/i18n.js';
import { wallTime } from '../lib/dates.js';
import { settings } from './settings.svelte.js';

class Locale {
  /** The BCP 47 tag for numbers and Gregorian dates: Levantine month names in Arabic (كانون الأول). */
  readonly tag = $derived(settings.language === 'ar' ? 'ar-SY' : 'en-GB');
  readonly numberingSystem = $derived(settings.digits === 'arabic' ? 'arab' : 'latn');

  private readonly numberFormat = $derived(new Intl.NumberFormat(this.tag, { numberingSystem: this.numberingSystem }));
  private readonly plainNumber = $derived(new Intl.NumberFormat(this.tag, { numberingSystem: this.numberingSystem, useGrouping: false }));
  private readonly dateTag = $derived(
    settings.calendar === 'hijri' ? (settings.language === 'ar' ? 'ar-SA-u-ca-islamic' : 'en-GB-u-ca-islamic') : this.tag,
  );
  private readonly dayFormat = $derived(
    new Intl.DateTimeFormat(this.dateTag, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', numberingSystem: this.numberingSystem }),
  );
  private readonly shortDayFormat = $derived(
    new Intl.DateTimeFormat(this.dateTag, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', numberingSystem: this.numberingSystem }),
  );
  private readonly timeFormat = $derived(
    new Intl.DateTimeFormat(this.tag, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: this.numberingSystem }),
  );
  // Month buckets and filters are Gregorian months: named in the Gregorian calendar whatever the setting.
  private readonly monthYearFormat = $derived(
    new Intl.DateTimeFormat(this.tag, { timeZone: 'UTC', month: 'long', year: 'numeric', numberingSystem: this.numberingSystem }),
  );
  private readonly monthFormat = $derived(
    new Intl.DateTimeFormat(this.tag, { timeZone: 'UTC', month: 'long', numberingSystem: this.numberingSystem }),
  );

  t = (key: MessageKey, params?: Params): string => translate(settings.language, key, params);

  /** A number with grouping, in the chosen digits. */
  num = (n: number | null | undefined): string => (n === null || n === undefined ? '' : this.numberFormat.format(n));

  /** A year or other number without grouping (٢٠١٦, not ٢٬٠١٦). */
  plain = (n: number | string): string => this.plainNumber.format(Number(n));

  /** A day or wall time as "١٦ كانون الأول ٢٠١٦". */
  day = (value: string | null | undefined): string => {
    const d = wallTime(value);
    return d ? this.dayFormat.format(d) : '';
  };

  shortDay = (value: string | null | undefined): string => {
    const d = wallTime(value);
    return d ? this.shortDayFormat.format(d) : '';
  };

  /** "١٦ كانون الأول ٢٠١٦، ١٥:٢٤" for a publication time. */
  dateTime = (value: string | null | undefined): string => {
    const d = wallTime(value);
    if (!d) return '';
    const hasTime = /[T ]\d{2}:\d{2}/.test(value ?? '');
    if (!hasTime) return this.dayFormat.format(d);
    return `${this.dayFormat.format(d)}${this.t('dateTimeSep')}${this.timeFormat.format(d)}`;
  };

  /** "YYYY-MM" as "كانون الأول ٢٠١٦". */
  monthKey = (key: string): string => {
    const d = wallTime(`${key}-01`);
    return d ? this.monthYearFormat.format(d) : key;
  };

  /** Month 1–12 by its (Levantine) name. */
  monthName = (month: number): string => this.monthFormat.format(new Date(Date.UTC(2000, month - 1, 1)));

  /** Milliseconds as "٢ د ٥ ث". */
  duration = (ms: number): string => {
    const total = Math.max(0, Math.round(ms / 1000));
    if (total < 60) return this.t('seconds', { n: this.num(total) });
    return this.t('minutes', { m: this.num(Math.floor(total / 60)), s: this.num(total % 60) });
  };
}

export const locale = new Locale();
export const t = locale.t;
