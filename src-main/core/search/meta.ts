// A compact in-memory copy of the article columns that facets, sorts, filters and near-duplicate
// groups need, one per database connection. It turns "group 60,000 hits by site, section, author,
// year and month" into a loop over typed arrays (about a millisecond) instead of 60,000 row lookups,
// and lets non-relevance sorts pick their page without sorting the hits.
//
// Freshness: the key is PRAGMA data_version (changes when another connection commits) plus this
// connection's total_changes() (changes when it writes itself), both read on every search. When the
// archive changed, only the articles an import added or touched are read again (ids above the last
// one seen, or articles.updated_import at or above the last import seen: migration 5 indexes it), so
// the first search after an import commit costs milliseconds, not a reload of every article. Sort
// orders and filter bitmaps are rebuilt on first use after a change.

import type Database from 'better-sqlite3';
import type { ArticleSort, Calendar, SearchQuery } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { ORDER_BY, articleFilter } from '../archive/articles.js';
import { DayMonthIndex, type DayMonths } from './day-months.js';
import { parseIdList } from './statements.js';

/** Interned values of one text column: codes[id] is an index into names, or -1 (null/absent). */
export interface Column {
  names: string[];
  codes: Int32Array;
}

export type FilterFields = Pick<SearchQuery, 'site' | 'section' | 'author' | 'from' | 'to' | 'minReads'>;

export interface ArchiveMeta {
  /** Largest article id + 1: the length of every per-id array. */
  size: number;
  articles: number;
  site: Column;
  section: Column;
  author: Column;
  /** "YYYY-MM-DD" of publishedAt (its first ten characters: a date without its day stays "YYYY-MM"). */
  day: Column;
  /** The month of each day (codes of `day`) in a calendar, converted once per distinct day. */
  monthsOf(calendar: Calendar): DayMonths;
  /** Length of each title in UTF-16 units (capped at 65535), and the average over all articles. */
  titleLength: Uint16Array;
  averageTitleLength: number;
  /** Near-duplicate group of each article (core/archive/groups.ts: the label, an article id), or -1. */
  group: Int32Array;
  /** Every article of a group, in id order (empty for -1). */
  groupMembers(label: number): readonly number[];
  /** Article ids in the order of each sort (built on first use). */
  orderOf(sort: ArticleSort): Int32Array;
  /** Bitmap over ids of the articles passing the filters (null when there are no filters). */
  allowed(filters: FilterFields): Uint8Array | null;
}

interface CacheEntry {
  key: string;
  meta: ArchiveMeta;
  state: LoadState;
}

const cache = new WeakMap<Database.Database, CacheEntry>();
const MAX_FILTER_BITMAPS = 16;

function versionKey(db: Database.Database): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes() AS n').pluck().get() as number;
  return `${dataVersion}:${changes}`;
}

/** A growable interned column. */
class Interned {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  codes: Int32Array;

  constructor(size: number) {
    this.codes = new Int32Array(size).fill(-1);
  }

  grow(size: number): void {
    if (size <= this.codes.length) return;
    const codes = new Int32Array(size).fill(-1);
    codes.set(this.codes);
    this.codes = codes;
  }

  set(id: number, value: string | null): void {
    if (value === null || value === '') {
      this.codes[id] = -1;
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(value);
      this.index.set(value, code);
    }
    this.codes[id] = code;
  }

  get column(): Column {
    return { names: this.names, codes: this.codes };
  }
}

/** What a connection has loaded so far: the arrays (grown in place) and where the next refresh starts. */
interface LoadState {
  size: number;
  maxId: number;
  /** Imports at or above this id are read again on refresh (the last one may still be running). */
  fromImport: number;
  site: Interned;
  section: Interned;
  author: Interned;
  day: Interned;
  dayMonths: Record<Calendar, DayMonthIndex>;
  titleLength: Uint16Array;
  titleChars: number;
  group: Int32Array;
}

type MetaRow = [number, string, string | null, string | null, string | null, number, number | null];

/** Read from the covering index articles_meta (migration 008), never from the large rows: keep the two in step. */
const COLUMNS = 'id, site, section, author, substr(published_at, 1, 10), length(title), group_id';
export const META_QUERY = `SELECT ${COLUMNS} FROM articles`;

/** The day of a publication time: "YYYY-MM-DD", else its month "YYYY-MM" (counted in the Gregorian timeline only), else null. */
function dayOf(prefix: string | null): string | null {
  if (prefix === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(prefix)) return prefix;
  const month = prefix.slice(0, 7);
  return /^\d{4}-\d{2}$/.test(month) ? month : null;
}

function emptyState(): LoadState {
  return {
    size: 0,
    maxId: 0,
    fromImport: 0,
    site: new Interned(0),
    section: new Interned(0),
    author: new Interned(0),
    day: new Interned(0),
    dayMonths: { gregorian: new DayMonthIndex('gregorian'), hijri: new DayMonthIndex('hijri') },
    titleLength: new Uint16Array(0),
    titleChars: 0,
    group: new Int32Array(0),
  };
}

function grow(state: LoadState, size: number): void {
  if (size <= state.size) return;
  for (const column of [state.site, state.section, state.author, state.day]) column.grow(size);
  const titleLength = new Uint16Array(size);
  titleLength.set(state.titleLength);
  state.titleLength = titleLength;
  const group = new Int32Array(size).fill(-1);
  group.set(state.group);
  state.group = group;
  state.size = size;
}

function apply(state: LoadState, rows: Iterable<MetaRow>): void {
  for (const [id, site, section, author, day, length, group] of rows) {
    if (id >= state.size) continue;
    state.titleChars += Math.min(length, 65535) - (state.titleLength[id] ?? 0);
    state.titleLength[id] = Math.min(length, 65535);
    state.site.set(id, site);
    state.section.set(id, section);
    state.author.set(id, author);
    state.day.set(id, dayOf(day));
    state.group[id] = group ?? -1;
    // A copy's arrival labels its first copy too (groups.ts: the label is that article's id).
    if (group !== null && group >= 0 && group < state.size) state.group[group] = group;
  }
}

/** Reads everything (first use), or only what changed since `state` was loaded. */
function load(db: Database.Database, state: LoadState): void {
  const bounds = db.prepare('SELECT coalesce(max(id), 0) AS maxId FROM articles').get() as { maxId: number };
  const lastImport = db.prepare('SELECT coalesce(max(id), 0) FROM imports').pluck().get() as number;
  const first = state.size === 0;
  grow(state, bounds.maxId + 1);
  const rows = first
    ? db.prepare(META_QUERY)
    : db.prepare(`SELECT ${COLUMNS} FROM articles WHERE id > ? UNION SELECT ${COLUMNS} FROM articles WHERE updated_import >= ?`);
  apply(state, (first ? rows.raw().iterate() : rows.raw().iterate(state.maxId, state.fromImport)) as IterableIterator<MetaRow>);
  state.maxId = bounds.maxId;
  state.fromImport = lastImport;
}

function snapshot(db: Database.Database, state: LoadState): ArchiveMeta {
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const size = state.size;
  const orders = new Map<ArticleSort, Int32Array>();
  const bitmaps = new Map<string, Uint8Array>();
  let members: Map<number, number[]> | null = null;
  const day = state.day.column;
  const dayMonths = state.dayMonths;
  const group = state.group;
  return {
    size,
    articles,
    site: state.site.column,
    section: state.section.column,
    author: state.author.column,
    day,
    monthsOf: (calendar) => dayMonths[calendar].of(day.names),
    titleLength: state.titleLength,
    averageTitleLength: articles > 0 ? Math.max(1, state.titleChars / articles) : 1,
    group,
    groupMembers(label) {
      if (label < 0) return [];
      if (members === null) {
        members = new Map();
        for (let id = 0; id < size; id++) {
          const g = group[id]!;
          if (g < 0) continue;
          let list = members.get(g);
          if (!list) members.set(g, (list = []));
          list.push(id);
        }
      }
      return members.get(label) ?? [];
    },
    orderOf(sort) {
      let order = orders.get(sort);
      if (!order) {
        order = parseIdList(db.prepare(`SELECT group_concat(a.id, ',' ORDER BY ${ORDER_BY[sort]}) FROM articles a`).pluck().get() as string | null);
        orders.set(sort, order);
      }
      return order;
    },
    allowed(filters) {
      const { where, params } = articleFilter(filters);
      if (where.length === 0) return null;
      const key = JSON.stringify(params);
      let bitmap = bitmaps.get(key);
      if (!bitmap) {
        bitmap = new Uint8Array(size);
        const list = db.prepare(`SELECT group_concat(a.id) FROM articles a WHERE ${where.join(' AND ')}`).pluck().get(params) as string | null;
        const ids = parseIdList(list);
        for (let i = 0; i < ids.length; i++) if (ids[i]! < size) bitmap[ids[i]!] = 1;
        if (bitmaps.size >= MAX_FILTER_BITMAPS) bitmaps.delete(bitmaps.keys().next().value as string);
        bitmaps.set(key, bitmap);
      }
      return bitmap;
    },
  };
}

/** The metadata of the archive as it is now (cached per connection; refreshed incrementally when the archive changes). */
export function archiveMeta(archive: Archive): ArchiveMeta {
  const db = archive.db;
  const key = versionKey(db);
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.meta;
  const state = hit?.state ?? emptyState();
  load(db, state);
  const meta = snapshot(db, state);
  // Reading does not change total_changes, so the key read before loading is still current.
  cache.set(db, { key, meta, state });
  return meta;
}
