import type { Article, ArticleSort, ListQuery, ListResult, ListSort } from '../../common/types.js';
import { ArshifError } from '../../common/result.js';
import type { Archive } from './archive.js';
import { listedCopies } from './copies.js';
import { SNAPSHOT_COLUMNS, SUMMARY_COLUMNS, damageOf, parseParagraphs, textOf, toSnapshot, toSummary, type SnapshotRow, type SummaryRow } from './rows.js';
import { versionNumbering } from './versions.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export const ORDER_BY: Record<ArticleSort, string> = {
  newest: 'a.published_at DESC, a.id DESC',
  oldest: 'a.published_at ASC, a.id ASC',
  'most-read': 'a.read_count DESC, a.id DESC',
};

const SHOWN_VERSION = '(SELECT v.id FROM versions v WHERE v.article_id = a.id AND v.paragraphs IS NULL) AS version_id';

const LIST_ORDER_BY: Record<ListSort, string> = { ...ORDER_BY, 'most-edited': 'a.version_count DESC, a.published_at DESC, a.id DESC' };

export interface Filter {
  where: string[];
  params: Record<string, string | number>;
}

/** SQL conditions on `articles a` for the shared list/search filters. Values are always bound. */
export function articleFilter(q: Pick<ListQuery, 'site' | 'section' | 'author' | 'from' | 'to'> & { minReads?: number }): Filter {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.site) {
    where.push('a.site = @site');
    params.site = q.site;
  }
  if (q.section) {
    where.push('a.section = @section');
    params.section = q.section;
  }
  if (q.author) {
    where.push('a.author = @author');
    params.author = q.author;
  }
  if (q.from) {
    where.push('a.published_at >= @from');
    params.from = q.from;
  }
  if (q.to) {
    where.push('a.published_at < @toNext');
    params.toNext = `${q.to}T99`;
  }
  if (q.minReads !== undefined) {
    where.push('a.read_count >= @minReads');
    params.minReads = q.minReads;
  }
  return { where, params };
}

function whereSql(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

function countOf(archive: Archive, where: string[], params: Record<string, string | number>): number {
  return archive.db.prepare(`SELECT count(*) FROM articles a ${whereSql(where)}`).pluck().get(params) as number;
}

/**
 * Rows of a collapsed list, from the articles that pass the filters (`matching`): less their grouped
 * ones, plus one per group. Counted this way the grouped articles (a small share) are counted in the
 * group index, which holds the columns filters use (migration 008), and the rest is a plain count.
 */
function collapsedCount(archive: Archive, where: string[], params: Record<string, string | number>, matching: number): number {
  const grouped = archive.db
    .prepare(`SELECT count(*) AS members, count(DISTINCT a.group_id) AS groups FROM articles a INDEXED BY articles_group ${whereSql([...where, 'a.group_id IS NOT NULL'])}`)
    .get(params) as { members: number; groups: number };
  return matching - grouped.members + grouped.groups;
}

/** The index that gives a sort's order. */
const SORT_INDEX: Record<ListSort, string> = {
  newest: 'articles_published',
  oldest: 'articles_published',
  'most-read': 'articles_read_count',
  'most-edited': 'articles_edited',
};
/**
 * Whether a page is found sooner along the sort's own index than through the filter's. Along the sort,
 * about (offset + limit) / share rows are read, share = matching / total; through the filter, every
 * matching row is read and then sorted. The sort's index is taken when it reads at least READ_ALONG_SORT
 * times fewer rows (each of them is also checked against the filter).
 */
const READ_ALONG_SORT = 4;
function readAlongSort(matching: number, total: number, offset: number, limit: number): boolean {
  return matching * matching >= READ_ALONG_SORT * (offset + Math.max(1, limit)) * total;
}

export function clampPage(limit: number | undefined, offset: number | undefined): { limit: number; offset: number } {
  return {
    limit: Math.max(0, Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT)),
    offset: Math.max(0, offset ?? 0),
  };
}

/**
 * A page of articles. Near-duplicate copies (groups.ts) fold into one row — the first of the group
 * in this order among the articles that pass the filters — unless `collapse` is false.
 */
export function listArticles(archive: Archive, query: ListQuery = {}): ListResult {
  const { where, params } = articleFilter(query);
  if (query.edited) where.push('a.version_count > 1');
  const { limit, offset } = clampPage(query.limit, query.offset);
  const collapse = query.collapse !== false;
  const sort = query.sort ?? 'newest';
  const orderBy = LIST_ORDER_BY[sort];
  // A member of a group is listed when no member that passes the filters comes before it in this order.
  const asB = (sql: string): string => sql.replace(/\ba\./g, 'b.');
  // Through the group index: without statistics the planner would rather take a filter's index and
  // read every article of a site or section for each row (minutes on a million articles).
  const first = `(a.group_id IS NULL OR a.id = (SELECT b.id FROM articles b INDEXED BY articles_group WHERE b.group_id = a.group_id${where.map((w) => ` AND ${asB(w)}`).join('')} ORDER BY ${asB(orderBy)} LIMIT 1))`;
  const matching = countOf(archive, where, params);
  const total = collapse ? collapsedCount(archive, where, params, matching) : matching;
  // A broad filter (a year, a big site or section) is read along the sort's own index; the filter's
  // index would fetch and sort every article it keeps (seconds on a million). Without statistics SQLite
  // cannot tell the two apart; the count just made can (readAlongSort). Unfiltered, the sort's index is
  // the only way; a site's section is already in date order in its own index; the few edited articles
  // are found in their own index.
  const inDateOrder = Boolean(query.site && query.section) && (sort === 'newest' || sort === 'oldest');
  const broad =
    where.length === 0 ||
    (!inDateOrder && readAlongSort(matching, archive.db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck().get() as number, offset, limit));
  const index = broad ? SORT_INDEX[sort] : query.edited ? 'articles_edited' : null;
  const source = index ? `articles a INDEXED BY ${index}` : 'articles a';
  const rows = archive.db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, a.group_id FROM ${source} ${whereSql(collapse ? [...where, first] : where)} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset }) as Array<SummaryRow & { group_id: number | null }>;
  const copies = collapse ? listedCopies(archive, rows, where, params, orderBy) : () => ({ copies: [], copyCount: 0 });
  return { total, limit, offset, articles: rows.map((r) => ({ ...toSummary(r), group: r.group_id, ...copies(r.id) })) };
}

interface ArticleRow extends SummaryRow {
  paragraphs: unknown;
  url: string | null;
  /** The version shown (the one whose text is the article row's). */
  version_id: number | null;
}

export function getArticle(archive: Archive, id: number): Article {
  const row = archive.db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.paragraphs, a.url, ${SHOWN_VERSION} FROM articles a WHERE a.id = ?`).get(id) as ArticleRow | undefined;
  if (!row) throw new ArshifError('not-found', `No article with id ${id}`);
  const damage = damageOf(row);
  if (damage) throw new ArshifError('damaged-archive', `Article #${id} in ${archive.path} is damaged (${damage}); the other articles can still be read.`);
  return withSnapshots(archive, row);
}

function withSnapshots(archive: Archive, row: ArticleRow): Article {
  const snapshots = archive.db
    .prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE article_id = ? ORDER BY scraped_on, path`)
    .all(row.id) as SnapshotRow[];
  const numberOf = versionNumbering(archive.db, row.id);
  return {
    ...toSummary(row),
    url: textOf(row.url),
    version: numberOf(row.version_id) ?? 1,
    paragraphs: parseParagraphs(row.paragraphs),
    snapshots: snapshots.map((s) => toSnapshot(s, numberOf)),
  };
}

/** A stored article that could not be read, left out of an iteration. */
export interface DamagedArticle {
  id: number;
  reason: string;
}

/**
 * Every article with its snapshots, in id order, one at a time (constant memory). Damaged articles are
 * skipped and handed to `onDamaged`: one bad row never stops the rest.
 */
export function* iterateArticles(archive: Archive, onDamaged: (damaged: DamagedArticle) => void = () => {}): Generator<Article> {
  const stmt = archive.db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.paragraphs, a.url, ${SHOWN_VERSION} FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT 500`);
  let last = 0;
  for (;;) {
    const rows = stmt.all(last) as ArticleRow[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const damage = damageOf(row);
      if (damage) onDamaged({ id: row.id, reason: damage });
      else yield withSnapshots(archive, row);
    }
    last = rows[rows.length - 1]!.id;
  }
}
