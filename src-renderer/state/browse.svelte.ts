/**
 * The browse list: filters (site, section, year/month in the chosen calendar, sort) and a paged cache
 * of article summaries, fetched with list({limit, offset}) as rows scroll into view. Only pages near
 * the visible rows are kept. The total is shown only once an answer for the current filters gave it.
 */
import type { ArticleSummary, ListQuery, ListSort } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { hijriMonthRange, hijriYearRange } from '../lib/calendar.js';
import { monthRange, yearRange } from '../lib/dates.js';
import type { BrowseRoute } from '../lib/route.js';
import type { Sequence } from '../lib/sequence.js';
import { describeError } from './toasts.svelte.js';
import { settings } from './settings.svelte.js';
import { t } from './locale.svelte.js';

export const PAGE_SIZE = 100;
const MAX_PAGES_KEPT = 60;
const SETTLE_MS = 50;

export class BrowseState implements Sequence {
  site = $state<string | null>(null);
  section = $state<string | null>(null);
  /** Year and month of the filters, in the calendar of the settings (Hijri years when it is Hijri). */
  year = $state<number | null>(null);
  month = $state<number | null>(null);
  sort = $state<ListSort>('newest');
  /** Only articles edited after their first scrape. */
  edited = $state(false);
  /** Every copy of a story as its own row, instead of one row per story. */
  allCopies = $state(false);

  total = $state(0);
  /** True once an answer for the current filters has arrived: only then is `total` true. */
  ready = $state(false);
  /** Why the first page of the current filters could not be loaded. */
  error = $state<{ text: string; detail?: string } | null>(null);
  /** Bumped whenever a page arrives or fails, so rows re-read the cache. */
  version = $state(0);
  /** Bumped when the filters change: the list starts again from the top. */
  epoch = $state(0);

  /** Where the list was scrolled and which row was active, kept while the reader is open. */
  scrollTop = 0;
  activeIndex = $state(0);

  // Deliberately not reactive: `version` announces changes, so a page arriving re-renders once.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pages = new Map<number, ArticleSummary[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pending = new Map<number, Promise<void>>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private failed = new Set<number>();
  private generation = 0;
  private wanted: [number, number] = [0, 0];
  private timer: ReturnType<typeof setTimeout> | null = null;

  get route(): BrowseRoute {
    return {
      kind: 'browse',
      site: this.site,
      section: this.site === null ? null : this.section,
      year: this.year,
      month: this.month,
      sort: this.sort,
      edited: this.edited,
      allCopies: this.allCopies,
    };
  }

  get query(): ListQuery {
    const q: ListQuery = { sort: this.sort };
    if (this.edited) q.edited = true;
    if (this.allCopies) q.collapse = false;
    if (this.site) q.site = this.site;
    if (this.site && this.section !== null) q.section = this.section;
    if (this.year !== null) {
      const hijri = settings.calendar === 'hijri';
      const range =
        this.month !== null
          ? hijri
            ? hijriMonthRange(this.year, this.month)
            : monthRange(this.year, this.month)
          : hijri
            ? hijriYearRange(this.year)
            : yearRange(this.year);
      Object.assign(q, range);
    }
    return q;
  }

  /** Shows what a route asks for; reloads only when that differs from what is shown. */
  applyRoute(route: BrowseRoute): void {
    const changed =
      route.site !== this.site ||
      route.section !== this.section ||
      route.year !== this.year ||
      route.month !== this.month ||
      route.sort !== this.sort ||
      route.edited !== this.edited ||
      route.allCopies !== this.allCopies;
    this.site = route.site;
    this.section = route.section;
    this.year = route.year;
    this.month = route.month;
    this.sort = route.sort;
    this.edited = route.edited;
    this.allCopies = route.allCopies;
    if (changed || (!this.ready && !this.error)) void this.reload();
  }

  setYear(year: number | null): void {
    this.year = year;
    if (year === null) this.month = null;
    void this.reload();
  }

  setMonth(month: number | null): void {
    this.month = month;
    void this.reload();
  }

  setSort(sort: ListSort): void {
    this.sort = sort;
    void this.reload();
  }

  /** The calendar changed: a year or month of the other calendar means nothing now. */
  clearDates(): void {
    if (this.year === null) return;
    this.year = null;
    this.month = null;
    void this.reload();
  }

  setEdited(edited: boolean): void {
    this.edited = edited;
    void this.reload();
  }

  setAllCopies(all: boolean): void {
    this.allCopies = all;
    void this.reload();
  }

  /** Drops every cached page and loads the first one of the current filters, from the top. */
  async reload(): Promise<void> {
    this.scrollTop = 0;
    this.activeIndex = 0;
    this.epoch++;
    this.ready = false;
    await this.refresh();
  }

  /** Loads again what is shown (after a lost connection, or new articles), keeping the place in the list. */
  async refresh(): Promise<void> {
    this.generation++;
    this.pages.clear();
    this.pending.clear();
    this.failed.clear();
    this.error = null;
    this.version++;
    const [a, b] = this.wanted;
    const first = this.ready ? Math.floor(a / PAGE_SIZE) : 0;
    const last = this.ready ? Math.floor(b / PAGE_SIZE) : 0;
    const loads: Array<Promise<void>> = [this.loadPage(0)];
    for (let p = Math.max(1, first); p <= last; p++) loads.push(this.loadPage(p));
    await Promise.all(loads);
  }

  /** The summary at an index, if its page is here (reactive). */
  row(index: number): ArticleSummary | undefined {
    void this.version;
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** The page of this row could not be loaded (reactive). */
  rowFailed(index: number): boolean {
    void this.version;
    return this.failed.has(Math.floor(index / PAGE_SIZE));
  }

  /** Rows first..last are on screen: fetch their pages once scrolling settles. */
  want(first: number, last: number): void {
    this.wanted = [first, last];
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const [a, b] = this.wanted;
      for (let p = Math.floor(a / PAGE_SIZE); p <= Math.floor(b / PAGE_SIZE); p++) void this.loadPage(p);
    }, SETTLE_MS);
  }

  async at(index: number): Promise<ArticleSummary | null> {
    if (index < 0 || (this.ready && index >= this.total)) return null;
    const page = Math.floor(index / PAGE_SIZE);
    if (!this.pages.has(page)) await this.loadPage(page);
    return this.pages.get(page)?.[index % PAGE_SIZE] ?? null;
  }

  private loadPage(page: number): Promise<void> {
    if (this.pages.has(page)) return Promise.resolve();
    if (this.ready && page * PAGE_SIZE >= this.total && page > 0) return Promise.resolve();
    const existing = this.pending.get(page);
    if (existing) return existing;
    const generation = this.generation;
    const promise = api
      .get('list', { ...this.query, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
      .then((result) => {
        if (generation !== this.generation) return;
        this.pages.set(page, result.articles);
        this.failed.delete(page);
        this.total = result.total;
        this.ready = true;
        this.error = null;
        this.evict(page);
        this.version++;
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        this.failed.add(page);
        if (!this.ready) this.error = describeError(error, t);
        this.version++;
      })
      .finally(() => {
        if (generation === this.generation) this.pending.delete(page);
      });
    this.pending.set(page, promise);
    return promise;
  }

  private evict(near: number): void {
    if (this.pages.size <= MAX_PAGES_KEPT) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const p of far.slice(0, this.pages.size - MAX_PAGES_KEPT)) this.pages.delete(p);
  }
}

export const browse = new BrowseState();
