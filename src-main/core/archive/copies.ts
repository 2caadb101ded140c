// The copies of a story (core/archive/groups.ts) as the list and the reader show them: the list
// folds a group into its first article in the order shown and carries the others that pass its
// filters; the reader links every copy.

import type { ArticleSummary, CopiesInfo } from '../../common/types.js';
import type { Archive } from './archive.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';

/** Copies listed with one article at most (CopiesInfo.copyCount counts them all). */
export const MAX_COPIES = 20;

/** The other copies of an article's story (the first MAX_COPIES, newest first, and how many there are). */
export function articleCopies(archive: Archive, id: number): CopiesInfo {
  const group = archive.db.prepare('SELECT group_id FROM articles WHERE id = ?').pluck().get(id) as number | null | undefined;
  if (group === null || group === undefined) return { group: null, copies: [], copyCount: 0 };
  const count = archive.db.prepare('SELECT count(*) FROM articles WHERE group_id = ? AND id != ?').pluck().get(group, id) as number;
  const rows = archive.db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.group_id = ? AND a.id != ? ORDER BY a.published_at DESC, a.id DESC LIMIT ${MAX_COPIES}`)
    .all(group, id) as SummaryRow[];
  return { group, copies: rows.map(toSummary), copyCount: count };
}

/**
 * The copies of each listed row that also pass the list's filters (`where` on `articles a`, with
 * `params`), in the list's order (`orderBy` on `a`).
 */
export function listedCopies(
  archive: Archive,
  rows: Array<{ id: number; group_id: number | null }>,
  where: string[],
  params: Record<string, string | number>,
  orderBy: string,
): (id: number) => CopiesInfo {
  const groups = [...new Set(rows.map((r) => r.group_id).filter((g): g is number => g !== null))];
  const byGroup = new Map<number, Array<SummaryRow & { group_id: number }>>();
  if (groups.length > 0) {
    const found = archive.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, a.group_id FROM articles a INDEXED BY articles_group WHERE a.group_id IN (SELECT value FROM json_each(@groups))
         ${where.length ? `AND ${where.join(' AND ')}` : ''} ORDER BY ${orderBy}`,
      )
      .all({ ...params, groups: JSON.stringify(groups) }) as Array<SummaryRow & { group_id: number }>;
    for (const row of found) {
      let list = byGroup.get(row.group_id);
      if (!list) byGroup.set(row.group_id, (list = []));
      list.push(row);
    }
  }
  const groupOf = new Map(rows.map((r) => [r.id, r.group_id]));
  return (id) => {
    const group = groupOf.get(id) ?? null;
    if (group === null) return { group: null, copies: [], copyCount: 0 };
    const others = (byGroup.get(group) ?? []).filter((r) => r.id !== id);
    const copies: ArticleSummary[] = others.slice(0, MAX_COPIES).map(toSummary);
    return { group, copies, copyCount: others.length };
  };
}
