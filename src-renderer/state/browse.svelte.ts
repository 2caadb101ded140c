/**
 * The browse list: filters (site, section, year/month, sort) and a paged cache of article summaries,
 * fetched with list({limit, offset}) as rows scroll into view. Only pages near the visible rows are kept.
 */
import type { ArticleSummary, ListQuery, ListSort } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { monthRange, yearRange } from '../lib/dates.js';
import type { Sequence } from '../lib/sequence.js';
import { reportError } from './errors.svelte.js';

export const PAGE_SIZE = 100;
const MAX_PAGES_KEPT = 60;
const SETTLE_MS = 50;

export class BrowseState implements Sequence {
  site = $state<string | null>(null);
  section = $state<string | null>(null);
  year = $state<number | null>(null);
  month = $state<number | null>(null);
  sort = $state<ListSort>('newest');
  /** Only articles edited after their first scrape. */
  edited = $state(false);

  total = $state(0);
  /** True once the first page of the current filters has arrived. */
  ready = $state(false);
  error = $state<string | null>(null);
  /** Bumped whenever a page arrives, so rows re-read the cache. */
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
  private generation = 0;
  private wanted: [number, number] = [0, 0];
  private timer: ReturnType<typeof setTimeout> | null = null;

  get query(): ListQuery {
    const q: ListQuery = { sort: this.sort };
    if (this.edited) q.edited = true;
    if (this.site) q.site = this.site;
    if (this.section) q.section = this.section;
    if (this.year !== null) Object.assign(q, this.month !== null ? monthRange(this.year, this.month) : yearRange(this.year));
    return q;
  }

  setSite(site: string | null, section: string | null = null): void {
    this.site = site;
    this.section = section;
    void this.reload();
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

  setEdited(edited: boolean): void {
    this.edited = edited;
    void this.reload();
  }

  /** Drops every cached page and loads the first one of the current filters. */
  async reload(): Promise<void> {
    this.generation++;
    this.epoch++;
    this.pages.clear();
    this.pending.clear();
    this.scrollTop = 0;
    this.activeIndex = 0;
    this.ready = false;
    this.error = null;
    this.version++;
    await this.loadPage(0);
  }

  /** The summary at an index, if its page is here (reactive). */
  row(index: number): ArticleSummary | undefined {
    void this.version;
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
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
        this.total = result.total;
        this.ready = true;
        this.evict(page);
        this.version++;
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        this.error = (error as Error).message;
        this.ready = true;
        reportError(error);
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
