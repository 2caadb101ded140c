/**
 * The search timeline and year facet in the Hijri calendar (Umm al-Qura, as ICU computes it): each
 * hit counts in the Hijri month of its publication day, across month and year boundaries; an article
 * without a usable day counts in no Hijri month; the Gregorian default is unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hijriMonthOfDay, hijriMonthRange, hijriYearRange } from '../../../src-main/common/hijri.js';
import type { Archive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { computeFacets } from '../../../src-main/core/search/facets.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { archiveMeta } from '../../../src-main/core/search/meta.js';
import { buildArchive, writePages, type TestArticle } from './fixture.js';

const story = (n: number): TestArticle['paragraphs'] => [`افتتح المعرض الدولي للكتاب أبوابه للزوار في دورته رقم ${n} بمشاركة واسعة من دور النشر العربية.`];
const at = (published: string, n: number): TestArticle => ({ title: `معرض الكتاب يفتتح دورته ${n}`, paragraphs: story(n), published });

// 1 Ramadan 1438 was 27 May 2017; 1 Muharram 1439 was 21 September 2017 (Umm al-Qura).
const ARTICLES: TestArticle[] = [
  at('2017-05-26 22:00:00', 1), // 29 Sha'ban 1438
  at('2017-05-27 08:00:00', 2), // 1 Ramadan 1438
  at('2017-05-27 18:00:00', 3), // 1 Ramadan 1438
  at('2017-09-20 12:00:00', 4), // 29 Dhu al-Hijjah 1438
  at('2017-09-21 12:00:00', 5), // 1 Muharram 1439
  at('2017-09-22 12:00:00', 6), // no date: cleared below
  at('2017-09-23 12:00:00', 7), // a month without its day: set below
];

let dir = '';
let archive: Archive;
const query = 'معرض الكتاب';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-hijri-'));
  archive = await buildArchive(dir, ARTICLES);
  // Before the metadata is first read: an archive holding an undated article and a day-less date.
  archive.db.prepare('UPDATE articles SET published_at = NULL WHERE id = 6').run();
  archive.db.prepare("UPDATE articles SET published_at = '2017-09' WHERE id = 7").run();
}, 120_000);

afterAll(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Hijri calendar in common', () => {
  it('gives a day its Umm al-Qura month, and nothing for what is not a day', () => {
    expect(hijriMonthOfDay('2017-05-26')).toBe('1438-08');
    expect(hijriMonthOfDay('2017-05-27')).toBe('1438-09');
    expect(hijriMonthOfDay('2017-09-20')).toBe('1438-12');
    expect(hijriMonthOfDay('2017-09-21')).toBe('1439-01');
    for (const bad of ['2017-02-30', '2017-13-01', '2017-09', '', 'yesterday', '20170921']) expect(hijriMonthOfDay(bad), bad).toBeNull();
  });
});

describe('search timeline and year facet by calendar', () => {
  it('stay Gregorian by default, and say so', () => {
    const r = searchArchive(archive, { query, collapse: false });
    expect(r.matches).toBe(7);
    expect(r.calendar).toBe('gregorian');
    expect(r.timeline).toEqual([
      { value: '2017-05', count: 3 },
      { value: '2017-09', count: 3 }, // the day-less "2017-09" is still in its Gregorian month
    ]);
    expect(r.facets.year).toEqual([{ value: '2017', count: 6 }]);
  });

  it('count Hijri months across a month and a year boundary; an article without a day counts nowhere', () => {
    const r = searchArchive(archive, { query, collapse: false, calendar: 'hijri' });
    expect(r.calendar).toBe('hijri');
    expect(r.matches).toBe(7);
    expect(r.timeline).toEqual([
      { value: '1438-08', count: 1 },
      { value: '1438-09', count: 2 },
      { value: '1438-12', count: 1 },
      { value: '1439-01', count: 1 },
    ]);
    expect(r.facets.year).toEqual([
      { value: '1438', count: 4 },
      { value: '1439', count: 1 },
    ]);
    // The other facets do not depend on the calendar.
    expect(r.facets.site).toEqual(searchArchive(archive, { query, collapse: false }).facets.site);
  });

  it('agree with the filters the UI makes of a Hijri month or year', () => {
    const ramadan = searchArchive(archive, { query, collapse: false, calendar: 'hijri', ...hijriMonthRange(1438, 9) });
    expect(ramadan.hits.map((h) => h.id).sort()).toEqual([2, 3]);
    expect(ramadan.timeline).toEqual([{ value: '1438-09', count: 2 }]);
    const year = searchArchive(archive, { query, collapse: false, calendar: 'hijri', ...hijriYearRange(1439) });
    expect(year.hits.map((h) => h.id)).toEqual([5]);
    expect(year.facets.year).toEqual([{ value: '1439', count: 1 }]);
  });

  it('convert each distinct day once per connection, not per query or per hit', () => {
    const meta = archiveMeta(archive);
    const first = meta.monthsOf('hijri');
    expect(meta.monthsOf('hijri').names).toBe(first.names);
    // Five distinct day values (one of them only a month): four real days, in four Hijri months.
    expect([...meta.day.names].sort()).toEqual(['2017-05-26', '2017-05-27', '2017-09', '2017-09-20', '2017-09-21']);
    expect([...first.names].sort()).toEqual(['1438-08', '1438-09', '1438-12', '1439-01']);
    const ids = Int32Array.from([1, 2, 3, 4, 5, 6, 7]);
    expect(computeFacets(meta, ids, 'hijri').timeline.reduce((n, b) => n + b.count, 0)).toBe(5);
  });

  it('see the days a later import adds', async () => {
    const more = writePages(fs.mkdtempSync(path.join(dir, 'more-')), [{ ...at('2018-05-16 09:00:00', 8), site: 'later.example' }]); // 1 Ramadan 1439
    await runImport(archive, [more], { parseWorkers: 0 });
    const r = searchArchive(archive, { query, collapse: false, calendar: 'hijri' });
    expect(r.matches).toBe(8);
    expect(r.timeline.at(-1)).toEqual({ value: '1439-09', count: 1 });
    expect(r.facets.year).toEqual([
      { value: '1438', count: 4 },
      { value: '1439', count: 2 },
    ]);
  });
});
