/**
 * Search as you type: debounced, and every answer that is not for the latest request is dropped.
 * Results are kept as raw (non-deep) state: a page of hits is replaced, never mutated.
 */
import type { ArticleSummary, Calendar, CountBucket, SearchHit, SearchQuery, SearchResult, SearchSort } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { hijriMonthRange, hijriYearRange, parseMonthKey } from '../lib/calendar.js';
import { rangeOfMonthKey, yearRange } from '../lib/dates.js';
import type { SearchRoute } from '../lib/route.js';
import type { Sequence } from '../lib/sequence.js';
import { describeError } from './toasts.svelte.js';
import { t } from './locale.svelte.js';
import { settings } from './settings.svelte.js';

export const SEARCH_PAGE = 30;
// Long enough to skip the words in between while someone types, short enough to feel immediate.
export const DEBOUNCE_MS = 100;

export type FacetField = 'site' | 'section' | 'author' | 'year';

export interface SearchFilters {
  site?: string;
  section?: string;
  author?: string;
  from?: string;
  to?: string;
}

export class SearchState implements Sequence {
  text = $state('');
  filters = $state<SearchFilters>({});
  sort = $state<SearchSort>('relevance');
  /** Also match the earlier wording of edited articles. */
  allVersions = $state(false);

  result = $state.raw<SearchResult | null>(null);
  hits = $state.raw<SearchHit[]>([]);
  loading = $state(false);
  loadingMore = $state(false);
  error = $state<{ text: string; detail?: string } | null>(null);
  /** The text the current results answer. */
  answered = $state('');
  /**
   * The month histogram shown above the results. While a date filter narrows the results, it keeps
   * the histogram of the same search without that filter, so the chosen month can be changed or undone.
   */
  timeline = $state.raw<CountBucket[]>([]);
  /** The calendar the engine counted `timeline` in (the answer says it). */
  timelineCalendar = $state<Calendar>('gregorian');
  private timelineKey = '';

  /** The hit last opened in the reader, to give it the focus back. */
  lastOpened = 0;

  private latest = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  get total(): number {
    return this.result?.total ?? 0;
  }

  get active(): boolean {
    return this.text.trim().length > 0;
  }

  get hasFilters(): boolean {
    return Object.values(this.filters).some((v) => v !== undefined && v !== '');
  }

  get route(): SearchRoute {
    const r: SearchRoute = { kind: 'search', q: this.text, sort: this.sort };
    for (const [k, v] of Object.entries(this.filters) as Array<[keyof SearchFilters, string | undefined]>) if (v) r[k] = v;
    if (this.allVersions) r.allVersions = true;
    return r;
  }

  /** Shows what a route asks for (a link, Back/Forward); searches at once when that differs from what is shown. */
  applyRoute(route: SearchRoute): void {
    const filters: SearchFilters = {};
    for (const key of ['site', 'section', 'author', 'from', 'to'] as const) if (route[key]) filters[key] = route[key];
    const allVersions = route.allVersions === true;
    const same =
      route.q === this.text && route.sort === this.sort && allVersions === this.allVersions && JSON.stringify(filters) === JSON.stringify(this.filters);
    this.text = route.q;
    this.filters = filters;
    this.sort = route.sort;
    this.allVersions = allVersions;
    // Typing that is still waiting for its pause searches then; anything else searches now.
    if (!same || (this.result === null && !this.loading && !this.error && this.timer === null)) this.submit();
  }

  /** Narrows the results to a site or section (the sidebar during a search), or widens back to all sites. */
  setScope(site: string | null, section: string | null): void {
    const next: SearchFilters = { ...this.filters };
    delete next.site;
    delete next.section;
    if (site) next.site = site;
    if (site && section !== null) next.section = section;
    this.filters = next;
    this.submit();
  }

  get query(): SearchQuery {
    const q: SearchQuery = { query: this.text.trim(), sort: this.sort };
    if (this.allVersions) q.allVersions = true;
    // The timeline and the year facet in the reader's calendar; the filters stay Gregorian days.
    if (settings.calendar === 'hijri') q.calendar = 'hijri';
    for (const [k, v] of Object.entries(this.filters) as Array<[keyof SearchFilters, string | undefined]>) if (v) q[k] = v;
    return q;
  }

  /** New text from the search box: searched after a short pause. */
  type(text: string): void {
    this.text = text;
    this.schedule(DEBOUNCE_MS);
  }

  /** Runs now (Enter, a facet click, a sort change). */
  submit(): void {
    this.schedule(0);
  }

  clear(): void {
    this.text = '';
    this.filters = {};
    this.latest++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.result = null;
    this.hits = [];
    this.loading = false;
    this.error = null;
    this.answered = '';
    this.timeline = [];
    this.timelineKey = '';
  }

  setSort(sort: SearchSort): void {
    this.sort = sort;
    this.submit();
  }

  setAllVersions(all: boolean): void {
    this.allVersions = all;
    this.submit();
  }

  /** Toggles a facet: clicking the active value removes it. A year is Gregorian unless `hijri` (the calendar the engine counted it in). */
  toggleFacet(field: FacetField, value: string, hijri = false): void {
    const next: SearchFilters = { ...this.filters };
    if (field === 'year') {
      const range = hijri ? hijriYearRange(Number(value)) : yearRange(Number(value));
      if (next.from === range.from && next.to === range.to) {
        delete next.from;
        delete next.to;
      } else Object.assign(next, range);
    } else if (next[field] === value) delete next[field];
    else next[field] = value;
    this.filters = next;
    this.submit();
  }

  /** A month bar of the timeline (a month of `calendar`): narrows to its days, or widens back when it is already chosen. */
  toggleMonth(key: string, calendar: Calendar = 'gregorian'): void {
    const hijri = calendar === 'hijri' ? parseMonthKey(key) : null;
    const range = calendar === 'hijri' ? hijri && hijriMonthRange(hijri.year, hijri.month) : rangeOfMonthKey(key);
    if (!range) return;
    const next: SearchFilters = { ...this.filters };
    if (next.from === range.from && next.to === range.to) {
      delete next.from;
      delete next.to;
    } else Object.assign(next, range);
    this.filters = next;
    this.submit();
  }

  removeFilter(field: keyof SearchFilters | 'dates'): void {
    const next: SearchFilters = { ...this.filters };
    if (field === 'dates' || field === 'from' || field === 'to') {
      delete next.from;
      delete next.to;
    } else delete next[field];
    this.filters = next;
    this.submit();
  }

  clearFilters(): void {
    this.filters = {};
    this.submit();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  /** Runs the current query; an answer to an older request is ignored. */
  async run(): Promise<void> {
    const query = this.query;
    const ticket = ++this.latest;
    if (!query.query) {
      this.result = null;
      this.hits = [];
      this.loading = false;
      this.answered = '';
      return;
    }
    this.loading = true;
    const answer = await api.call('search', { ...query, limit: SEARCH_PAGE, offset: 0 });
    if (ticket !== this.latest) return;
    this.loading = false;
    if (answer.ok) {
      const { from, to, sort: _sort, ...rest } = query;
      const key = JSON.stringify(rest);
      if ((!from && !to) || key !== this.timelineKey) {
        this.timeline = answer.value.timeline;
        this.timelineCalendar = answer.value.calendar === 'hijri' ? 'hijri' : 'gregorian';
        this.timelineKey = from || to ? '' : key;
      }
      this.result = answer.value;
      this.hits = answer.value.hits;
      this.error = null;
      this.answered = query.query;
    } else {
      this.result = null;
      this.hits = [];
      this.error = describeError(answer, t);
    }
  }

  /** Appends the next page of hits. */
  async more(): Promise<boolean> {
    const result = this.result;
    if (!result || this.hits.length >= result.total || this.loadingMore) return false;
    const ticket = this.latest;
    this.loadingMore = true;
    const answer = await api.call('search', { ...this.query, limit: SEARCH_PAGE, offset: this.hits.length });
    this.loadingMore = false;
    if (ticket !== this.latest || !answer.ok) return false;
    this.hits = [...this.hits, ...answer.value.hits];
    return true;
  }

  async at(index: number): Promise<ArticleSummary | null> {
    if (index < 0 || index >= this.total) return null;
    while (index >= this.hits.length) if (!(await this.more())) return null;
    return this.hits[index] ?? null;
  }
}

export const search = new SearchState();
