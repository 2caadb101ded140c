// Relevance order, in three tiers:
//
//   A  every query group matches the headline
//   B  some (not all) groups match the headline — more groups, rarer words first
//   C  no group matches the headline (body-only hits): bm25(articles_fts, 0, 1.5, 0, 1)
//
// This is BM25 with the title weighted above the body taken to its limit: a hit whose headline holds
// all the words outranks any body-only hit. It is also what makes ranking cheap. Tiers A and B are
// scored with the BM25 formula in TypeScript from each group's headline doclist in the small title
// index (titles_fts, migration 002): per group, the ids of headlines that match it by stem and by
// exact surface; a headline's score is the sum over its groups of idf × tf-saturation, with tf 1.5
// for an exact normalised match and 1 for a stem-only one, normalised by headline length (k1 1.2,
// b 0.75). A word found in 50,000 bodies but 2,000 headlines costs reading 2,000 ids, not 50,000
// BM25 evaluations. Tier C is ranked by FTS5's bm25 over articles_fts (the exact surface, in the
// body column, weighted 1.5 against 1 for the stem) only when the page reaches it and it holds at
// most BODY_RANK_CAP articles; beyond that (a page deep into a huge result set) it is ordered newest
// first, and Ranking.approximate tells so. Then rerank.ts re-scores the first hits from the text.

import type Database from 'better-sqlite3';
import type { ArchiveMeta } from './meta.js';
import { ARTICLE_TITLE_COLUMNS, RANK_HITS, TITLE_INDEX_COLUMNS, matchExpression } from './match-expression.js';
import type { ParsedQuery } from './query-parser.js';
import { parseIdList, stmt } from './statements.js';

export const BODY_RANK_CAP = 5000;
const K1 = 1.2;
const B = 0.75;
const EXACT_TF = 1.5;

/** Values of the `state` array: not a hit, a hit, a hit the filters remove, a hit already placed. */
export const NOT_HIT = 0;
export const HIT = 1;
export const FILTERED_OUT = 3;
export const PLACED = 2;

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
const BODY_RANK =
  'SELECT rowid, bm25(articles_fts, 0.0, 1.5, 0.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY s, rowid DESC';

type RankRow = [number, number];

function titleIds(db: Database.Database, q: ParsedQuery, group: number, words: 'stem' | 'surface'): Int32Array {
  const single: ParsedQuery = { groups: [q.groups[group] ?? []], exclusions: [], problem: null };
  const expr = matchExpression(single, { columns: TITLE_INDEX_COLUMNS, words, combine: 'all', exclusions: false });
  return expr === null ? new Int32Array(0) : parseIdList(stmt(db, TITLE_IDS).pluck().get(expr) as string | null);
}

interface TitleScores {
  /** Hits (state HIT) whose headline matches at least one group, best first. */
  ranked: RankedHit[];
  /** Hits before filters whose headline matches at least one group. */
  titledUnfiltered: number;
}

function scoreTitles(db: Database.Database, meta: ArchiveMeta, q: ParsedQuery, state: Uint8Array): TitleScores {
  const groups = q.groups.length;
  const count = new Uint8Array(meta.size);
  const score = new Float64Array(meta.size);
  const touched: number[] = [];
  const n = Math.max(1, meta.articles);
  for (let g = 0; g < groups; g++) {
    const match = titleIds(db, q, g, 'stem');
    if (match.length === 0) continue;
    const exact = titleIds(db, q, g, 'surface');
    const idf = Math.log(1 + (n - match.length + 0.5) / (match.length + 0.5));
    let j = 0;
    for (let i = 0; i < match.length; i++) {
      const id = match[i]!;
      while (j < exact.length && exact[j]! < id) j++;
      const st = state[id] ?? NOT_HIT;
      if (st === NOT_HIT) continue;
      if (count[id] === 0) touched.push(id);
      count[id]!++;
      const tf = exact[j] === id ? EXACT_TF : 1;
      const lengthNorm = 1 - B + (B * meta.titleLength[id]!) / meta.averageTitleLength;
      score[id]! += (idf * tf * (K1 + 1)) / (tf + K1 * lengthNorm);
    }
  }
  const ranked: RankedHit[] = [];
  for (const id of touched) {
    if (state[id] === HIT) ranked.push({ id, tier: count[id] === groups ? 0 : 1, bm25: score[id]! });
  }
  ranked.sort((a, b) => a.tier - b.tier || b.bm25 - a.bm25 || b.id - a.id);
  return { ranked, titledUnfiltered: touched.length };
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
  total: number,
  unfilteredTotal: number,
  need: number,
): Ranking {
  const want = Math.min(need, total);
  const hits: RankedHit[] = [];
  if (want === 0) return { hits, approximate: false };
  const titles = scoreTitles(db, meta, q, state);
  for (const h of titles.ranked) {
    if (hits.length >= want) break;
    state[h.id] = PLACED;
    hits.push(h);
  }
  let approximate = false;
  if (hits.length < want) {
    const bodyOnly = unfilteredTotal - titles.titledUnfiltered;
    const rank = matchExpression(q, RANK_HITS);
    const anyTitle = matchExpression(q, { columns: ARTICLE_TITLE_COLUMNS, words: 'stem', combine: 'any', exclusions: false });
    if (bodyOnly <= BODY_RANK_CAP && rank !== null && anyTitle !== null) {
      for (const [id, s] of stmt(db, BODY_RANK).raw().iterate(`(${rank}) NOT ${anyTitle}`) as IterableIterator<RankRow>) {
        if (state[id] !== HIT) continue;
        state[id] = PLACED;
        hits.push({ id, tier: 2, bm25: -s });
        if (hits.length >= want) break;
      }
    }
    if (hits.length < want) {
      approximate = bodyOnly > BODY_RANK_CAP;
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
