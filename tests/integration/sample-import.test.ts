import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, TickerSnapshot } from '../../src-main/common/types.js';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { runImport } from '../../src-main/core/importer/run-import.js';
import { repoRoot, samplePagePath, useTempDir } from '../helpers/tmp.js';

function arshif(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src-main/cli/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function expectSampleArticle(article: Article, snapshotPath: string): void {
  expect(article.site).toBe('alazmenah.com');
  expect(article.section).toBe('أخبار سورية');
  expect(article.title).toBe('بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية');
  expect(article.publishedAt).toBe('2016-12-16T15:24:14');
  expect(article.readCount).toBe(981);
  expect(article.author).toBeNull();
  expect(article.paragraphs).toHaveLength(8);
  expect(article.paragraphs[0]!.startsWith('أعلن الرئيس الروسي')).toBe(true);
  expect(article.snapshots).toEqual([{ path: snapshotPath, scrapedOn: '2018-07-21', readCount: 981, encoding: 'utf-8', format: 'text', url: null, version: 1 }]);
  expect(article).toMatchObject({ version: 1, versionCount: 1 });
}

function expectSampleTicker(ticker: TickerSnapshot | null): void {
  expect(ticker?.site).toBe('alazmenah.com');
  expect(ticker?.date).toBe('2018-07-21');
  expect(ticker?.headlines).toHaveLength(20);
  expect(ticker?.headlines[5]?.headline).toBe('ترامب وبوتين في هلسنكي: دولة المخابرات الأميركيّة.. بقلم: أسعد أبو خليل');
  expect(ticker?.headlines.map((h) => h.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
}

describe('the real sample page, imported alone', () => {
  const tmp = useTempDir();

  it('gives exactly its article, snapshot and ticker (engine)', async () => {
    const { getArticle, listArticles } = await import('../../src-main/core/archive/articles.js');
    const { getTicker } = await import('../../src-main/core/archive/ticker.js');
    const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
    const report = await runImport(archive, [samplePagePath], { parseWorkers: 0 });
    expect(report).toMatchObject({ phase: 'finished', filesTotal: 1, filesDone: 1, articlesAdded: 1, rejected: 0 });
    const list = listArticles(archive);
    expect(list.total).toBe(1);
    expectSampleArticle(getArticle(archive, list.articles[0]!.id), samplePagePath);
    expectSampleTicker(getTicker(archive, { site: 'alazmenah.com', date: '2018-07-21' }));
    archive.close();
  });

  it('gives the same through the CLI, and a re-run adds nothing', () => {
    const archive = path.join(tmp(), 'cli.arshif');
    const page = path.join(tmp(), 'alazmenah', '000_b99803806dd1b389.txt');
    fs.mkdirSync(path.dirname(page));
    fs.copyFileSync(samplePagePath, page);
    const first = JSON.parse(arshif('import', path.dirname(page), '--archive', archive, '--json')) as Record<string, unknown>;
    expect(first).toMatchObject({ phase: 'finished', articlesAdded: 1, rejected: [] });
    const again = JSON.parse(arshif('import', path.dirname(page), '--archive', archive, '--json')) as Record<string, unknown>;
    expect(again).toMatchObject({ phase: 'finished', articlesAdded: 0, articlesUpdated: 0, unchanged: 1 });
    const list = JSON.parse(arshif('list', '--archive', archive, '--json')) as { total: number; articles: Array<{ id: number }> };
    expect(list.total).toBe(1);
    expectSampleArticle(JSON.parse(arshif('show', String(list.articles[0]!.id), '--archive', archive, '--json')) as Article, page);
    expectSampleTicker(JSON.parse(arshif('ticker', '--archive', archive, '--site', 'alazmenah.com', '--json')) as TickerSnapshot);
    const exported = arshif('export', '--archive', archive).trim().split('\n');
    expect(exported).toHaveLength(1);
    expectSampleArticle(JSON.parse(exported[0]!) as Article, page);
  });

  it('exits non-zero with a clear message when it cannot run', () => {
    const notArchive = path.join(tmp(), 'notes.txt');
    fs.writeFileSync(notArchive, 'my notes');
    let stderr = '';
    let status = 0;
    try {
      arshif('stats', '--archive', notArchive);
    } catch (error) {
      const e = error as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain('is not an Arshif archive');
    expect(fs.readFileSync(notArchive, 'utf8')).toBe('my notes');
  });
});
