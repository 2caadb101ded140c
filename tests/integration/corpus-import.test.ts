/**
 * Acceptance: import a generated scrape folder (≈2,000 pages with every variation of
 * docs/scraped-pages.md) and check the archive against the generator's manifest — articles, snapshots,
 * rejections, links, tickers and their links — then import it again (nothing changes) and in two parts
 * (ticker headlines link to articles that arrive later).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, ImportReport } from '../../src-main/common/types.js';
import { openArchive, type Archive } from '../../src-main/core/archive/archive.js';
import { exportArticles } from '../../src-main/core/archive/export.js';
import { getTicker } from '../../src-main/core/archive/ticker.js';
import { runImport } from '../../src-main/core/importer/run-import.js';
import { comparable, diffArticles, relativeToRoot } from '../corpus/compare.js';
import { generateCorpus, stripByline, type Manifest } from '../corpus/generate.js';

const PAGES = 2000;
const SEED = 20_240_611;

let dir: string;
let root: string;
let manifest: Manifest;
let archive: Archive;
let report: ImportReport;
let exported: Article[];

function byPath<T extends { path: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Expected article id of each ticker headline: the article of that site with the headline's title, if any. */
function expectedLinks(articles: Article[], site: string, headlines: string[]): Array<number | null> {
  const ids = new Map(articles.map((a) => [`${a.site}|${a.title}`, a.id]));
  return headlines.map((h) => ids.get(`${site}|${stripByline(h)}`) ?? null);
}

function tickerProblems(target: Archive, articles: Article[]): string[] {
  const problems: string[] = [];
  for (const t of manifest.tickers) {
    const got = getTicker(target, { site: t.site, date: t.date });
    if (!got) {
      problems.push(`no ticker for ${t.site} ${t.date}`);
      continue;
    }
    if (got.site !== t.site || got.date !== t.date) problems.push(`ticker ${t.site} ${t.date} came back as ${got.site} ${got.date}`);
    const headlines = got.headlines.map((h) => h.headline);
    if (JSON.stringify(headlines) !== JSON.stringify(t.headlines)) {
      problems.push(`ticker ${t.site} ${t.date}: headlines ${JSON.stringify(headlines).slice(0, 300)}, expected ${JSON.stringify(t.headlines).slice(0, 300)}`);
      continue;
    }
    const positions = got.headlines.map((h) => h.position);
    if (new Set(positions).size !== positions.length || [...positions].sort((a, b) => a - b).join() !== positions.join()) {
      problems.push(`ticker ${t.site} ${t.date}: positions not increasing: ${positions.join(',')}`);
    }
    const want = expectedLinks(articles, t.site, t.headlines);
    got.headlines.forEach((h, i) => {
      if (h.articleId !== want[i]) problems.push(`ticker ${t.site} ${t.date} #${i} "${h.headline}": articleId ${h.articleId}, expected ${want[i]}`);
    });
  }
  const days = (target.db.prepare('SELECT count(*) AS n FROM ticker_days').get() as { n: number }).n;
  if (days !== manifest.tickers.length) problems.push(`${days} ticker days in the archive, expected ${manifest.tickers.length}`);
  return problems;
}

function expectNoProblems(problems: string[]): void {
  expect(problems.slice(0, 25), `${problems.length} problem(s)`).toEqual([]);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-corpus-import-'));
  manifest = await generateCorpus({ outDir: path.join(dir, 'gen'), pages: PAGES, seed: SEED });
  root = path.join(dir, 'gen', manifest.root);
  archive = openArchive(path.join(dir, 'a.arshif'), { create: true });
  report = await runImport(archive, [root]);
  exported = [...exportArticles(archive)];
}, 240_000);

afterAll(() => {
  archive?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`importing a generated corpus (${PAGES} pages)`, () => {
  it('the corpus holds every variation', () => {
    const s = manifest.stats;
    expect(s.entries).toBe(PAGES);
    for (const n of [s.rescrapes, s.byteCopies, s.truncated, s.generic, s.zipBundles, s.html, s.crlf]) expect(n).toBeGreaterThanOrEqual(2);
    for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1256']) expect(s.encodings[enc] ?? 0).toBeGreaterThanOrEqual(2);
    for (const reason of ['empty', 'binary', 'decode', 'error-page', 'not-article', 'too-large', 'unsupported-type', 'bad-zip', 'link']) {
      expect(s.rejections[reason] ?? 0, reason).toBeGreaterThanOrEqual(1);
    }
    expect(s.tickerHeadlinesLinked).toBeGreaterThan(0);
  });

  it('finishes with the expected counts', () => {
    const snapshots = manifest.stats.snapshots;
    expect(report.phase).toBe('finished');
    // Every file and zip member, plus each (unfollowed) link.
    expect(report.filesTotal).toBe(manifest.pages + manifest.links.length);
    expect(report.filesDone).toBe(report.filesTotal);
    expect(report.articlesAdded).toBe(manifest.articles.length);
    expect(report.duplicates).toBe(manifest.stats.byteCopies);
    expect(report.articlesUpdated).toBe(snapshots - manifest.articles.length - manifest.stats.byteCopies);
    expect(report.unchanged).toBe(0);
    expect(report.rejected).toBe(manifest.rejections.length);
  });

  it('has every expected article exactly once, every field right, with its snapshots', () => {
    const actual = exported.map((a) => comparable(a, root));
    expectNoProblems(diffArticles(manifest.articles.map((a) => comparable(a)), actual));
    expect(exported.length).toBe(manifest.articles.length);
  });

  it('lists every file that yielded no article, with its reason', () => {
    const got = byPath(report.rejections.map((r) => ({ path: relativeToRoot(root, r.path), reason: r.reason })));
    expect(got).toEqual(byPath(manifest.rejections));
    for (const r of report.rejections) expect(r.message.length).toBeGreaterThan(0);
  });

  it('never follows a link: the looping folder is walked once, no file counted twice', () => {
    const paths = exported.flatMap((a) => a.snapshots.map((s) => relativeToRoot(root, s.path)));
    expect(new Set(paths).size).toBe(paths.length);
    for (const link of manifest.links) {
      expect(paths.some((p) => p === link || p.startsWith(`${link}/`))).toBe(false);
      expect(report.rejections.some((r) => relativeToRoot(root, r.path).startsWith(`${link}/`))).toBe(false);
    }
    expect(paths.length).toBe(manifest.stats.snapshots);
  });

  it('records each site and day ticker: 20 headlines in order, linked to their articles', () => {
    for (const t of manifest.tickers) expect(t.headlines).toHaveLength(20);
    expectNoProblems(tickerProblems(archive, exported));
  });

  it('adds nothing when the same import runs again', async () => {
    const again = await runImport(archive, [root]);
    expect(again.phase).toBe('finished');
    expect(again.articlesAdded).toBe(0);
    expect(again.articlesUpdated).toBe(0);
    expect(again.duplicates).toBe(0);
    expect(again.unchanged).toBe(manifest.stats.snapshots);
    expect(again.rejected).toBe(manifest.rejections.length);
    expect([...exportArticles(archive)]).toEqual(exported);
  });

  it('links ticker headlines to articles that arrive in a later import', async () => {
    // First the day folders of even days, then everything: a ticker of an even day names articles
    // first scraped on odd days (and in zip bundles), which arrive only with the second import.
    const dayFolders = fs
      .readdirSync(root)
      .filter((site) => /\.[a-z]{2,}$/.test(site) && fs.statSync(path.join(root, site)).isDirectory())
      .flatMap((site) =>
        fs
          .readdirSync(path.join(root, site))
          .filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))
          .map((day) => path.join(root, site, day)),
      );
    const first = dayFolders.filter((folder) => Number(path.basename(folder).slice(-2)) % 2 === 0);
    expect(first.length).toBeGreaterThan(0);
    const firstRel = first.map((f) => relativeToRoot(root, f));
    const inFirst = (p: string) => firstRel.some((f) => p.startsWith(`${f}/`));
    // The scenario must really occur: a headline of a first-part ticker whose article comes only later.
    const late = new Set(manifest.articles.filter((a) => a.snapshots.every((s) => !inFirst(s.path))).map((a) => `${a.site}|${a.title}`));
    const lateLinks = manifest.tickers
      .filter((t) => firstRel.some((f) => f === `${t.site}/${t.date}`))
      .flatMap((t) => t.headlines.filter((h) => late.has(`${t.site}|${stripByline(h)}`)));
    expect(lateLinks.length).toBeGreaterThan(0);

    const split = openArchive(path.join(dir, 'split.arshif'), { create: true });
    try {
      const r1 = await runImport(split, first);
      expect(r1.phase).toBe('finished');
      const r2 = await runImport(split, [root]);
      expect(r2.phase).toBe('finished');
      expect(r1.articlesAdded + r2.articlesAdded).toBe(manifest.articles.length);
      const splitExported = [...exportArticles(split)];
      expectNoProblems(diffArticles(manifest.articles.map((a) => comparable(a)), splitExported.map((a) => comparable(a, root))));
      expectNoProblems(tickerProblems(split, splitExported));
    } finally {
      split.close();
    }
  });
});
