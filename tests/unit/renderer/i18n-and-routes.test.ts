import { describe, expect, it } from 'vitest';
import { textDirection, textLang } from '../../../src-renderer/lib/bidi.js';
import { describeHijriRange, hijriMonthRange, hijriYearRange, hijriYearsOverlapping, toHijri } from '../../../src-renderer/lib/calendar.js';
import { fill, messages, pluralTemplate, plurals, templateParts, type Lang, type PluralKey } from '../../../src-renderer/lib/i18n.js';
import { MONTH_LOCALE, resolveMonthStyle, styleOfRegion } from '../../../src-renderer/lib/months.js';
import { formatRoute, HOME, parseRoute, type Route } from '../../../src-renderer/lib/route.js';

const arabic = (n: number) => n.toLocaleString('ar', { numberingSystem: 'arab', useGrouping: false } as Intl.NumberFormatOptions);
const say = (lang: Lang, key: PluralKey, n: number, params: Record<string, string> = {}) =>
  fill(pluralTemplate(lang, key, n), { ...params, n: lang === 'ar' ? arabic(n) : String(n) });

describe('plural forms', () => {
  it('Arabic has all six: none, one, two, a few, many, and the rest', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 22, 99, 100, 101, 102, 103, 111, 1000].map((n) => say('ar', 'articles', n))).toEqual([
      'لا مقالات',
      'مقالة واحدة',
      'مقالتان',
      '٣ مقالات',
      '٧ مقالات',
      '١٠ مقالات',
      '١١ مقالة',
      '٢٢ مقالة',
      '٩٩ مقالة',
      '١٠٠ مقالة',
      '١٠١ مقالة',
      '١٠٢ مقالة',
      '١٠٣ مقالات',
      '١١١ مقالة',
      '١٠٠٠ مقالة',
    ]);
    expect(say('ar', 'results', 7)).toBe('٧ نتائج');
    expect(say('ar', 'sites', 3)).toBe('٣ مواقع');
    expect(say('ar', 'sites', 2)).toBe('موقعين');
    expect(say('ar', 'reads', 11)).toBe('١١ قراءة');
  });

  it('English has one and other', () => {
    expect(say('en', 'results', 1)).toBe('1 result');
    expect(say('en', 'results', 0)).toBe('0 results');
    expect(say('en', 'cancelledAfter', 3000, { done: '120' })).toBe('Import cancelled after 120 of 3000 files.');
  });

  it('every counted phrase has the forms its language needs, with the same placeholders in both', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((h) => h !== 'n');
    for (const key of Object.keys(plurals.ar) as PluralKey[]) {
      const ar = plurals.ar[key];
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'] as const) expect(ar[form], `${key}.${form}`).toBeDefined();
      expect(plurals.en[key].one, key).toBeDefined();
      expect(new Set(holes(plurals.en[key].other)), key).toEqual(new Set(holes(ar.other)));
    }
  });
});

describe('the Arabic string table', () => {
  it('has no Latin word outside names that stay as they are (English as its own name, the example path)', () => {
    const allowed = new Set(['English', 'me', 'home', 'scrapes', 'alazmenah', 'com']);
    for (const [key, text] of Object.entries(messages.ar)) {
      for (const word of text.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? []) expect(allowed.has(word), `${key}: ${word}`).toBe(true);
    }
  });
});

describe('templates', () => {
  it('are cut into text and placeholders', () => {
    expect(templateParts('بقلم {author}')).toEqual([{ text: 'بقلم ' }, { param: 'author' }]);
    expect(templateParts('{a} من {b}.')).toEqual([{ param: 'a' }, { text: ' من ' }, { param: 'b' }, { text: '.' }]);
    expect(templateParts('')).toEqual([]);
  });
});

describe('addresses', () => {
  const roundTrip = (route: Route) => parseRoute(formatRoute(route));

  it('read and write every kind of place', () => {
    const places: Route[] = [
      HOME,
      { kind: 'browse', site: 'alazmenah.com', section: null, year: null, month: null, sort: 'newest', edited: false, allCopies: false },
      { kind: 'browse', site: 'موقع عربي', section: 'أخبار سورية', year: 2017, month: 8, sort: 'most-read', edited: false, allCopies: false },
      { kind: 'browse', site: 'x.com', section: '', year: 1438, month: null, sort: 'oldest', edited: false, allCopies: false },
      { kind: 'browse', site: null, section: null, year: null, month: null, sort: 'most-edited', edited: true, allCopies: true },
      { kind: 'ticker', site: 'alazmenah.com', date: '2018-07-21' },
      { kind: 'ticker', site: 'موقع عربي', date: null },
      { kind: 'search', q: 'حلب "هدنة جديدة" -روسيا', site: 'a.com', from: '2016-01-01', to: '2016-12-31', sort: 'newest' },
      { kind: 'search', q: 'a&b=c?d#e/f%g+h', sort: 'relevance' },
      { kind: 'search', q: 'عنوان قديم', sort: 'relevance', allVersions: true },
      { kind: 'article', id: 42, q: null },
      { kind: 'article', id: 42, q: 'حلب' },
    ];
    for (const place of places) expect(roundTrip(place), formatRoute(place)).toEqual(place);
    expect(formatRoute(HOME)).toBe('#/');
    expect(formatRoute({ kind: 'article', id: 42, q: null })).toBe('#/article/42');
  });

  it('take an empty or bare hash as the start', () => {
    expect(parseRoute('')).toEqual(HOME);
    expect(parseRoute('#')).toEqual(HOME);
    expect(parseRoute('#/')).toEqual(HOME);
  });

  it('say "not found" for anything else, and drop values that are not valid', () => {
    for (const hash of ['#/nope', '#/article/abc', '#/article/0', '#/article/1/2', '#/site', '#/site/%E0%A4%A', '#/ticker', 'garbage', '#main']) {
      expect(parseRoute(hash).kind, hash).toBe('not-found');
    }
    expect(parseRoute('#/site/a.com?year=abc&month=13&sort=sideways')).toEqual({ kind: 'browse', site: 'a.com', section: null, year: null, month: null, sort: 'newest', edited: false, allCopies: false });
    expect(parseRoute('#/search?q=x&from=yesterday&sort=best')).toEqual({ kind: 'search', q: 'x', sort: 'relevance' });
  });
});

describe('the Hijri calendar (Umm al-Qura)', () => {
  it('converts days both ways', () => {
    expect(toHijri(new Date(Date.UTC(2016, 11, 16)))).toEqual({ year: 1438, month: 3, day: 17 });
    expect(hijriMonthRange(1438, 3)).toEqual({ from: '2016-11-30', to: '2016-12-29' });
    expect(hijriYearRange(1438)).toEqual({ from: '2016-10-02', to: '2017-09-20' });
  });

  it('gives every month of two centuries as the days that are exactly that month', () => {
    for (let year = 1380; year < 1480; year += 7) {
      for (let month = 1; month <= 12; month++) {
        const { from, to } = hijriMonthRange(year, month);
        const first = toHijri(new Date(`${from}T00:00:00Z`));
        const last = toHijri(new Date(`${to}T00:00:00Z`));
        const after = toHijri(new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000));
        expect([first.year, first.month, first.day], `${year}-${month}`).toEqual([year, month, 1]);
        expect([last.year, last.month], `${year}-${month}`).toEqual([year, month]);
        expect(after.day, `${year}-${month}`).toBe(1);
      }
    }
  });

  it('lists the Hijri years an archive of Gregorian years covers, and recognises a whole year or month again', () => {
    expect(hijriYearsOverlapping(2016, 2018)).toEqual([1440, 1439, 1438, 1437]);
    const year = hijriYearRange(1439);
    expect(describeHijriRange(year.from, year.to)).toEqual({ year: 1439, month: null });
    const month = hijriMonthRange(1439, 9);
    expect(describeHijriRange(month.from, month.to)).toEqual({ year: 1439, month: 9 });
    expect(describeHijriRange('2017-01-01', '2017-12-31')).toBeNull();
  });
});

describe('month names by region', () => {
  it('follows the region the system states, and falls back to the Levantine names', () => {
    expect(resolveMonthStyle('auto', ['ar-SY'])).toBe('levantine');
    expect(resolveMonthStyle('auto', ['ar-IQ'])).toBe('levantine');
    expect(resolveMonthStyle('auto', ['ar-EG'])).toBe('gulf-egyptian');
    expect(resolveMonthStyle('auto', ['en-US', 'ar-SA'])).toBe('gulf-egyptian');
    expect(resolveMonthStyle('auto', ['fr-DZ', 'fr'])).toBe('maghrebi');
    expect(resolveMonthStyle('auto', ['ar_TN.UTF-8'])).toBe('maghrebi');
    expect(resolveMonthStyle('auto', ['ar-MA'])).toBe('moroccan');
    expect(resolveMonthStyle('auto', ['ar'])).toBe('levantine');
    expect(resolveMonthStyle('auto', [])).toBe('levantine');
    expect(resolveMonthStyle('maghrebi', ['ar-EG'])).toBe('maghrebi');
    expect(styleOfRegion('us')).toBeNull();
  });

  it('names January and August as each region prints them', () => {
    const names = (style: keyof typeof MONTH_LOCALE) => {
      const f = new Intl.DateTimeFormat(`${MONTH_LOCALE[style]}-u-ca-gregory`, { month: 'long', timeZone: 'UTC' });
      return [f.format(new Date(Date.UTC(2000, 0, 1))), f.format(new Date(Date.UTC(2000, 7, 1)))];
    };
    expect(names('levantine')).toEqual(['كانون الثاني', 'آب']);
    expect(names('gulf-egyptian')).toEqual(['يناير', 'أغسطس']);
    expect(names('maghrebi')).toEqual(['جانفي', 'أوت']);
    expect(names('moroccan')).toEqual(['يناير', 'غشت']);
  });
});

describe('direction of archive text', () => {
  it('follows the first strong letter', () => {
    expect(textDirection('«حلب» 2016')).toBe('rtl');
    expect(textDirection('2016: Aleppo حلب')).toBe('ltr');
    expect(textDirection('١٢٣')).toBe('ltr');
    expect(textLang('حلب')).toBe('ar');
    expect(textLang('שלום')).toBeUndefined();
    expect(textLang('Aleppo')).toBeUndefined();
  });
});
