// One row per story: near-duplicate copies (core/archive/groups.ts) fold into the row of their
// best-placed copy in the order being shown (relevance, date or reads), and travel with it as
// `copies`. Only hits fold: a copy the filters remove is never shown, and a filter that keeps one
// copy (a site filter) shows that copy as its own row. Paging (offset, limit, total) counts rows.

import type Database from 'better-sqlite3';
import type { ArticleSummary, CopiesInfo } from '../../common/types.js';
import { MAX_COPIES } from '../archive/copies.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../archive/rows.js';
import type { ArchiveMeta } from './meta.js';
import { stmt } from './statements.js';

export class Rows {
  /** Number of rows: stories when collapsing, else articles. */
  readonly total: number;
  private readonly hit: Uint8Array;

  constructor(
    private readonly meta: ArchiveMeta,
    ids: Int32Array,
    readonly collapse: boolean,
  ) {
    this.hit = new Uint8Array(meta.size);
    for (let i = 0; i < ids.length; i++) if (ids[i]! < meta.size) this.hit[ids[i]!] = 1;
    if (!collapse) {
      this.total = ids.length;
      return;
    }
    const seen = new Uint8Array(meta.size);
    let rows = 0;
    for (let i = 0; i < ids.length; i++) {
      const g = meta.group[ids[i]!] ?? -1;
      if (g < 0) rows++;
      else if (seen[g] === 0) {
        seen[g] = 1;
        rows++;
      }
    }
    this.total = rows;
  }

  /** The group label of a hit (-1: none). */
  groupOf(id: number): number {
    return this.meta.group[id] ?? -1;
  }

  /** The other hits of a hit's group (none when not collapsing). */
  copiesOf(id: number): number[] {
    const g = this.groupOf(id);
    if (!this.collapse || g < 0) return [];
    return this.meta.groupMembers(g).filter((m) => m !== id && this.hit[m] === 1);
  }

  /** Walks ids in order, one row per group; returns the rows [offset, offset + limit) and whether the walk reached them. */
  private walk<T extends { id: number }>(items: Iterable<T>, offset: number, limit: number, isHit: (id: number) => boolean): { page: T[]; complete: boolean } {
    const seen = new Set<number>();
    const page: T[] = [];
    let row = 0;
    for (const item of items) {
      if (!isHit(item.id)) continue;
      if (this.collapse) {
        const g = this.groupOf(item.id);
        if (g >= 0) {
          if (seen.has(g)) continue;
          seen.add(g);
        }
      }
      if (row++ >= offset) page.push(item);
      if (page.length >= limit) return { page, complete: true };
    }
    return { page, complete: false };
  }

  /** A page of a non-relevance order (the cached sort order of every article). */
  pageByOrder(order: Int32Array, offset: number, limit: number): number[] {
    function* items(): Generator<{ id: number }> {
      for (let i = 0; i < order.length; i++) yield { id: order[i]! };
    }
    return this.walk(items(), offset, limit, (id) => this.hit[id] === 1).page.map((x) => x.id);
  }

  /** A page of the relevance order computed so far; `complete` is false when more hits must be ranked to fill it. */
  pageByScore<T extends { id: number; score: number }>(scored: T[], offset: number, limit: number): { page: T[]; complete: boolean } {
    return this.walk(scored, offset, limit, () => true);
  }
}

/** Loads the copies of the page's rows: a function from row id to its group and copies (ranked copies first). */
export function loadCopies(db: Database.Database, rows: Rows, pageIds: number[], scored: Array<{ id: number }> | null): (id: number) => CopiesInfo {
  const copyIds = new Map<number, number[]>();
  const position = new Map<number, number>();
  scored?.forEach((h, i) => position.set(h.id, i));
  const rank = (id: number): number => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  for (const id of pageIds) copyIds.set(id, rows.copiesOf(id).sort((a, b) => rank(a) - rank(b) || a - b));
  const all = [...new Set([...copyIds.values()].flatMap((ids) => ids.slice(0, MAX_COPIES)))];
  const summaries = new Map<number, ArticleSummary>();
  if (all.length > 0) {
    const found = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(all)) as SummaryRow[];
    for (const row of found) summaries.set(row.id, toSummary(row));
  }
  return (id) => {
    const group = rows.groupOf(id);
    const ids = copyIds.get(id) ?? [];
    const copies = ids.slice(0, MAX_COPIES).map((c) => summaries.get(c)).filter((s): s is ArticleSummary => s !== undefined);
    return { group: group >= 0 ? group : null, copies, copyCount: ids.length };
  };
}
