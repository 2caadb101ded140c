// Relevance order, in three tiers, each ordered by BM25:
//
//   A  every query group matches the headline          bm25(titles_fts, surface 1.5, stem 1)
//   B  some (not all) groups match the headline        bm25(titles_fts, …) of the OR of the groups
//   C  no group matches the headline (body-only hits)  bm25(articles_fts, 0, 1.5, 0, 1)
//
// This is BM25 with the title weighted above the body taken to its limit: a hit whose headline holds
// all the words outranks any body-only hit. It is also what makes ranking cheap: tiers A and B come
// from the small title index (titles_fts, migration 002), so a word found in 50,000 bodies but 2,000
// headlines costs 2,000 BM25 evaluations. Tier C is ranked by BM25 over articles_fts only when it is
// needed for the page and holds at most BODY_RANK_CAP articles; beyond that (a page deep into a huge
// result set) it is ordered newest first (Ranking.approximate tells so).
//
// In every tier the exact normalised word (the surface column) counts above a stem-only match.
// Then rerank() re-scores the first RERANK_DEPTH hits in TypeScript from the original text (see there).

import type Database from 'better-sqlite3';
import type { ArchiveMeta } from './meta.js';
import { ARTICLE_TITLE_COLUMNS, RANK_HITS, TITLE_INDEX_COLUMNS, matchExpression } from './match-expression.js';
import type { ParsedQuery } from './query-parser.js';
import { stmt } from './statements.js';

export const BODY_RANK_CAP = 5000;

export type Tier = 0 | 1 | 2;

export interface RankedHit {
  id: number;
  tier: Tier;
  /** BM25 of its tier, positive (bigger is better); 0 when ordered by date. */
  bm25: number;
}

export interface Ranking {
  hits: RankedHit[];
  /** True when part of the order came from the newest-first fallback of tier C. */
  approximate: boolean;
}

const TITLE_RANK = 'SELECT rowid, bm25(titles_fts, 1.5, 1.0) AS s FROM titles_fts WHERE titles_fts MATCH ? ORDER BY s, rowid DESC';
const BODY_RANK =
  'SELECT rowid, bm25(articles_fts, 0.0, 1.5, 0.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY s, rowid DESC';

type RankRow = [number, number];

/**
 * The first `need` hits in relevance order. `state[id]` is 1 for a hit of the query (filters
 * applied) and becomes 2 once the hit is placed; `unfilteredTotal` is the hit count before filters.
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
  let titleRows = 0;
  const take = (rows: RankRow[], tier: Tier): void => {
    for (const [id, s] of rows) {
      if (hits.length >= want) return;
      if (state[id] !== 1) continue;
      state[id] = 2;
      hits.push({ id, tier, bm25: -s });
    }
  };
  const titleAll = matchExpression(q, { columns: TITLE_INDEX_COLUMNS, surface: true, combine: 'all', exclusions: false });
  if (titleAll !== null && want > 0) {
    const rows = stmt(db, TITLE_RANK).raw().all(titleAll) as RankRow[];
    titleRows = rows.length;
    take(rows, 0);
  }
  if (hits.length < want && q.groups.length > 1) {
    const titleAny = matchExpression(q, { columns: TITLE_INDEX_COLUMNS, surface: true, combine: 'any', exclusions: false });
    if (titleAny !== null) {
      const rows = stmt(db, TITLE_RANK).raw().all(titleAny) as RankRow[];
      titleRows = rows.length; // the OR of the groups holds tier A's rows too
      take(rows, 1);
    }
  }
  let approximate = false;
  if (hits.length < want) {
    const bodyOnly = unfilteredTotal - titleRows;
    const rank = matchExpression(q, RANK_HITS);
    const anyTitle = matchExpression(q, { columns: ARTICLE_TITLE_COLUMNS, surface: false, combine: 'any', exclusions: false });
    if (bodyOnly <= BODY_RANK_CAP && rank !== null && anyTitle !== null) {
      take(stmt(db, BODY_RANK).raw().all(`(${rank}) NOT ${anyTitle}`) as RankRow[], 2);
    }
    if (hits.length < want) {
      approximate = true;
      const order = meta.orderOf('newest');
      for (let i = 0; i < order.length && hits.length < want; i++) {
        const id = order[i] as number;
        if (state[id] !== 1) continue;
        state[id] = 2;
        hits.push({ id, tier: 2, bm25: 0 });
      }
    }
  }
  return { hits, approximate };
}
