/**
 * Search latency on a ~100,000-article archive: p50/p95 of searchArchive (snippets, highlights,
 * facets and timeline included) for 1-, 2- and 3-word queries, phrases and filtered queries, plus
 * the size of the search indexes against the raw text.
 *
 *   npm run bench:search [-- --articles 100000 --queries 200 --repeat 1 --slowest --build-only]
 *
 * The archive is built once with the corpus generator (tests/corpus/generate.ts) and the real
 * importer, and cached under tests/.generated/search-bench/ (delete it to rebuild). Queries are
 * drawn (seeded) from the archive's own headlines and bodies, the way people type what they read:
 * words of 3+ letters that are not stop-words, taken from one headline; phrases are two or three
 * adjacent body words in quotes; filtered queries add a site, a section, a date range or minimum reads.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { SearchQuery } from '../../src-main/common/types.js';
import { openArchive, type Archive } from '../../src-main/core/archive/archive.js';
import { isStopword, tokenize } from '../../src-main/core/arabic/index.js';
import { forgetPreparedSearches, searchArchive } from '../../src-main/core/search/index.js';
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
  },
});
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

type QueryClass = '1 word' | '2 words' | '3 words' | 'phrase' | 'filtered';
const CLASSES: QueryClass[] = ['1 word', '2 words', '3 words', 'phrase', 'filtered'];

function makeQueries(archive: Archive, label: string, count: number): Record<QueryClass, SearchQuery[]> {
  const QUERIES = count;
  const rng = new Rng(label, SEED);
  const maxId = archive.db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
  const byId = archive.db.prepare('SELECT id, site, section, published_at, title, paragraphs FROM articles WHERE id >= ? ORDER BY id LIMIT 1');
  const sample = (): ArticleText => byId.get(rng.int(1, maxId)) as ArticleText;
  const out: Record<QueryClass, SearchQuery[]> = { '1 word': [], '2 words': [], '3 words': [], phrase: [], filtered: [] };
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
    if (paging) searchArchive(archive, { ...q, limit: 20 }); // page 1, not measured
    const page = paging ? { ...q, limit: 20, offset: 20 } : { ...q, limit: 20 };
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

const mb = (n: number): string => `${(n / 1_048_576).toFixed(1)} MB`;

async function main(): Promise<void> {
  const archiveFile = await ensureBenchArchive(ARTICLES, SEED, log);
  if (values['build-only']) return;
  const archive = openArchive(archiveFile);
  const articles = archive.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  let t = performance.now();
  searchArchive(archive, { query: 'حلب', limit: 20 });
  const firstSearchMs = performance.now() - t;
  // Warm the JIT and the page cache with other queries than the measured ones.
  const warmup = makeQueries(archive, 'search-bench-warmup', 10);
  for (const name of CLASSES) runClass(archive, warmup[name]);
  const queries = makeQueries(archive, 'search-bench', QUERIES);
  const results: Record<string, ClassStats> = {};
  for (const name of CLASSES) results[name] = runClass(archive, queries[name]);
  // Paging: page 2 right after page 1 (hits, facets and relevance order are kept for paging).
  results['page 2'] = runClass(archive, queries['1 word'], true);
  t = performance.now();
  const size = sizes(archive);
  archive.close();

  log('');
  log(
    `search bench: ${articles} articles, ${QUERIES} distinct queries per class, limit 20, ${REPEAT === 1 ? 'one run each' : `fastest of ${REPEAT} full runs each`}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  log(`first search after opening (loads facet/sort metadata): ${firstSearchMs.toFixed(0)} ms`);
  log('class        p50 ms   p95 ms   max ms   mean hits');
  for (const [name, r] of Object.entries(results)) {
    log(`${name.padEnd(11)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${r.meanHits.toFixed(0).padStart(11)}`);
    for (const slow of r.slowest ?? []) log(`    ${slow.ms.toFixed(1)} ms  ${slow.total} hits  ${JSON.stringify(slow.query)}`);
  }
  log(
    `raw text ${mb(size.rawTextBytes)} · articles_fts ${mb(size.articlesFtsBytes)} (${((100 * size.articlesFtsBytes) / size.rawTextBytes).toFixed(0)}%) · titles_fts ${mb(size.titlesFtsBytes)} · articles table ${mb(size.articlesTableBytes)} · file ${mb(size.fileBytes)}`,
  );
  process.stdout.write(
    `${JSON.stringify({ bench: 'search', articles, queriesPerClass: QUERIES, repeat: REPEAT, firstSearchMs: Math.round(firstSearchMs), classes: results, sizes: size, load: os.loadavg()[0] })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
