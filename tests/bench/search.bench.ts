/**
 * Search latency on a ~100,000-article archive: p50/p95 of searchArchive (snippets, highlights,
 * facets and timeline included) for 1-, 2- and 3-word queries, phrases, filtered queries and relaxed
 * queries (no article has every word), plus the size of the search indexes against the raw text.
 * Then, through the archive worker and its reader threads as the app runs them: p95 of `show` while
 * 4 clients run heavy prefix queries; and the cost of near-duplicate grouping as an import pays it.
 *
 *   npm run bench:search [-- --articles 100000 --queries 200 --repeat 1 --slowest --build-only --calendar hijri --archive FILE]
 *
 * --archive measures an archive already built (e.g. bench:import's tests/.generated/bench-import-1000000.arshif,
 * the scale run of issue 11) instead of the cached bench archive; it is opened read-only.
 *
 * With --calendar hijri every measured search counts its timeline and year facet in Hijri months
 * (the UI's Hijri setting); the one-off conversion of the archive's distinct days is reported apart.
 *
 * The archive is built once with the corpus generator (tests/corpus/generate.ts) and the real
 * importer, and cached under tests/.generated/search-bench/ (delete it to rebuild). Queries are
 * drawn (seeded) from the archive's own headlines and bodies, the way people type what they read:
 * words of 3+ letters that are not stop-words, taken from one headline; phrases are two or three
 * adjacent body words in quotes; filtered queries add a site, a section, a date range or minimum reads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Calendar, ListQuery, SearchQuery } from '../../src-main/common/types.js';
import { openArchive, type Archive } from '../../src-main/core/archive/archive.js';
import { getArticle, listArticles } from '../../src-main/core/archive/articles.js';
import { NearDuplicateGrouper } from '../../src-main/core/archive/groups.js';
import { isStopword, tokenize } from '../../src-main/core/arabic/index.js';
import { scanWords } from '../../src-main/core/arabic/scanWords.js';
import { forgetPreparedSearches, searchArchive } from '../../src-main/core/search/index.js';
import { archiveMeta } from '../../src-main/core/search/meta.js';
import { ArchiveWorkerClient } from '../../src-main/worker/client.js';
import { Rng } from '../corpus/rng.js';
import { ensureBenchArchive } from './bench-archive.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    'build-only': { type: 'boolean', default: false },
    slowest: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    calendar: { type: 'string', default: 'gregorian' },
    archive: { type: 'string' },
  },
});
if (values.calendar !== 'gregorian' && values.calendar !== 'hijri') throw new Error('--calendar must be gregorian or hijri');
const CALENDAR: Calendar = values.calendar;
const ARTICLES = Number(values.articles);
const QUERIES = Number(values.queries);
const SEED = Number(values.seed);
/** Runs of each query (each in full, the paging cache cleared); its time is the fastest run, which filters out other processes' load. */
const REPEAT = Math.max(1, Number(values.repeat));
function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

interface ArticleText {
  id: number;
  site: string;
  section: string | null;
  published_at: string | null;
  title: string;
  paragraphs: string;
}

function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.norm.length >= 3 && !isStopword(t.norm) && !/^\d+$/.test(t.norm))
    .map((t) => text.slice(t.start, t.end));
}

type QueryClass = '1 word' | '2 words' | '3 words' | 'phrase' | 'filtered' | 'relaxed';
const CLASSES: QueryClass[] = ['1 word', '2 words', '3 words', 'phrase', 'filtered', 'relaxed'];

function makeQueries(archive: Archive, label: string, count: number): Record<QueryClass, SearchQuery[]> {
  const QUERIES = count;
  const rng = new Rng(label, SEED);
  const maxId = archive.db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
  const byId = archive.db.prepare('SELECT id, site, section, published_at, title, paragraphs FROM articles WHERE id >= ? ORDER BY id LIMIT 1');
  const sample = (): ArticleText => byId.get(rng.int(1, maxId)) as ArticleText;
  const out: Record<QueryClass, SearchQuery[]> = { '1 word': [], '2 words': [], '3 words': [], phrase: [], filtered: [], relaxed: [] };
  const fromTitle = (n: number): string | null => {
    for (let tries = 0; tries < 50; tries++) {
      const words = contentWords(sample().title);
      if (words.length < n) continue;
      const picked = rng.shuffle([...words]).slice(0, n);
      return picked.join(' ');
    }
    return null;
  };
  // Distinct queries only: a repeated query would be answered from the paging cache (search.ts).
  const seen = new Set<string>();
  const fresh = (q: SearchQuery): boolean => {
    const key = JSON.stringify(q);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const fill = (cls: QueryClass, make: () => SearchQuery | null): void => {
    for (let tries = 0; out[cls].length < QUERIES && tries < QUERIES * 50; tries++) {
      const q = make();
      if (q && fresh(q)) out[cls].push(q);
    }
  };
  fill('1 word', () => ({ query: fromTitle(1) ?? '' }));
  fill('2 words', () => ({ query: fromTitle(2) ?? '' }));
  fill('3 words', () => ({ query: fromTitle(3) ?? '' }));
  fill('phrase', () => {
    const a = sample();
    const body = (JSON.parse(a.paragraphs) as string[]).join('\n');
    const toks = tokenize(body);
    if (toks.length < 10) return null;
    const len = rng.int(2, 3);
    const at = rng.int(0, toks.length - len);
    const words = toks.slice(at, at + len);
    if (words.every((t) => isStopword(t.norm))) return null;
    return { query: `"${body.slice(words[0]!.start, words[len - 1]!.end)}"` };
  });
  fill('filtered', () => {
    const a = sample();
    const words = contentWords(a.title);
    if (words.length === 0) return null;
    const query = rng.shuffle([...words]).slice(0, rng.int(1, 2)).join(' ');
    const kind = rng.int(0, 3);
    const day = a.published_at?.slice(0, 10);
    if (kind === 0) return { query, site: a.site };
    if (kind === 1 && a.section) return { query, site: a.site, section: a.section };
    if (kind === 2 && day) return { query, from: `${day.slice(0, 4)}-01-01`, to: day, sort: 'newest' };
    return { query, minReads: 500, sort: 'most-read' };
  });
  // Words remembered from two headlines, or one word glued to a clitic it does not take: usually no
  // article has them all, and relaxed matching answers (the class keeps only those that are relaxed).
  fill('relaxed', () => {
    const a = contentWords(sample().title);
    const b = contentWords(sample().title);
    if (a.length < 2 || b.length < 1) return null;
    const words = [...rng.shuffle([...a]).slice(0, 2), rng.pick(b)];
    if (rng.chance(0.3)) words[2] = `${rng.pick(['و', 'ف', 'ب'])}${words[2]}`;
    const q = { query: words.join(' ') };
    return searchArchive(archive, { ...q, limit: 0 }).relaxed ? q : null;
  });
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface ClassStats {
  queries: number;
  p50: number;
  p95: number;
  max: number;
  meanHits: number;
  /** The slowest queries (with --slowest). */
  slowest?: Array<{ ms: number; query: SearchQuery; total: number }>;
}

function runClass(archive: Archive, queries: SearchQuery[], paging = false): ClassStats {
  const runs: Array<{ ms: number; query: SearchQuery; total: number }> = [];
  for (const q of queries) {
    if (paging) searchArchive(archive, { ...q, limit: 20, calendar: CALENDAR }); // page 1, not measured
    const page: SearchQuery = paging ? { ...q, limit: 20, offset: 20, calendar: CALENDAR } : { ...q, limit: 20, calendar: CALENDAR };
    let best = Infinity;
    let total = 0;
    for (let k = 0; k < (paging ? 1 : REPEAT); k++) {
      if (!paging) forgetPreparedSearches(archive);
      const t = performance.now();
      total = searchArchive(archive, page).total;
      best = Math.min(best, performance.now() - t);
    }
    runs.push({ ms: best, query: page, total });
  }
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const hits = runs.reduce((n, r) => n + r.total, 0);
  const stats: ClassStats = { queries: queries.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? 0, meanHits: hits / queries.length };
  if (values.slowest) stats.slowest = runs.sort((a, b) => b.ms - a.ms).slice(0, 5);
  return stats;
}

function sizes(archive: Archive): { rawTextBytes: number; articlesFtsBytes: number; titlesFtsBytes: number; articlesTableBytes: number; fileBytes: number } {
  const db = archive.db;
  let rawTextBytes = 0;
  for (const r of db.prepare('SELECT title, paragraphs FROM articles').iterate() as Iterable<{ title: string; paragraphs: string }>) {
    rawTextBytes += Buffer.byteLength(r.title) + Buffer.byteLength((JSON.parse(r.paragraphs) as string[]).join('\n'));
  }
  const bytesOf = (like: string): number =>
    (db.prepare('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE ?').pluck().get(like) as number) ?? 0;
  return {
    rawTextBytes,
    articlesFtsBytes: bytesOf('articles_fts%'),
    titlesFtsBytes: bytesOf('titles_fts%'),
    articlesTableBytes: db.prepare("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = 'articles'").pluck().get() as number,
    fileBytes: fs.statSync(archive.path).size,
  };
}

interface Timing {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * Browsing as the app does it (listArticles: one row per story, 50 a page) over random sites, sections,
 * years, sorts and pages, and opening random articles (getArticle), on this thread.
 */
function browse(archive: Archive, count: number): { list: Timing; show: Timing } {
  const rng = new Rng('search-bench-browse', SEED);
  const db = archive.db;
  const sections = db.prepare('SELECT site, section FROM articles WHERE section IS NOT NULL GROUP BY site, section').all() as Array<{ site: string; section: string }>;
  const sites = [...new Set(sections.map((s) => s.site))];
  const years = (db.prepare("SELECT DISTINCT substr(published_at, 1, 4) FROM articles WHERE published_at IS NOT NULL").pluck().all() as string[]).filter(Boolean);
  const maxId = db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
  const sorts = ['newest', 'oldest', 'most-read'] as const;
  const lists: number[] = [];
  for (let i = 0; i < count; i++) {
    const q: ListQuery = { limit: 50, sort: sorts[i % sorts.length]! };
    const kind = i % 5;
    if (kind === 1 && sites.length) q.site = rng.pick(sites);
    if (kind === 2 && sections.length) Object.assign(q, rng.pick(sections));
    if (kind === 3 && years.length) {
      const year = rng.pick(years);
      Object.assign(q, { from: `${year}-01-01`, to: `${year}-12-31` });
    }
    if (kind === 4) q.offset = 50 * rng.int(1, 200);
    const t = performance.now();
    listArticles(archive, q);
    lists.push(performance.now() - t);
  }
  const shows: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = rng.int(1, maxId);
    const t = performance.now();
    try {
      getArticle(archive, id);
    } catch {
      // an id left free by a deleted article
    }
    shows.push(performance.now() - t);
  }
  return { list: timing(lists), show: timing(shows) };
}

const mb = (n: number): string => `${(n / 1_048_576).toFixed(1)} MB`;

/** Prefix queries over the most frequent 3-letter word starts of the archive's headlines: thousands of hits each. */
function heavyPrefixes(archive: Archive, count: number): string[] {
  const starts = new Map<string, number>();
  const titles = archive.db.prepare('SELECT title FROM articles ORDER BY id LIMIT 5000').pluck().all() as string[];
  for (const title of titles) {
    for (const t of tokenize(title)) {
      const bare = t.norm.replace(/^(وال|بال|فال|ال)/, '');
      if (bare.length >= 4 && /^[\u0621-\u064a]+$/.test(bare)) starts.set(bare.slice(0, 3), (starts.get(bare.slice(0, 3)) ?? 0) + 1);
    }
  }
  return [...starts.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([p]) => `${p}*`);
}

interface LoadStats {
  shows: number;
  showP50: number;
  showP95: number;
  showMax: number;
  heavyQueries: number;
  heavyP50: number;
  heavyP95: number;
  heavyTruncated: number;
  heavyTimeouts: number;
  heavyMeanHits: number;
}

/** Through the archive worker and its reader threads: `show` latency while 4 clients run heavy prefix searches. */
async function showUnderLoad(archiveFile: string, archive: Archive): Promise<LoadStats> {
  const prefixes = heavyPrefixes(archive, 24);
  const sites = archive.db.prepare('SELECT DISTINCT site FROM articles').pluck().all() as string[];
  const maxId = archive.db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-bench-config-'));
  const client = await ArchiveWorkerClient.start({ configDir, initialArchive: { kind: 'path', path: archiveFile, create: false } });
  const rng = new Rng('search-bench-load', SEED);
  try {
    // Readers open the archive (and load their metadata) before the first read is timed.
    for (let i = 0; i < 20 && !(await client.call('show', { id: 1 })).ok; i++) await new Promise((r) => setTimeout(r, 250));
    await Promise.all([client.call('search', { query: 'حلب' }), client.call('search', { query: 'دمشق' })]);
    let running = true;
    const heavy: number[] = [];
    let truncated = 0;
    let timeouts = 0;
    let hits = 0;
    const sorts = ['relevance', 'newest', 'oldest', 'most-read'] as const;
    const heavyClient = async (k: number): Promise<void> => {
      for (let n = 0; running; n++) {
        const query: SearchQuery = { query: prefixes[(k * 7 + n) % prefixes.length]!, sort: sorts[n % sorts.length]!, limit: 20 };
        if (n % 3 === 2) query.site = sites[n % sites.length]!;
        const t0 = performance.now();
        const r = await client.call('search', query);
        heavy.push(performance.now() - t0);
        if (r.ok) {
          hits += r.value.matches;
          if (r.value.truncated) truncated++;
        } else if (r.error.code === 'timeout') timeouts++;
      }
    };
    const clients = [0, 1, 2, 3].map(heavyClient);
    await new Promise((r) => setTimeout(r, 500));
    const shows: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await client.call('show', { id: rng.int(1, maxId) });
      shows.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    running = false;
    await Promise.all(clients);
    shows.sort((a, b) => a - b);
    heavy.sort((a, b) => a - b);
    return {
      shows: shows.length,
      showP50: percentile(shows, 50),
      showP95: percentile(shows, 95),
      showMax: shows[shows.length - 1] ?? 0,
      heavyQueries: heavy.length,
      heavyP50: percentile(heavy, 50),
      heavyP95: percentile(heavy, 95),
      heavyTruncated: truncated,
      heavyTimeouts: timeouts,
      heavyMeanHits: heavy.length ? hits / heavy.length : 0,
    };
  } finally {
    await client.close();
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

interface GroupingStats {
  articles: number;
  grouped: number;
  readBack: number;
  ms: number;
  usPerArticle: number;
}

/**
 * Near-duplicate grouping as an import pays it: the first `count` articles of the bench archive are
 * stored again into a new archive in batches of 256, and only the grouper's work after each batch
 * (NearDuplicateGrouper.groupNew, with the texts handed over as the importer does) is timed.
 */
function groupingAtImport(archive: Archive, count: number): GroupingStats {
  const file = path.join(os.tmpdir(), `arshif-bench-groups-${process.pid}.arshif`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const target = openArchive(file, { create: true });
  try {
    const rows = archive.db
      .prepare('SELECT id, site, title, title_key, identity, paragraphs, published_at FROM articles ORDER BY id LIMIT ?')
      .all(count) as Array<{ id: number; site: string; title: string; title_key: string; identity: string; paragraphs: string; published_at: string | null }>;
    const insert = target.db.prepare('INSERT INTO articles (site, title, title_key, identity, paragraphs, published_at) VALUES (?, ?, ?, ?, ?, ?)');
    const grouper = new NearDuplicateGrouper(target.db);
    for (let at = 0; at < rows.length; at += 256) {
      const batch = rows.slice(at, at + 256);
      const texts = batch.map((r) => ({ titleKey: r.title_key, title: { norm: scanWords(r.title).norm }, body: { norm: scanWords((JSON.parse(r.paragraphs) as string[]).join('\n')).norm } }));
      target.db.transaction(() => {
        batch.forEach((r, i) => {
          insert.run(r.site, r.title, r.title_key, r.identity, r.paragraphs, r.published_at);
          grouper.added(texts[i]!);
        });
        grouper.groupNew();
      })();
    }
    return { articles: rows.length, grouped: grouper.grouped, readBack: grouper.readBack, ms: grouper.elapsedMs, usPerArticle: (1000 * grouper.elapsedMs) / Math.max(1, rows.length) };
  } finally {
    target.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

async function main(): Promise<void> {
  const archiveFile = values.archive ? path.resolve(values.archive) : await ensureBenchArchive(ARTICLES, SEED, log);
  if (values['build-only']) return;
  const archive = openArchive(archiveFile, { readonly: true });
  const articles = archive.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  let t = performance.now();
  searchArchive(archive, { query: 'حلب', limit: 20 });
  const firstSearchMs = performance.now() - t;
  // Warm the JIT and the page cache with other queries than the measured ones.
  // The days' months in the chosen calendar are converted on the first search that counts in it.
  t = performance.now();
  const distinctDays = archiveMeta(archive).day.names.length;
  archiveMeta(archive).monthsOf(CALENDAR);
  const monthsOfDaysMs = performance.now() - t;
  const warmup = makeQueries(archive, 'search-bench-warmup', 10);
  for (const name of CLASSES) runClass(archive, warmup[name]);
  const queries = makeQueries(archive, 'search-bench', QUERIES);
  const results: Record<string, ClassStats> = {};
  for (const name of CLASSES) results[name] = runClass(archive, queries[name]);
  // Paging: page 2 right after page 1 (hits, facets and relevance order are kept for paging).
  results['page 2'] = runClass(archive, queries['1 word'], true);
  const browsing = browse(archive, QUERIES);
  t = performance.now();
  const size = sizes(archive);
  const load = await showUnderLoad(archiveFile, archive);
  const grouping = groupingAtImport(archive, 20_000);
  archive.close();

  log('');
  log(
    `search bench: ${articles} articles, ${QUERIES} distinct queries per class, limit 20, ${REPEAT === 1 ? 'one run each' : `fastest of ${REPEAT} full runs each`}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  log(`first search after opening (loads facet/sort metadata): ${firstSearchMs.toFixed(0)} ms`);
  log(`timeline and year facet in the ${CALENDAR} calendar: months of ${distinctDays} distinct days converted once in ${monthsOfDaysMs.toFixed(1)} ms`);
  log('class        p50 ms   p95 ms   max ms   mean hits');
  for (const [name, r] of Object.entries(results)) {
    log(`${name.padEnd(11)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${r.meanHits.toFixed(0).padStart(11)}`);
    for (const slow of r.slowest ?? []) log(`    ${slow.ms.toFixed(1)} ms  ${slow.total} hits  ${JSON.stringify(slow.query)}`);
  }
  log(
    `browse (list, 50 a page: sites, sections, years, sorts, pages up to 200): p50 ${browsing.list.p50.toFixed(1)} ms · p95 ${browsing.list.p95.toFixed(1)} ms · max ${browsing.list.max.toFixed(1)} ms over ${browsing.list.count}`,
  );
  log(`show (open an article): p50 ${browsing.show.p50.toFixed(2)} ms · p95 ${browsing.show.p95.toFixed(2)} ms · max ${browsing.show.max.toFixed(1)} ms over ${browsing.show.count}`);
  log(
    `show while 4 clients run heavy prefix searches (reader threads): p50 ${load.showP50.toFixed(1)} ms · p95 ${load.showP95.toFixed(1)} ms · max ${load.showMax.toFixed(1)} ms over ${load.shows} shows`,
  );
  log(
    `  the heavy searches: ${load.heavyQueries} · p50 ${load.heavyP50.toFixed(0)} ms · p95 ${load.heavyP95.toFixed(0)} ms · mean ${load.heavyMeanHits.toFixed(0)} hits · truncated ${load.heavyTruncated} · timeouts ${load.heavyTimeouts}`,
  );
  log(
    `grouping at import: ${grouping.articles} articles, ${grouping.grouped} joined a group, ${grouping.readBack} texts read back · ${grouping.ms.toFixed(0)} ms (${grouping.usPerArticle.toFixed(0)} µs per article)`,
  );
  log(
    `raw text ${mb(size.rawTextBytes)} · articles_fts ${mb(size.articlesFtsBytes)} (${((100 * size.articlesFtsBytes) / size.rawTextBytes).toFixed(0)}%) · titles_fts ${mb(size.titlesFtsBytes)} · articles table ${mb(size.articlesTableBytes)} · file ${mb(size.fileBytes)}`,
  );
  process.stdout.write(
    `${JSON.stringify({ bench: 'search', articles, queriesPerClass: QUERIES, repeat: REPEAT, firstSearchMs: Math.round(firstSearchMs), calendar: CALENDAR, monthsOfDaysMs, classes: results, list: browsing.list, show: browsing.show, showUnderLoad: load, grouping, sizes: size, load: os.loadavg()[0] })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
