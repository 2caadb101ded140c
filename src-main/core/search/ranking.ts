// Relevance order, in three tiers:
//
//   A  every query group matches the headline
//   B  some (not all) groups match the headline — more groups, rarer words first
//   C  no group matches the headline (body-only hits): bm25(articles_fts, 0, 0, 0, 1) of the stems
//
// This is BM25 with the title weighted above the body taken to its limit: a hit whose headline holds
// all the words outranks any body-only hit. It is also what keeps ranking cheap when a word is in
// tens of thousands of articles. Tiers A and B are scored with the BM25 formula in TypeScript, per
// headline: the sum over the query groups it matches of idf × saturated tf, tf 1.5 for an exact
// normalised match and 1 for a stem-only one, normalised by headline length (k1 1.2, b 0.75); idf
// is taken within the result set (a group that most hits' headlines match says little about which
// hit is wanted). Which headlines match which groups comes, for a small result set, from matching
// the hits' headlines in TypeScript; for a large one, from each group's doclist in the small title
// index (titles_fts, migration 002: a word found in 50,000 bodies and 2,000 headlines costs reading
// 2,000 ids, not 50,000 BM25 evaluations), after which only the best TITLE_POOL headlines are read
// to tell exact from stem-only matches. Tier C is ranked by FTS5's bm25 over the body stems (one
// phrase per word: FTS5 computes each phrase's idf by reading its whole doclist) when the page
// reaches it, whatever its size (tens of thousands of rows cost tens of milliseconds); only when
// the search's time budget has run out is the rest ordered newest first, and Ranking.approximate
// (and the result's `truncated`) tells so. Then rerank.ts re-scores the first hits from their text.

import type Database from 'better-sqlite3';
import type { Budget } from './budget.js';
import type { ArchiveMeta } from './meta.js';
import { BODY_STEM_COLUMNS, TITLE_INDEX_COLUMNS, matchExpression } from './match-expression.js';
import { scan, type Matcher, type TermMatch } from './matcher.js';
import type { ParsedQuery } from './query-parser.js';
import { parseIdList, stmt } from './statements.js';

/** Up to this many hits, headlines are matched in TypeScript instead of reading title doclists. */
export const TITLE_SCAN_MAX = 400;
/** Headlines read (for exact matches) from the top of the doclist-based title ranking. */
export const TITLE_POOL = 200;
const K1 = 1.2;
const B = 0.75;
const EXACT_TF = 1.5;

/** Values of the `state` array: not a hit, a hit, a hit already placed, a hit the filters remove, a hit whose headline matches. */
export const NOT_HIT = 0;
export const HIT = 1;
export const PLACED = 2;
export const FILTERED_OUT = 3;
const TITLED = 4;

export type Tier = 0 | 1 | 2;

export interface RankedHit {
  id: number;
  tier: Tier;
  /** BM25 score within its tier, positive (bigger is better); 0 when ordered by date. */
  bm25: number;
}

export interface Ranking {
  hits: RankedHit[];
  /** True when part of the order came from the newest-first fallback of tier C. */
  approximate: boolean;
}

const TITLE_IDS = 'SELECT group_concat(rowid) FROM titles_fts WHERE titles_fts MATCH ?';
const LOAD_TITLES = 'SELECT id, CAST(title AS TEXT) FROM articles WHERE id IN (SELECT value FROM json_each(?))';
const BODY_RANK = 'SELECT rowid, bm25(articles_fts, 0.0, 0.0, 0.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY s, rowid DESC';

type RankRow = [number, number];

function titleIds(db: Database.Database, q: ParsedQuery, group: number): Int32Array {
  const single: ParsedQuery = { groups: [q.groups[group] ?? []], exclusions: [], problem: null };
  const expr = matchExpression(single, { columns: TITLE_INDEX_COLUMNS, words: 'stem', combine: 'all', exclusions: false });
  return expr === null ? new Int32Array(0) : parseIdList(stmt(db, TITLE_IDS).pluck().get(expr) as string | null);
}

/** Which groups a headline matches, and which of them exactly (bit g of each mask). */
interface TitleMatch {
  id: number;
  groups: number;
  exact: number;
}

function masks(matches: TermMatch[]): { groups: number; exact: number } {
  let groups = 0;
  let exact = 0;
  for (const m of matches) {
    if (m.group >= 31) continue;
    groups |= 1 << m.group;
    if (m.exact) exact |= 1 << m.group;
  }
  return { groups, exact };
}

function readTitles(db: Database.Database, ids: number[], matcher: Matcher): TitleMatch[] {
  const rows = stmt(db, LOAD_TITLES).raw().all(JSON.stringify(ids)) as Array<[number, string]>;
  return rows.map(([id, title]) => ({ id, ...masks(matcher.match(scan(title))) }));
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

class TitleScorer {
  private readonly idf: number[];

  constructor(
    private readonly meta: ArchiveMeta,
    private readonly groups: number,
    /** Hits (after filters) whose headline matches each group. */
    matchedPerGroup: number[],
    hits: number,
  ) {
    this.idf = matchedPerGroup.map((h) => Math.log(1 + (hits - h + 0.5) / (h + 0.5)));
  }

  tier(groupMask: number): 0 | 1 {
    return popcount(groupMask) >= Math.min(this.groups, 31) ? 0 : 1;
  }

  score(id: number, groupMask: number, exactMask: number): number {
    const lengthNorm = 1 - B + (B * (this.meta.titleLength[id] ?? 0)) / this.meta.averageTitleLength;
    let s = 0;
    for (let g = 0; g < this.idf.length && g < 31; g++) {
      if ((groupMask & (1 << g)) === 0) continue;
      const tf = (exactMask & (1 << g)) !== 0 ? EXACT_TF : 1;
      s += ((this.idf[g] ?? 0) * tf * (K1 + 1)) / (tf + K1 * lengthNorm);
    }
    return s;
  }
}

interface TitleRanking {
  /** Hits (state HIT) whose headline matches at least one group, best first — at least `want` of them when there are. */
  ranked: RankedHit[];
  /** Hits before filters whose headline matches at least one group. */
  titledUnfiltered: number;
}

function byTierThenScore(a: RankedHit, b: RankedHit): number {
  return a.tier - b.tier || b.bm25 - a.bm25 || b.id - a.id;
}

/** Small result sets: read every hit's headline and match it in TypeScript. */
function rankTitlesByText(db: Database.Database, meta: ArchiveMeta, matcher: Matcher, state: Uint8Array, unfiltered: Int32Array): TitleRanking {
  const titles = readTitles(db, Array.from(unfiltered), matcher).filter((t) => t.groups !== 0);
  const allowed = titles.filter((t) => state[t.id] === HIT);
  const perGroup = Array.from({ length: matcher.groups }, (_, g) => allowed.filter((t) => g < 31 && (t.groups & (1 << g)) !== 0).length);
  const scorer = new TitleScorer(meta, matcher.groups, perGroup, Math.max(1, allowed.length));
  const ranked = allowed.map((t) => ({ id: t.id, tier: scorer.tier(t.groups) as Tier, bm25: scorer.score(t.id, t.groups, t.exact) }));
  ranked.sort(byTierThenScore);
  return { ranked, titledUnfiltered: titles.length };
}

/** Large result sets: each group's headline doclist, then the best TITLE_POOL headlines read for exact matches. */
function rankTitlesByIndex(
  db: Database.Database,
  meta: ArchiveMeta,
  q: ParsedQuery,
  matcher: Matcher,
  state: Uint8Array,
  total: number,
  want: number,
): TitleRanking {
  const groups = q.groups.length;
  const mask = new Int32Array(meta.size);
  const touched: number[] = [];
  const perGroup: number[] = [];
  let titledUnfiltered = 0;
  for (let g = 0; g < groups; g++) {
    const ids = titleIds(db, q, g);
    let allowed = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const st = state[id] ?? NOT_HIT;
      if (st === NOT_HIT) continue;
      if (mask[id] === 0) {
        touched.push(id);
        titledUnfiltered++;
      }
      if (g < 31) mask[id]! |= 1 << g;
      if (st === HIT) allowed++;
    }
    perGroup.push(allowed);
  }
  const scorer = new TitleScorer(meta, groups, perGroup, Math.max(1, total));
  // Preliminary order without exact matches (exactMask = groupMask: every match counts the same).
  const prelim: RankedHit[] = [];
  for (const id of touched) {
    if (state[id] !== HIT) continue;
    const m = mask[id]!;
    prelim.push({ id, tier: scorer.tier(m), bm25: scorer.score(id, m, 0) });
  }
  const pool = topK(prelim, Math.max(TITLE_POOL, want));
  const exact = new Map(readTitles(db, pool.map((h) => h.id), matcher).map((t) => [t.id, t]));
  const ranked = pool.map((h) => {
    const t = exact.get(h.id);
    return t ? { ...h, bm25: scorer.score(h.id, mask[h.id]!, t.exact & mask[h.id]!) } : h;
  });
  ranked.sort(byTierThenScore);
  return { ranked, titledUnfiltered };
}

/** The k best hits (tier, then score), without sorting them all. */
function topK(hits: RankedHit[], k: number): RankedHit[] {
  if (hits.length <= k) return hits.sort(byTierThenScore);
  const keys = new Float64Array(hits.length);
  hits.forEach((h, i) => {
    keys[i] = (h.tier === 0 ? 1e9 : 0) + h.bm25;
  });
  const sorted = Float64Array.from(keys).sort();
  const threshold = sorted[hits.length - k]!;
  const best = hits.filter((_, i) => keys[i]! >= threshold);
  return best.sort(byTierThenScore).slice(0, k);
}

/**
 * The first `need` hits in relevance order. `state[id]` is HIT for a hit of the query that passes
 * the filters, FILTERED_OUT for one that does not, and becomes PLACED once the hit is ranked.
 */
export function rankHits(
  db: Database.Database,
  meta: ArchiveMeta,
  q: ParsedQuery,
  state: Uint8Array,
  matcher: Matcher,
  unfiltered: Int32Array,
  total: number,
  need: number,
  budget?: Budget,
): Ranking {
  const want = Math.min(need, total);
  const hits: RankedHit[] = [];
  if (want === 0) return { hits, approximate: false };
  const unfilteredTotal = unfiltered.length;
  const titles =
    unfilteredTotal <= TITLE_SCAN_MAX
      ? rankTitlesByText(db, meta, matcher, state, unfiltered)
      : rankTitlesByIndex(db, meta, q, matcher, state, total, want);
  for (const h of titles.ranked) {
    if (hits.length >= want) {
      if (state[h.id] === HIT) state[h.id] = TITLED;
      continue;
    }
    state[h.id] = PLACED;
    hits.push(h);
  }
  let approximate = false;
  if (hits.length < want) {
    // Tier C: every remaining hit (state HIT) has no query word in its headline.
    const bodyOnly = unfilteredTotal - titles.titledUnfiltered;
    const body = matchExpression(q, { columns: BODY_STEM_COLUMNS, words: 'stem', combine: 'all', exclusions: false });
    if (body !== null && !budget?.spent()) {
      for (const [id, s] of stmt(db, BODY_RANK).raw().iterate(body) as IterableIterator<RankRow>) {
        if (state[id] !== HIT) continue;
        state[id] = PLACED;
        hits.push({ id, tier: 2, bm25: -s });
        if (hits.length >= want) break;
      }
    }
    if (hits.length < want) {
      approximate = bodyOnly > 0 && budget?.truncated === true;
      const order = meta.orderOf('newest');
      for (let i = 0; i < order.length && hits.length < want; i++) {
        const id = order[i]!;
        if (state[id] !== HIT) continue;
        state[id] = PLACED;
        hits.push({ id, tier: 2, bm25: 0 });
      }
    }
  }
  return { hits, approximate };
}
