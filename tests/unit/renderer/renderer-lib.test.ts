import { describe, expect, it } from 'vitest';
import { segments, normalizeRanges } from '../../../src-renderer/lib/highlight.js';
import { daysInMonth, describeRange, monthRange, rangeOfMonthKey, wallTime, yearRange } from '../../../src-renderer/lib/dates.js';
import { messages, translate } from '../../../src-renderer/lib/i18n.js';
import { parsePaths } from '../../../src-renderer/lib/paths.js';
import { citation, firstArchivedDay } from '../../../src-renderer/lib/citation.js';
import type { Article } from '../../../src-main/common/types.js';

describe('highlight segments', () => {
  it('splits a plain string into text and mark parts', () => {
    expect(segments('تحرير حلب يسمح', [{ start: 6, end: 9 }])).toEqual([
      { text: 'تحرير ', mark: false },
      { text: 'حلب', mark: true },
      { text: ' يسمح', mark: false },
    ]);
  });

  it('merges overlapping and touching ranges, sorts them, and clamps them to the text', () => {
    expect(normalizeRanges(10, [{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 2, end: 3 }, { start: 7, end: 40 }])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 10 },
    ]);
  });

  it('drops empty, reversed and non-finite ranges', () => {
    expect(segments('abc', [{ start: 2, end: 2 }, { start: 3, end: 1 }, { start: Number.NaN, end: 2 }])).toEqual([{ text: 'abc', mark: false }]);
  });

  it('keeps markup-looking text as text', () => {
    const text = '<img src=x onerror=alert(1)>';
    const parts = segments(text, [{ start: 1, end: 4 }]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts[1]).toEqual({ text: 'img', mark: true });
  });

  it('an empty string is one empty text segment', () => {
    expect(segments('', [])).toEqual([{ text: '', mark: false }]);
  });
});

describe('day ranges', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2018, 2)).toBe(28);
    expect(daysInMonth(2018, 12)).toBe(31);
  });

  it('builds inclusive ranges for a year, a month and a month key', () => {
    expect(yearRange(2017)).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(monthRange(2016, 12)).toEqual({ from: '2016-12-01', to: '2016-12-31' });
    expect(rangeOfMonthKey('2018-02')).toEqual({ from: '2018-02-01', to: '2018-02-28' });
    expect(rangeOfMonthKey('2018-13')).toBeNull();
    expect(rangeOfMonthKey('nope')).toBeNull();
  });

  it('recognises a whole year or month again', () => {
    expect(describeRange('2017-01-01', '2017-12-31')).toEqual({ year: 2017, month: null });
    expect(describeRange('2016-12-01', '2016-12-31')).toEqual({ year: 2016, month: 12 });
    expect(describeRange('2016-12-02', '2016-12-31')).toBeNull();
    expect(describeRange(undefined, '2016-12-31')).toBeNull();
  });

  it('reads wall times without shifting them through a time zone', () => {
    expect(wallTime('2016-12-16T15:24:14')?.toISOString()).toBe('2016-12-16T15:24:14.000Z');
    expect(wallTime('2018-07-21')?.toISOString()).toBe('2018-07-21T00:00:00.000Z');
    expect(wallTime(null)).toBeNull();
    expect(wallTime('21/07/2018')).toBeNull();
  });
});

describe('the string table', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.ar) as Array<keyof typeof messages.ar>) {
      expect(messages.en[key], key).toBeTruthy();
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.ar[key]));
    }
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.ar).sort());
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ar', 'positionInList', { i: '١٢', n: '٢٠' })).toBe('١٢ من ٢٠');
    expect(translate('en', 'positionInList', { i: 2 })).toBe('2 of {n}');
  });
});

describe('import paths', () => {
  it('one per line, trimmed, unquoted, without blanks or repeats', () => {
    expect(parsePaths('  /a/b \n\n"/c d/e"\r\n\'/f\'\n/a/b\n')).toEqual(['/a/b', '/c d/e', '/f']);
  });
});

describe('citation', () => {
  const article: Article = {
    id: 1,
    site: 'alazmenah.com',
    section: 'أخبار سورية',
    title: 'بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية',
    author: null,
    publishedAt: '2016-12-16T15:24:14',
    readCount: 981,
    versionCount: 1,
    version: 1,
    url: null,
    paragraphs: ['…'],
    snapshots: [
      { path: '/scrapes/alazmenah.com/000_b99803806dd1b389.txt', scrapedOn: '2018-07-23', readCount: 990, encoding: 'utf-8', format: 'text', url: null, version: 1 },
      { path: '/scrapes/b/000_b99803806dd1b389.txt', scrapedOn: '2018-07-21', readCount: 981, encoding: 'utf-8', format: 'text', url: null, version: 1 },
    ],
  };

  it('names title, site, date and the day it was archived, never a path on this computer', () => {
    const text = citation(article, { lang: 'ar', date: '١٦ كانون الأول ٢٠١٦', archived: 'محفوظ في أرشيف بتاريخ ٢١ تموز ٢٠١٨' });
    expect(text).toBe('«بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية»، alazmenah.com، ١٦ كانون الأول ٢٠١٦. محفوظ في أرشيف بتاريخ ٢١ تموز ٢٠١٨.');
    expect(text).not.toContain('/scrapes');
    expect(firstArchivedDay(article)).toBe('2018-07-21');
  });

  it('puts the author first and the URL after the date when the page stated one', () => {
    const text = citation(
      { ...article, author: 'سامر الخطيب', url: 'https://www.alazmenah.com/?p=1' },
      { lang: 'en', date: '16 December 2016', archived: 'Archived in Arshif on 21 July 2018' },
    );
    expect(text).toBe(
      'سامر الخطيب, “بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية,” alazmenah.com, 16 December 2016. https://www.alazmenah.com/?p=1 Archived in Arshif on 21 July 2018.',
    );
  });

  it('leaves out what it does not know, and a URL that is not a web address', () => {
    expect(citation({ ...article, url: 'file:///etc/passwd', snapshots: [] }, { lang: 'en', date: '', archived: '' })).toBe(
      '“بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية,” alazmenah.com.',
    );
    expect(firstArchivedDay({ ...article, snapshots: [] })).toBeNull();
  });
});
