/**
 * The app's addresses, as hash routes: what can be linked, bookmarked and walked with Back/Forward.
 *
 *   #/                                   every article (browse)
 *   #/site/<site>?section=&year=&month=&sort=&edited=1&copies=all   (copies=all: every copy of a story, not one row)
 *   #/search?q=<query>&site=&section=&author=&from=&to=&sort=&all=1   (all=1: earlier wording too)
 *   #/article/<id>?q=<query>             an article (with the words of a search highlighted)
 *   #/ticker/<site>?date=<YYYY-MM-DD>    a site's ticker history (at the month of that day)
 *
 * Anything else is a not-found route, so a mangled link says so instead of showing something else.
 */
import type { ArticleSort, ListSort, SearchSort } from '../../src-main/common/types.js';

export interface BrowseRoute {
  kind: 'browse';
  site: string | null;
  section: string | null;
  year: number | null;
  month: number | null;
  sort: ListSort;
  /** Only articles edited after their first scrape. */
  edited: boolean;
  /** Every copy of a story as its own row (the list folds near-duplicate copies into one row by default). */
  allCopies: boolean;
}

export interface SearchRoute {
  kind: 'search';
  q: string;
  site?: string;
  section?: string;
  author?: string;
  from?: string;
  to?: string;
  sort: SearchSort;
  /** Also earlier wording (versions the article no longer shows). */
  allVersions?: boolean;
}

export interface ArticleRoute {
  kind: 'article';
  id: number;
  q: string | null;
}

export interface TickerRoute {
  kind: 'ticker';
  site: string;
  date: string | null;
}

export interface NotFoundRoute {
  kind: 'not-found';
}

export type Route = BrowseRoute | SearchRoute | ArticleRoute | TickerRoute | NotFoundRoute;

const ARTICLE_SORTS: readonly ArticleSort[] = ['newest', 'oldest', 'most-read'];
const LIST_SORTS: readonly ListSort[] = [...ARTICLE_SORTS, 'most-edited'];
const SEARCH_SORTS: readonly SearchSort[] = ['relevance', ...ARTICLE_SORTS];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 2000;

export const HOME: BrowseRoute = { kind: 'browse', site: null, section: null, year: null, month: null, sort: 'newest', edited: false, allCopies: false };

function int(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function text(value: string | null): string | undefined {
  return value !== null && value.length > 0 && value.length <= MAX_TEXT ? value : undefined;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Reads a location hash ("#/search?q=…"); never throws. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  if (raw === '' || raw === '/') return { ...HOME };
  if (!raw.startsWith('/')) return { kind: 'not-found' };
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const segments = path.split('/').slice(1);
  if (segments[segments.length - 1] === '' && segments.length > 1) segments.pop();
  const [head, ...rest] = segments;

  if (head === '' && rest.length === 0) return browseFrom(null, params);
  if (head === 'site' && rest.length === 1) {
    const site = decode(rest[0]!);
    return site ? browseFrom(site, params) : { kind: 'not-found' };
  }
  if (head === 'search' && rest.length === 0) {
    const sort = params.get('sort') as SearchSort | null;
    const route: SearchRoute = { kind: 'search', q: (params.get('q') ?? '').slice(0, MAX_TEXT), sort: sort && SEARCH_SORTS.includes(sort) ? sort : 'relevance' };
    for (const key of ['site', 'section', 'author'] as const) {
      const value = text(params.get(key));
      if (value !== undefined) route[key] = value;
    }
    for (const key of ['from', 'to'] as const) {
      const value = params.get(key);
      if (value && DAY.test(value)) route[key] = value;
    }
    if (params.get('all') === '1') route.allVersions = true;
    return route;
  }
  if (head === 'article' && rest.length === 1) {
    const id = int(rest[0]!, 1, Number.MAX_SAFE_INTEGER);
    if (id === null) return { kind: 'not-found' };
    return { kind: 'article', id, q: text(params.get('q')) ?? null };
  }
  if (head === 'ticker' && rest.length === 1) {
    const site = decode(rest[0]!);
    const date = params.get('date');
    return site ? { kind: 'ticker', site, date: date && DAY.test(date) ? date : null } : { kind: 'not-found' };
  }
  return { kind: 'not-found' };
}

function browseFrom(site: string | null, params: URLSearchParams): BrowseRoute {
  const sort = params.get('sort') as ListSort | null;
  const year = int(params.get('year'), 1, 9999);
  return {
    kind: 'browse',
    site,
    section: site !== null && params.has('section') ? (params.get('section') ?? '').slice(0, MAX_TEXT) : null,
    year,
    month: year === null ? null : int(params.get('month'), 1, 12),
    sort: sort && LIST_SORTS.includes(sort) ? sort : 'newest',
    edited: params.get('edited') === '1',
    allCopies: params.get('copies') === 'all',
  };
}

function query(entries: Array<[string, string | number | null | undefined]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value !== null && value !== undefined) params.set(key, String(value));
  const s = params.toString().replace(/\+/g, '%20');
  return s ? `?${s}` : '';
}

/** The hash of a route ("#/article/42?q=…"). */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'browse': {
      const path = route.site === null ? '#/' : `#/site/${encodeURIComponent(route.site)}`;
      return (
        path +
        query([
          ['section', route.site === null ? null : route.section],
          ['year', route.year],
          ['month', route.year === null ? null : route.month],
          ['sort', route.sort === 'newest' ? null : route.sort],
          ['edited', route.edited ? 1 : null],
          ['copies', route.allCopies ? 'all' : null],
        ])
      );
    }
    case 'search':
      return (
        '#/search' +
        query([
          ['q', route.q],
          ['site', route.site],
          ['section', route.section],
          ['author', route.author],
          ['from', route.from],
          ['to', route.to],
          ['sort', route.sort === 'relevance' ? null : route.sort],
          ['all', route.allVersions ? 1 : null],
        ])
      );
    case 'article':
      return `#/article/${route.id}${query([['q', route.q]])}`;
    case 'ticker':
      return `#/ticker/${encodeURIComponent(route.site)}${query([['date', route.date]])}`;
    case 'not-found':
      return '#/not-found';
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
