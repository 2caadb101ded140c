/**
 * Every method of the API registry, called through the loopback host's `POST /api/<method>`, answered
 * by the real archive worker over a real archive holding the sample page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../../src-main/common/api.js';
import type {
  Article,
  ArticleHighlights,
  ArchiveInfo,
  ArchiveStats,
  ArticleVersion,
  ArticleVersions,
  ExportResult,
  ImportReport,
  ListResult,
  SearchResult,
  Settings,
  TickerDays,
  TickerHeadlineTrack,
  TickerHistory,
  TickerSnapshot,
  UpgradeResult,
  VersionDiff,
} from '../../../src-main/common/types.js';
import { latestVersion } from '../../../src-main/core/archive/migrations/index.js';
import { writeSchemaOneArchive } from '../security/hostile-archives.js';
import { samplePagePath } from '../../helpers/tmp.js';
import { startTestHost, type TestHost } from './test-host.js';

let t: TestHost;
let importId = 0;
let articleId = 0;

beforeAll(async () => {
  t = await startTestHost();
  const started = await t.api<{ importId: number }>('import', { paths: [samplePagePath] });
  expect(started.ok).toBe(true);
  if (!started.ok) return;
  importId = started.value.importId;
  const done = await t.waitForImport(importId);
  expect(done.phase).toBe('finished');
  const list = await t.api<ListResult>('list', {});
  if (list.ok) articleId = list.value.articles[0]?.id ?? 0;
});

afterAll(async () => {
  await t?.close();
});

async function value<T>(method: MethodName, args: unknown = {}): Promise<T> {
  const result = await t.api<T>(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** One check per method; the table must name every method of the registry. */
const roundTrips: Record<MethodName, () => Promise<void>> = {
  archiveInfo: async () => {
    const info = await value<ArchiveInfo>('archiveInfo');
    expect(info).toMatchObject({ path: t.archivePath, articles: 1, sites: 1 });
  },
  stats: async () => {
    const stats = await value<ArchiveStats>('stats');
    expect(stats.articles).toBe(1);
    expect(stats.sites).toEqual([{ value: 'alazmenah.com', count: 1 }]);
  },
  list: async () => {
    const list = await value<ListResult>('list', { site: 'alazmenah.com', limit: 5 });
    expect(list.total).toBe(1);
    expect(list.articles[0]?.title).toBe('بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية');
  },
  show: async () => {
    const article = await value<Article>('show', { id: articleId });
    expect(article.publishedAt).toBe('2016-12-16T15:24:14');
    expect(article.paragraphs.length).toBeGreaterThan(0);
    expect(article.snapshots[0]?.path).toBe(samplePagePath);
  },
  related: async () => {
    // the only article has nothing related to it but itself, which is never listed
    expect(await value<unknown[]>('related', { id: articleId, limit: 5 })).toEqual([]);
    expect(await t.api('related', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  },
  articleHighlights: async () => {
    const marks = await value<ArticleHighlights>('articleHighlights', { id: articleId, query: 'بحلب' });
    const article = await value<Article>('show', { id: articleId });
    expect(marks.paragraphs).toHaveLength(article.paragraphs.length);
    // every range marks a word that is حلب with a clitic or without
    const marked = marks.paragraphs.flatMap((ranges, i) => ranges.map((r) => article.paragraphs[i]!.slice(r.start, r.end)));
    marked.push(...marks.title.map((r) => article.title.slice(r.start, r.end)));
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toMatch(/^[وفبلك]*(ال)?حلب$/);
    expect(await t.api('articleHighlights', { id: 999_999, query: 'حلب' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await value<ArticleHighlights>('articleHighlights', { id: articleId, query: '-حلب' })).title).toEqual([]);
  },
  search: async () => {
    const found = await value<SearchResult>('search', { query: 'حلب', sort: 'relevance' });
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({ id: articleId, site: 'alazmenah.com' });
    expect(found.hits[0]!.highlights.length).toBeGreaterThan(0);
    expect((await value<SearchResult>('search', { query: 'بحلب' })).total).toBe(1); // a plain word matches its stem
    expect((await value<SearchResult>('search', { query: '"(((' })).total).toBe(0); // no input can break the query
    // The timeline's calendar: Gregorian unless asked, and the answer says which.
    expect(found.calendar).toBe('gregorian');
    const hijri = await value<SearchResult>('search', { query: 'حلب', calendar: 'hijri' });
    expect(hijri.calendar).toBe('hijri');
    expect(found.timeline).toEqual([{ value: '2016-12', count: 1 }]);
    expect(hijri.timeline).toEqual([{ value: '1438-03', count: 1 }]); // 16 December 2016 was 17 Rabi' al-Awwal 1438
    expect(hijri.facets.year).toEqual([{ value: '1438', count: 1 }]);
  },
  ticker: async () => {
    const ticker = await value<TickerSnapshot | null>('ticker', { site: 'alazmenah.com' });
    expect(ticker?.date).toBe('2018-07-21');
    expect(ticker?.headlines).toHaveLength(20);
  },
  tickerDays: async () => {
    expect(await value<TickerDays[]>('tickerDays', {})).toEqual([{ site: 'alazmenah.com', dates: ['2018-07-21'] }]);
  },
  versions: async () => {
    const result = await value<ArticleVersions>('versions', { id: articleId });
    expect(result.versions).toHaveLength(1);
    expect(result.versions[0]).toMatchObject({ number: 1, shown: true, cut: false, firstScrapedOn: '2018-07-21' });
    expect(result.versions[0]!.snapshots.map((s) => [s.path, s.version])).toEqual([[samplePagePath, 1]]);
  },
  version: async () => {
    const v = await value<ArticleVersion>('version', { id: articleId, version: 1 });
    expect(v.title).toBe('بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية');
    expect(v.paragraphs.length).toBeGreaterThan(0);
    expect(await t.api('version', { id: articleId, version: 2 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  },
  diff: async () => {
    const diff = await value<VersionDiff>('diff', { id: articleId });
    expect(diff).toMatchObject({ from: 1, to: 1, inserted: 0, deleted: 0, marksOnly: false });
    expect(await t.api('diff', { id: articleId, from: 0 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  },
  tickerHistory: async () => {
    const history = await value<TickerHistory>('tickerHistory', { site: 'alazmenah.com', from: '2018-07-01', to: '2018-07-31' });
    expect(history.days).toEqual([{ date: '2018-07-21', headlines: 20 }]);
    expect(history.headlines).toHaveLength(20);
  },
  tickerHeadline: async () => {
    const track = await value<TickerHeadlineTrack | null>('tickerHeadline', { site: 'alazmenah.com', headline: '«داعش» وحيداً في الجنوب' });
    expect(track?.days).toEqual([{ date: '2018-07-21', position: 11 }]);
  },
  import: async () => {
    // a second run over the same file: nothing new, the file counts as unchanged
    const again = await value<{ importId: number }>('import', { paths: [samplePagePath] });
    const done = await t.waitForImport(again.importId);
    expect(done).toMatchObject({ phase: 'finished', unchanged: 1, articlesAdded: 0 });
  },
  cancelImport: async () => {
    expect(await value('cancelImport', { importId: 999_999 })).toEqual({ cancelled: false });
  },
  importStatus: async () => {
    const status = await value<{ phase: string } | null>('importStatus');
    expect(status?.phase).toBe('finished');
  },
  importReport: async () => {
    const report = await value<ImportReport>('importReport', { importId });
    expect(report).toMatchObject({ importId, phase: 'finished', filesDone: 1, articlesAdded: 1, rejections: [] });
  },
  export: async () => {
    const out = path.join(t.dir, 'export.jsonl');
    const result = await value<ExportResult>('export', { out });
    expect(result).toEqual({ path: out, articles: 1, skipped: 0, skippedIds: [] });
    expect(await t.api('export', { out })).toMatchObject({ ok: false, error: { code: 'file-exists' } });
    expect(await value<ExportResult>('export', { out, force: true })).toMatchObject({ articles: 1 });
    expect(await t.api('export', { out: 'relative.jsonl' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('absolute') } });
    expect(await t.api('export', { out: t.archivePath, force: true })).toMatchObject({ ok: false, error: { message: expect.stringContaining('the open archive') } });
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect((JSON.parse(lines[0]!) as Article).id).toBe(articleId);
  },
  getSettings: async () => {
    expect(await value<Settings>('getSettings')).toMatchObject({ theme: 'system', language: 'ar' });
  },
  setSettings: async () => {
    expect(await value<Settings>('setSettings', { theme: 'sepia', fontSize: 22 })).toMatchObject({ theme: 'sepia', fontSize: 22 });
    expect(await value<Settings>('getSettings')).toMatchObject({ theme: 'sepia', fontSize: 22, language: 'ar' });
  },
  recentArchives: async () => {
    expect(await value<string[]>('recentArchives')).toEqual([t.archivePath]);
  },
  createArchive: async () => {
    const second = path.join(t.dir, 'second.arshif');
    expect(await value<ArchiveInfo>('createArchive', { path: second })).toMatchObject({ path: second, articles: 0 });
    expect(await value<string[]>('recentArchives')).toEqual([second, t.archivePath]);
    const again = await t.api('createArchive', { path: second });
    expect(again).toMatchObject({ ok: false, error: { code: 'file-exists' } });
  },
  upgradeArchive: async () => {
    const old = path.join(t.dir, 'old.arshif');
    writeSchemaOneArchive(old);
    const refused = await t.api('openArchive', { path: old });
    expect(refused).toMatchObject({ ok: false, error: { code: 'needs-upgrade' } });
    const upgraded = await value<UpgradeResult>('upgradeArchive', { path: old });
    expect(upgraded).toMatchObject({ archive: { path: old, schemaVersion: latestVersion }, fromVersion: 1, toVersion: latestVersion });
    expect(upgraded.backup).toBe(path.join(t.dir, 'old.schema-1-backup.arshif'));
    expect(fs.existsSync(upgraded.backup!)).toBe(true);
  },
  openArchive: async () => {
    expect(await value<ArchiveInfo>('openArchive', { path: t.archivePath })).toMatchObject({ path: t.archivePath, articles: 1 });
    const missing = await t.api('openArchive', { path: path.join(t.dir, 'missing.arshif') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  },
};

describe('every API method round-trips through the host', () => {
  it('the table covers the whole registry', () => {
    expect(Object.keys(roundTrips).sort()).toEqual([...methodNames].sort());
  });
  for (const method of Object.keys(roundTrips) as MethodName[]) {
    it(method, async () => {
      await roundTrips[method]();
    });
  }
});

describe('malformed arguments', () => {
  const cases: Array<[MethodName, unknown, RegExp]> = [
    ['list', { limit: 'ten' }, /field "limit"/],
    ['list', { sort: 'sideways' }, /field "sort"/],
    ['list', { from: '21/07/2018' }, /field "from".*YYYY-MM-DD/],
    ['show', { id: -3 }, /field "id"/],
    ['show', {}, /field "id"/],
    ['search', { query: 42 }, /field "query"/],
    ['search', { query: 'حلب', calendar: 'julian' }, /field "calendar"/],
    ['search', { query: 'حلب', calendar: 1 }, /field "calendar"/],
    ['import', { paths: [] }, /field "paths"/],
    ['import', { paths: [''] }, /field "paths\.0"/],
    ['import', { paths: ['pages/relative'] }, /field "paths\.0" must be an absolute path/],
    ['openArchive', { path: 'news.arshif' }, /field "path" must be an absolute path/],
    ['setSettings', { fontSize: 99 }, /field "fontSize"/],
    ['list', { sneaky: true }, /field "sneaky"/],
    ['importReport', { importId: 1.5 }, /field "importId"/],
  ];
  for (const [method, args, message] of cases) {
    it(`${method}(${JSON.stringify(args)}) → bad-request naming the field`, async () => {
      const result = await t.api(method, args);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('bad-request');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});
