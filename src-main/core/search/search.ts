// searchArchive: one query, start to finish.
//
//  1. parse the query (query-parser.ts) — a query that cannot match returns at once with `problem`;
//  2. select every hit with one FTS5 query (stems only: the cheapest expression that matches the
//     same articles) as a list of ids, then apply the filters (articleFilter, as a cached bitmap);
//  3. count facets and the timeline over all hits from in-memory metadata (facets.ts, meta.ts);
//  4. order the page: by relevance in tiers of BM25 (ranking.ts) re-scored in TypeScript
//     (rerank.ts), or by date / reads from the cached sort orders;
//  5. load the page's articles and cut snippets and highlights from their original text.
// Nothing the user types can make it throw: MATCH only ever sees rebuilt expressions, and an
// SQLite error in the search itself (a damaged index) becomes a `problem`.

import type Database from 'better-sqlite3';
import type { SearchHit, SearchQuery, SearchResult, SearchSort } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { clampPage } from '../archive/articles.js';
import { SUMMARY_COLUMNS, parseParagraphs, toSummary, type SummaryRow } from '../archive/rows.js';
import { markEarlierVersionHits, withEarlierVersions } from './all-versions.js';
import { computeFacets, emptyFacets } from './facets.js';
import { SELECT_HITS, matchExpression } from './match-expression.js';
import { buildMatcher, scan, type Matcher, type ScannedWords, type TermMatch } from './matcher.js';
import { archiveMeta, type ArchiveMeta } from './meta.js';
import { parseQuery, type ParsedQuery } from './query-parser.js';
import { FILTERED_OUT, HIT, rankHits } from './ranking.js';
import { RERANK_DEPTH, rerank, type DocMatches, type ScoredHit } from './rerank.js';
import { makeSnippet, matchRanges, scanPrefix } from './snippet.js';
import { parseIdList, stmt } from './statements.js';
import { resolveReadings } from './vocab.js';

const SELECT_IDS = 'SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?';
const LOAD_ARTICLES = `SELECT ${SUMMARY_COLUMNS}, a.paragraphs FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`;

interface ArticleRow extends SummaryRow {
  paragraphs: string;
}

interface LoadedDoc {
  row: ArticleRow;
  body: string;
  /** The body scanned so far: its first `scannedLength` units (all of it, or its first BODY_SCAN units when they match). */
  bodyScan: ScannedWords;
  scannedLength: number;
  matches: DocMatches;
}

/** Long bodies are scanned for the query in their first BODY_SCAN units, and in full only when those do not match. */
const BODY_SCAN = 8000;

function emptyResult(query: SearchQuery, limit: number, offset: number, problem: string | null): SearchResult {
  return { query: query.query, total: 0, limit, offset, hits: [], facets: emptyFacets(), timeline: [], problem };
}

/** Ids of every article the query matches, before filters (sorted by id). */
export function selectHits(db: Database.Database, q: ParsedQuery): Int32Array {
  const expr = matchExpression(q, SELECT_HITS);
  if (expr === null) return new Int32Array(0);
  return parseIdList(stmt(db, SELECT_IDS).pluck().get(expr) as string | null);
}

function applyFilter(ids: Int32Array, allowed: Uint8Array | null): Int32Array {
  if (allowed === null) return ids;
  let n = 0;
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (allowed[id] === 1) out[n++] = id;
  }
  return out.subarray(0, n);
}

/** The page of ids for a non-relevance sort: walk the cached order, keep the hits. */
function pageByOrder(meta: ArchiveMeta, sort: Exclude<SearchSort, 'relevance'>, state: Uint8Array, offset: number, limit: number): number[] {
  const order = meta.orderOf(sort);
  const page: number[] = [];
  let seen = 0;
  for (let i = 0; i < order.length && page.length < limit; i++) {
    const id = order[i] as number;
    if (state[id] !== HIT) continue;
    if (seen++ >= offset) page.push(id);
  }
  return page;
}

class DocLoader {
  private readonly docs = new Map<number, LoadedDoc>();

  constructor(
    private readonly db: Database.Database,
    private readonly matcher: Matcher,
  ) {}

  load(ids: number[]): void {
    const missing = ids.filter((id) => !this.docs.has(id));
    if (missing.length === 0) return;
    const rows = stmt(this.db, LOAD_ARTICLES).all(JSON.stringify(missing)) as ArticleRow[];
    for (const row of rows) {
      const body = parseParagraphs(row.paragraphs).join('\n');
      let { scanned, length } = scanPrefix(body, BODY_SCAN);
      let bodyMatches = this.matcher.match(scanned);
      if (bodyMatches.length === 0 && length < body.length) {
        scanned = scan(body);
        length = body.length;
        bodyMatches = this.matcher.match(scanned);
      }
      const title: TermMatch[] = this.matcher.match(scan(row.title));
      this.docs.set(row.id, { row, body, bodyScan: scanned, scannedLength: length, matches: { title, body: bodyMatches } });
    }
  }

  get(id: number): LoadedDoc | undefined {
    return this.docs.get(id);
  }
}

function toHit(doc: LoadedDoc, matcher: Matcher, score: number): SearchHit {
  const snippet = makeSnippet(doc.body, matcher, undefined, doc.bodyScan, doc.scannedLength, doc.matches.body);
  return {
    ...toSummary(doc.row),
    snippet: snippet.snippet,
    highlights: snippet.highlights,
    titleHighlights: matchRanges(doc.matches.title),
    score: Math.round(score * 10_000) / 10_000,
  };
}

function isSqliteError(error: unknown): boolean {
  return error instanceof Error && error.name === 'SqliteError';
}

export function searchArchive(archive: Archive, query: SearchQuery): SearchResult {
  const { limit, offset } = clampPage(query.limit, query.offset);
  const parsed = parseQuery(typeof query.query === 'string' ? query.query : '');
  if (parsed.problem !== null) return emptyResult(query, limit, offset, parsed.problem);
  try {
    const result = run(archive, query, parsed, limit, offset);
    if (query.allVersions) markEarlierVersionHits(archive.db, parsed, result.hits);
    return result;
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    return emptyResult(query, limit, offset, `The search index could not answer this query (${(error as Error).message}).`);
  }
}

/** What a query costs to compute before any page: kept for paging through the same results. */
interface Prepared {
  meta: ArchiveMeta;
  parsed: ParsedQuery;
  unfiltered: Int32Array;
  ids: Int32Array;
  facets: SearchResult['facets'];
  timeline: SearchResult['timeline'];
  /** Relevance order computed so far (the first `scored.length` hits), or null. */
  scored: ScoredHit[] | null;
}

const PREPARED_PER_ARCHIVE = 8;
/** Hits ranked at least, so that the next pages of a query come from its kept order. */
const RANK_AHEAD = 100;
const prepared = new WeakMap<Database.Database, Map<string, Prepared>>();

function prepare(archive: Archive, query: SearchQuery, parsed: ParsedQuery): Prepared {
  const db = archive.db;
  const meta = archiveMeta(archive);
  const key = JSON.stringify([parsed.groups, parsed.exclusions, query.site, query.section, query.author, query.from, query.to, query.minReads, query.allVersions === true]);
  let cache = prepared.get(db);
  if (!cache) {
    cache = new Map();
    prepared.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.meta === meta) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  resolveReadings(db, parsed);
  const unfiltered = query.allVersions ? withEarlierVersions(db, parsed, selectHits(db, parsed)) : selectHits(db, parsed);
  const ids = applyFilter(unfiltered, meta.allowed(query));
  const { facets, timeline } = computeFacets(meta, ids);
  const entry: Prepared = { meta, parsed, unfiltered, ids, facets, timeline, scored: null };
  cache.set(key, entry);
  if (cache.size > PREPARED_PER_ARCHIVE) cache.delete(cache.keys().next().value as string);
  return entry;
}

/** Drops the kept results of earlier queries (for benchmarks that must measure every query in full). */
export function forgetPreparedSearches(archive: Archive): void {
  prepared.delete(archive.db);
}

function hitState(p: Prepared): Uint8Array {
  const state = new Uint8Array(p.meta.size);
  for (let i = 0; i < p.unfiltered.length; i++) state[p.unfiltered[i]!] = FILTERED_OUT;
  for (let i = 0; i < p.ids.length; i++) state[p.ids[i]!] = HIT;
  return state;
}

function run(archive: Archive, query: SearchQuery, parsedQuery: ParsedQuery, limit: number, offset: number): SearchResult {
  const db = archive.db;
  const p = prepare(archive, query, parsedQuery);
  const total = p.ids.length;
  const result: SearchResult = { query: query.query, total, limit, offset, hits: [], facets: p.facets, timeline: p.timeline, problem: null };
  if (total === 0 || limit === 0 || offset >= total) return result;

  const matcher = buildMatcher(p.parsed);
  const docs = new DocLoader(db, matcher);
  const sort = query.sort ?? 'relevance';

  if (sort !== 'relevance') {
    const page = pageByOrder(p.meta, sort, hitState(p), offset, limit);
    docs.load(page);
    result.hits = page.map((id) => docs.get(id)).filter((d): d is LoadedDoc => d !== undefined).map((d) => toHit(d, matcher, 0));
    return result;
  }

  const need = Math.min(total, Math.max(offset + limit, RANK_AHEAD));
  if (p.scored === null || p.scored.length < need) {
    const ranking = rankHits(db, p.meta, p.parsed, hitState(p), matcher, p.unfiltered, total, need);
    docs.load(ranking.hits.slice(0, RERANK_DEPTH).map((h) => h.id));
    p.scored = rerank(ranking.hits, (id) => docs.get(id)?.matches ?? null, matcher);
  }
  const page = p.scored.slice(offset, offset + limit);
  docs.load(page.map((h) => h.id));
  result.hits = page
    .map((h) => ({ h, doc: docs.get(h.id) }))
    .filter((x): x is { h: ScoredHit; doc: LoadedDoc } => x.doc !== undefined)
    .map(({ h, doc }) => toHit(doc, matcher, h.score));
  return result;
}
