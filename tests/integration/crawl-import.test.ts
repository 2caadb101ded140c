/**
 * Acceptance of crawls and scraper exports: the same articles imported from saved pages, from a WARC
 * (plain, gzipped per record, gzipped whole), from a WACZ and from the exports of Scrapy, news-please
 * and trafilatura give the same titles, dates and paragraphs; a crawl's other records are counted by
 * reason; revisits become snapshots; progress goes by bytes; re-runs and cancelled runs complete
 * without duplicates. Fixtures are generated here from the corpus (../shared, or tests/fixtures).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, ImportProgress, ImportReport } from '../../src-main/common/types.js';
import { openArchive, type Archive } from '../../src-main/core/archive/archive.js';
import { exportArticles } from '../../src-main/core/archive/export.js';
import { runImport, type ImportOptions } from '../../src-main/core/importer/run-import.js';
import { readImportReport } from '../../src-main/core/service/import-history.js';
import {
  EXTRA_SKIPS,
  articleHtml,
  buildWacz,
  crawlRecords,
  csv,
  fixtureArticles,
  genericPageHtml,
  jsonArray,
  jsonLines,
  newsPleaseItem,
  scrapyItem,
  scrapyTextItem,
  trafilaturaItem,
  type FixtureArticle,
} from '../corpus/crawl-fixtures.js';
import { buildWarc, recordOffsets, type WarcRecordSpec } from '../corpus/warc-writer.js';
import { buildZip } from '../corpus/zip-writer.js';
import { repoRoot } from '../helpers/tmp.js';

const ARTICLES = 60;
const REVISITS = 6;
const CANCEL_ARTICLES = 700;

let dir: string;
let articles: FixtureArticle[];
let records: WarcRecordSpec[];
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-crawl-'));
  articles = await fixtureArticles(ARTICLES);
  records = crawlRecords(articles, { revisits: REVISITS, extras: true });
  const write = (name: string, data: Buffer | string) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    return file;
  };
  for (const a of articles) write(`pages/${a.pool.site}/${a.fields.newsId}.html`, articleHtml(a));
  for (const a of articles) write(`generic/${a.pool.site}/${a.fields.newsId}.html`, genericPageHtml(a));
  files.warcGz = write('crawl.warc.gz', buildWarc(records, 'record'));
  files.warcWhole = write('whole/crawl.warc.gz', buildWarc(records, 'file'));
  files.warc = write('crawl.warc', buildWarc(records, 'none'));
  files.wacz = write('crawl.wacz', buildWacz(buildWarc(records, 'record'), articles));
  files.newsPlease = write('news-please.jsonl', jsonLines(articles.map(newsPleaseItem)));
  files.scrapyCsv = write('scrapy.csv', csv(articles.map(scrapyTextItem)));
  files.scrapyHtml = write('scrapy.json', jsonArray(articles.map(scrapyItem)));
  files.trafilatura = write('trafilatura.json', jsonArray(articles.map(trafilaturaItem)));
  files.pages = path.join(dir, 'pages');
  files.generic = path.join(dir, 'generic');
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

let archiveCount = 0;
async function importInto(paths: string[], options: ImportOptions = {}, file?: string): Promise<{ report: ImportReport; archive: Archive; progress: ImportProgress[] }> {
  const archive = openArchive(file ?? path.join(dir, `a${++archiveCount}.arshif`), { create: true });
  const progress: ImportProgress[] = [];
  const onProgress = (p: ImportProgress) => {
    progress.push(p);
    options.onProgress?.(p);
  };
  const report = await runImport(archive, paths, { parseWorkers: 1, ...options, onProgress });
  return { report, archive, progress };
}

function articlesOf(archive: Archive): Article[] {
  return [...exportArticles(archive)];
}

/** title → [publishedAt, paragraphs] */
function byTitle(list: Article[], day = false): Map<string, string> {
  return new Map(list.map((a) => [a.title, JSON.stringify([day ? a.publishedAt?.slice(0, 10) : a.publishedAt, a.paragraphs])]));
}

describe('the same articles from pages, crawls and exports', () => {
  it('have the same titles, dates and paragraphs', async () => {
    const fromPages = await importInto([files.pages!]);
    expect(fromPages.report).toMatchObject({ phase: 'finished', articlesAdded: ARTICLES, rejected: 0 });
    const reference = articlesOf(fromPages.archive);
    expect(reference).toHaveLength(ARTICLES);
    // The pages say what the generator wrote (so the comparison below is against the truth, not just agreement).
    const expected = new Map(articles.map((a) => [a.pool.title, JSON.stringify([a.publishedAt, a.fields.paragraphs])]));
    expect(byTitle(reference)).toEqual(expected);

    for (const source of ['warcGz', 'warcWhole', 'warc', 'wacz', 'newsPlease', 'scrapyCsv'] as const) {
      const { report, archive } = await importInto([files[source]!]);
      expect(report.rejections, source).toEqual([]);
      expect(report.articlesAdded, source).toBe(ARTICLES);
      expect(byTitle(articlesOf(archive)), source).toEqual(expected);
      archive.close();
    }
    // trafilatura gives the publication day only.
    const traf = await importInto([files.trafilatura!]);
    expect(byTitle(articlesOf(traf.archive), true)).toEqual(byTitle(reference, true));
    traf.archive.close();
    fromPages.archive.close();
  });

  it('HTML in an export item is extracted like the same article saved as a page', async () => {
    const page = await importInto([files.generic!]);
    const items = await importInto([files.scrapyHtml!]);
    const fromPage = articlesOf(page.archive);
    expect(fromPage.length).toBeGreaterThan(ARTICLES * 0.9);
    expect(byTitle(articlesOf(items.archive))).toEqual(byTitle(fromPage));
    // What the page reader refuses as a page (a poem's short lines), it refuses as an item, with the same reason.
    const reasons = (r: ImportReport) => r.rejections.map((x) => x.message.replace(/^not an article: /u, '')).sort();
    expect(reasons(items.report)).toEqual(reasons(page.report));
    // The Scrapy date carries a zone: the wall time written is kept, like the page's.
    page.archive.close();
    items.archive.close();
  });
});

describe('a WARC crawl', () => {
  it('counts its other records by reason, attaches revisits as snapshots, and addresses each by offset', async () => {
    const { report, archive, progress } = await importInto([files.warcGz!], { batchSize: 8 });
    expect(report.phase).toBe('finished');
    expect(report.rejections).toEqual([]);
    expect(report.skipped).toEqual(EXTRA_SKIPS);
    const captures = records.filter((r) => r.type === 'response' || r.type === 'revisit').length;
    expect(report.recordsDone).toBe(captures);
    expect(report).toMatchObject({ filesTotal: 1, filesDone: 1, articlesAdded: ARTICLES, articlesUpdated: REVISITS });
    expect(report.bytesDone).toBe(fs.statSync(files.warcGz!).size);
    expect(report.bytesTotal).toBe(report.bytesDone);

    const offsets = recordOffsets(records, 'record');
    const offsetOf = (url: string, type: string) => offsets[records.findIndex((r) => r.targetUri === url && r.type === type)];
    const list = articlesOf(archive);
    for (const a of articles) {
      const article = list.find((x) => x.title === a.pool.title) as Article;
      expect(article.url).toBe(a.url);
      expect(article.site).toBe(a.pool.site);
      const revisited = articles.indexOf(a) < REVISITS;
      const paths = [`${files.warcGz}#${offsetOf(a.url, 'response')}`, ...(revisited ? [`${files.warcGz}#${offsetOf(a.url, 'revisit')}`] : [])];
      expect(article.snapshots.map((s) => s.path).sort()).toEqual(paths.sort());
      expect(article.snapshots.every((s) => s.url === a.url)).toBe(true);
      if (revisited) {
        const days = article.snapshots.map((s) => s.scrapedOn).sort();
        expect(days[1]! > days[0]!).toBe(true); // the revisit's day, after the capture's
      }
    }

    // Progress went by bytes, never backwards, and knew the time left while importing.
    const importing = progress.filter((p) => p.phase === 'importing');
    expect(importing.length).toBeGreaterThan(3);
    expect(importing.every((p) => p.bytesTotal === report.bytesTotal)).toBe(true);
    expect(progress.map((p) => p.bytesDone)).toEqual([...progress.map((p) => p.bytesDone)].sort((x, y) => x - y));
    expect(importing.some((p) => p.etaMs !== null && p.bytesDone < p.bytesTotal)).toBe(true);

    // The stored report tells the same.
    expect(readImportReport(archive, report.importId)).toMatchObject({ skipped: EXTRA_SKIPS, recordsDone: captures, bytesTotal: report.bytesTotal });
    archive.close();
  });

  it('is skipped record by record when imported again', async () => {
    const file = path.join(dir, 'rerun.arshif');
    const first = await importInto([files.warcGz!], {}, file);
    const reference = articlesOf(first.archive);
    const again = await runImport(first.archive, [files.warcGz!], { parseWorkers: 0 });
    expect(again).toMatchObject({ phase: 'finished', articlesAdded: 0, articlesUpdated: 0, unchanged: ARTICLES + REVISITS });
    expect(articlesOf(first.archive)).toEqual(reference);
    first.archive.close();

    first.archive.close();
  });

  it('stops between records when cancelled, keeping what it wrote; the next run completes it without duplicates', async () => {
    // A crawl longer than the importer reads ahead, so a cancel stops it well before its end.
    const many = await fixtureArticles(CANCEL_ARTICLES);
    const warc = path.join(dir, 'many.warc.gz');
    fs.writeFileSync(warc, buildWarc(crawlRecords(many), 'record'));
    const whole = await importInto([warc], { parseWorkers: 0 });
    const reference = articlesOf(whole.archive);
    whole.archive.close();
    expect(reference).toHaveLength(CANCEL_ARTICLES);

    const controller = new AbortController();
    const cancelled = await importInto([warc], {
      parseWorkers: 0,
      batchSize: 16,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'importing' && p.recordsDone > 0) controller.abort();
      },
    });
    expect(cancelled.report.phase).toBe('cancelled');
    expect(cancelled.report.recordsDone).toBeLessThan(CANCEL_ARTICLES);
    expect(cancelled.report.bytesDone).toBeLessThan(cancelled.report.bytesTotal);
    expect(cancelled.report.articlesAdded).toBeGreaterThan(0);
    const resumed = await runImport(cancelled.archive, [warc], { parseWorkers: 0 });
    expect(resumed).toMatchObject({ phase: 'finished', unchanged: cancelled.report.articlesAdded });
    expect(resumed.articlesAdded + cancelled.report.articlesAdded).toBe(CANCEL_ARTICLES);
    const strip = (list: Article[]) => list.map(({ id: _id, ...rest }) => rest);
    expect(strip(articlesOf(cancelled.archive))).toEqual(strip(reference));
    cancelled.archive.close();
  });

  it('reports a damaged crawl once, naming the offset, after importing the records before the damage', async () => {
    const whole = fs.readFileSync(files.warcGz!);
    const cut = path.join(dir, 'cut.warc.gz');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const { report, archive } = await importInto([cut]);
    expect(report.phase).toBe('finished');
    expect(report.articlesAdded).toBeGreaterThan(10);
    expect(report.rejections).toHaveLength(1);
    expect(report.rejections[0]).toMatchObject({ path: cut, reason: 'damaged', message: expect.stringMatching(/byte \d+ \(cut short\); the \d+ records before it were read/) });
    archive.close();
  });
});

describe('crawls and exports inside a zip bundle', () => {
  it('are streamed from it, their units addressed inside the zip', async () => {
    const bundle = path.join(dir, 'bundle.zip');
    const few = articles.slice(0, 10);
    fs.writeFileSync(
      bundle,
      buildZip([
        { name: 'crawls/crawl.warc.gz', data: buildWarc(crawlRecords(few), 'record') },
        { name: 'exports/news-please.jsonl', data: jsonLines(articles.slice(10, 20).map(newsPleaseItem)) },
        { name: 'crawl.wacz', data: Buffer.from('not read') },
      ]),
    );
    const { report, archive } = await importInto([bundle]);
    expect(report).toMatchObject({ phase: 'finished', filesTotal: 3, filesDone: 3, recordsDone: 20, articlesAdded: 20 });
    expect(report.rejections).toEqual([{ path: `${bundle}!/crawl.wacz`, reason: 'unsupported-type', message: expect.stringContaining('extract it') }]);
    expect(report.bytesDone).toBe(fs.statSync(bundle).size);
    const paths = articlesOf(archive).flatMap((a) => a.snapshots.map((s) => s.path));
    expect(paths.filter((p) => p.startsWith(`${bundle}!/crawls/crawl.warc.gz#`))).toHaveLength(10);
    expect(paths.filter((p) => /!\/exports\/news-please\.jsonl#\d+$/u.test(p))).toHaveLength(10);
    archive.close();
  });
});

describe('scraper exports', () => {
  it('take a field mapping from the command line, and reject a file of non-articles with one reason', () => {
    const odd = path.join(dir, 'odd.jsonl');
    fs.writeFileSync(odd, jsonLines(articles.slice(0, 5).map((a) => ({ headline: a.pool.title, story_text: a.fields.paragraphs.join('\n'), when: a.fields.published }))));
    const cli = (...args: string[]) =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src-main/cli/main.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as {
        articlesAdded: number;
        rejected: Array<{ path: string; reason: string; message: string }>;
      };
    const unmapped = cli('import', odd, '--archive', path.join(dir, 'odd1.arshif'), '--json', '--workers', '0');
    expect(unmapped.articlesAdded).toBe(0);
    expect(unmapped.rejected).toEqual([{ path: odd, reason: 'not-article', message: expect.stringContaining('Their fields: headline, story_text, when') }]);
    const mapped = cli('import', odd, '--archive', path.join(dir, 'odd2.arshif'), '--json', '--workers', '0', '--map', 'body=story_text', '--map', 'date=when');
    expect(mapped).toMatchObject({ articlesAdded: 5, rejected: [] });
    const archive = openArchive(path.join(dir, 'odd2.arshif'));
    const got = articlesOf(archive);
    expect(new Set(got.map((a) => a.publishedAt))).toEqual(new Set(articles.slice(0, 5).map((a) => a.publishedAt)));
    expect(got[0]?.snapshots[0]?.path).toMatch(/odd\.jsonl#[1-5]$/);
    archive.close();
  });
});
