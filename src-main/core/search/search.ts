// searchArchive: one query, start to finish.
//
//  1. parse the query (query-parser.ts) — a query that cannot match returns at once with `problem`;
//  2. select every hit with one FTS5 query (stems only: the cheapest expression that matches the
//     same articles) as a list of ids, then apply the filters (articleFilter, as a cached bitmap);
//     when nothing matches every word, relaxed matching (relaxed.ts) answers with the articles that
//     match most of them, and says so;
//  3. count facets and the timeline over all hits from in-memory metadata (facets.ts, meta.ts), the
//     timeline and the year facet in the query's calendar (Gregorian or Hijri months);
//  4. order the page: by relevance in tiers of BM25 (ranking.ts) re-scored in TypeScript
//     (rerank.ts), or by date / reads from the cached sort orders; near-duplicate copies fold into
//     the row of their best-ranked copy (collapse.ts);
//  5. load the page's articles and cut snippets and highlights from their original text.
// Nothing the user types can make it throw: MATCH only ever sees rebuilt expressions, and an
// SQLite error in the search itself (a damaged index) becomes a `problem`. Every stage runs under a
// time budget (budget.ts); what it cuts short is reported as `truncated`.

import type Database from 'better-sqlite3';
import type { Calendar, SearchHit, SearchQuery, SearchResult, SearchSort } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { clampPage } from '../archive/articles.js';
import { SUMMARY_COLUMNS, parseParagraphs, toSummary, type SummaryRow } from '../archive/rows.js';
import { markEarlierVersionHits, withEarlierVersions } from './all-versions.js';
import { Budget } from './budget.js';
import { Rows, loadCopies } from './collapse.js';
import { computeFacets, emptyFacets } from './facets.js';
import { SELECT_HITS, matchExpression } from './match-expression.js';
import { buildMatcher, scan, type Matcher, type ScannedWords, type TermMatch } from './matcher.js';
import { archiveMeta, type ArchiveMeta } from './meta.js';
import { parseQuery, type ParsedQuery } from './query-parser.js';
import { FILTERED_OUT, HIT, rankHits } from './ranking.js';
import { rankRelaxed, relaxedMatch, type RelaxedMatch } from './relaxed.js';
import { RERANK_DEPTH, rerank, type DocMatches, type ScoredHit } from './rerank.js';
import { makeSnippet, matchRanges, scanPrefix } from './snippet.js';
import { parseIdList, stmt } from './statements.js';
import { resolveReadings } from './vocab.js';

const SELECT_IDS = 'SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?';
const LOAD_ARTICLES = `SELECT ${SUMMARY_COLUMNS}, a.paragraphs FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`;

export interface SearchOptions {
  /** Time budget in milliseconds (budget.ts: SEARCH_BUDGET_MS by default). */
  budgetMs?: number;
}

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
  return {
    query: query.query,
    total: 0,
    matches: 0,
    limit,
    offset,
    hits: [],
    facets: emptyFacets(),
    timeline: [],
    calendar: calendarOf(query),
    problem,
    relaxed: false,
    suggestion: null,
    truncated: false,
  };
}

function calendarOf(query: SearchQuery): Calendar {
  return query.calendar === 'hijri' ? 'hijri' : 'gregorian';
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
      const body = safeParagraphs(row.paragraphs).join('\n');
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

/** A damaged row (paragraphs that are not JSON) is shown with its headline and no snippet: it never breaks a search. */
function safeParagraphs(json: string): string[] {
  try {
    return parseParagraphs(json);
  } catch {
    return [];
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
    group: null,
    copies: [],
    copyCount: 0,
  };
}

function isSqliteError(error: unknown): boolean {
  return error instanceof Error && error.name === 'SqliteError';
}

export function searchArchive(archive: Archive, query: SearchQuery, options: SearchOptions = {}): SearchResult {
  const { limit, offset } = clampPage(query.limit, query.offset);
  const parsed = parseQuery(typeof query.query === 'string' ? query.query : '');
  if (parsed.problem !== null) return emptyResult(query, limit, offset, parsed.problem);
  const budget = new Budget(options.budgetMs);
  try {
    const result = run(archive, query, parsed, limit, offset, budget);
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
  /** The query as matched (relaxed matching widens it with split words). */
  parsed: ParsedQuery;
  unfiltered: Int32Array;
  ids: Int32Array;
  /** Facets and timeline per calendar, counted on first request. */
  counts: Partial<Record<Calendar, ReturnType<typeof computeFacets>>>;
  relaxed: RelaxedMatch | null;
  /** Relevance order computed so far (the first `scored.length` hits), or null. */
  scored: ScoredHit[] | null;
  /** True when the budget cut the scored order short (part of it by date): a later request ranks again. */
  scoredTruncated: boolean;
  rows: Rows;
}

const PREPARED_PER_ARCHIVE = 8;
/** Hits ranked at least, so that the next pages of a query come from its kept order. */
const RANK_AHEAD = 100;
const prepared = new WeakMap<Database.Database, Map<string, Prepared>>();

function prepare(archive: Archive, query: SearchQuery, parsed: ParsedQuery, budget: Budget): Prepared {
  const db = archive.db;
  const meta = archiveMeta(archive);
  const collapse = query.collapse !== false;
  const key = JSON.stringify([
    parsed.groups,
    parsed.exclusions,
    query.site,
    query.section,
    query.author,
    query.from,
    query.to,
    query.minReads,
    collapse,
    query.allVersions === true,
  ]);
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
  const allowed = meta.allowed(query);
  let unfiltered = query.allVersions ? withEarlierVersions(db, parsed, selectHits(db, parsed)) : selectHits(db, parsed);
  let ids = applyFilter(unfiltered, allowed);
  let relaxed: RelaxedMatch | null = null;
  let matched = parsed;
  if (ids.length === 0) {
    relaxed = relaxedMatch(db, meta, parsed, query.query, budget);
    if (relaxed) {
      matched = relaxed.parsed;
      unfiltered = relaxed.unfiltered;
      ids = applyFilter(unfiltered, allowed);
    }
  }
  const entry: Prepared = {
    meta,
    parsed: matched,
    unfiltered,
    ids,
    counts: {},
    relaxed,
    scored: null,
    scoredTruncated: false,
    rows: new Rows(meta, ids, collapse),
  };
  // An answer cut short by the budget is not kept: the next request tries again in full.
  if (!budget.truncated) {
    cache.set(key, entry);
    if (cache.size > PREPARED_PER_ARCHIVE) cache.delete(cache.keys().next().value as string);
  }
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

/** The relevance order of at least the first `need` hits (strict tiers, or relaxed counts). */
function score(db: Database.Database, p: Prepared, matcher: Matcher, docs: DocLoader, need: number, budget: Budget): ScoredHit[] {
  if (p.relaxed) {
    const ranked = rankRelaxed(db, p.relaxed, p.ids);
    const best = p.relaxed.best;
    const hits = ranked.map((h) => ({ id: h.id, tier: Math.min(2, Math.max(0, best - h.count)) as 0 | 1 | 2, bm25: Math.max(0, h.score) }));
    docs.load(hits.slice(0, RERANK_DEPTH).map((h) => h.id));
    return rerank(hits, (id) => docs.get(id)?.matches ?? null, matcher);
  }
  const ranking = rankHits(db, p.meta, p.parsed, hitState(p), matcher, p.unfiltered, p.ids.length, need, budget);
  docs.load(ranking.hits.slice(0, RERANK_DEPTH).map((h) => h.id));
  return rerank(ranking.hits, (id) => docs.get(id)?.matches ?? null, matcher);
}

function run(archive: Archive, query: SearchQuery, parsedQuery: ParsedQuery, limit: number, offset: number, budget: Budget): SearchResult {
  const db = archive.db;
  const p = prepare(archive, query, parsedQuery, budget);
  const calendar = calendarOf(query);
  const counts = (p.counts[calendar] ??= computeFacets(p.meta, p.ids, calendar));
  const result: SearchResult = {
    ...emptyResult(query, limit, offset, null),
    total: p.rows.total,
    matches: p.ids.length,
    facets: counts.facets,
    timeline: counts.timeline,
    relaxed: p.relaxed !== null,
    suggestion: p.relaxed?.suggestion ?? null,
  };
  const finish = (): SearchResult => ({ ...result, truncated: budget.truncated });
  if (p.ids.length === 0 || limit === 0 || offset >= p.rows.total) return finish();

  const matcher = buildMatcher(p.parsed);
  const docs = new DocLoader(db, matcher);
  const sort: SearchSort = query.sort ?? 'relevance';

  let page: Array<{ id: number; score: number }>;
  if (sort !== 'relevance') {
    page = p.rows.pageByOrder(p.meta.orderOf(sort), offset, limit).map((id) => ({ id, score: 0 }));
  } else {
    // Rank far enough to fill the page with rows (copies fold into rows, so a page may need more hits).
    let need = Math.min(p.ids.length, Math.max(offset + limit, RANK_AHEAD));
    if (p.scoredTruncated) p.scored = null;
    for (;;) {
      if (p.scored === null || p.scored.length < need) {
        p.scored = score(db, p, matcher, docs, need, budget);
        p.scoredTruncated = budget.truncated;
      }
      const rows = p.rows.pageByScore(p.scored, offset, limit);
      if (rows.complete || p.scored.length >= p.ids.length || budget.spent()) {
        page = rows.page;
        break;
      }
      need = Math.min(p.ids.length, need * 2);
    }
  }
  docs.load(page.map((h) => h.id));
  const copies = loadCopies(db, p.rows, page.map((h) => h.id), p.scored);
  result.hits = page
    .map((h) => ({ h, doc: docs.get(h.id) }))
    .filter((x): x is { h: { id: number; score: number }; doc: LoadedDoc } => x.doc !== undefined)
    .map(({ h, doc }) => ({ ...toHit(doc, matcher, h.score), ...copies(h.id) }));
  return finish();
}
