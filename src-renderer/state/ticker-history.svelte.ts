/**
 * The ticker history view: a site's ticker month by month — the calendar of scrape days with their
 * headline counts, one day's headlines, one headline's days and positions, and the headlines that
 * left the ticker early.
 */
import type { TickerHeadlineTrack, TickerHistory, TickerSnapshot } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { monthRange } from '../lib/dates.js';
import { reportError } from './errors.svelte.js';

export class TickerHistoryState {
  site = $state<string | null>(null);
  year = $state(0);
  /** 1–12 */
  month = $state(1);
  history = $state.raw<TickerHistory | null>(null);
  day = $state<string | null>(null);
  snapshot = $state.raw<TickerSnapshot | null>(null);
  track = $state.raw<TickerHeadlineTrack | null>(null);
  loading = $state(false);

  private ticket = 0;

  get monthKey(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}`;
  }

  /** Opens a site's history at the month of `date` (a ticker day), or of its latest ticker day. */
  async open(site: string, date: string | null): Promise<void> {
    this.site = site;
    this.day = null;
    this.snapshot = null;
    this.track = null;
    let at = date;
    if (!at) {
      const latest = await api.call('ticker', { site });
      at = latest.ok ? (latest.value?.date ?? null) : null;
    }
    const day = at ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(Date.now()); // "YYYY-MM-DD"
    this.year = Number(day.slice(0, 4));
    this.month = Number(day.slice(5, 7));
    await this.load();
    if (at && this.history?.days.some((x) => x.date === at)) await this.chooseDay(at);
  }

  async load(): Promise<void> {
    if (!this.site) return;
    const ticket = ++this.ticket;
    this.loading = true;
    const result = await api.call('tickerHistory', { site: this.site, ...monthRange(this.year, this.month) });
    if (ticket !== this.ticket) return;
    this.loading = false;
    if (!result.ok) return reportError(result);
    this.history = result.value;
  }

  /** The previous (-1) or next (+1) month. */
  async step(delta: -1 | 1): Promise<void> {
    const m = this.month + delta;
    this.year += m < 1 ? -1 : m > 12 ? 1 : 0;
    this.month = ((m + 11) % 12) + 1;
    this.day = null;
    this.snapshot = null;
    await this.load();
  }

  async chooseDay(date: string): Promise<void> {
    if (!this.site) return;
    this.day = date;
    const result = await api.call('ticker', { site: this.site, date });
    if (this.day !== date) return;
    if (!result.ok) return reportError(result);
    this.snapshot = result.value;
  }

  /** One headline's days on the ticker, across every month. */
  async follow(headline: string): Promise<void> {
    if (!this.site) return;
    const result = await api.call('tickerHeadline', { site: this.site, headline });
    if (!result.ok) return reportError(result);
    this.track = result.value;
  }
}

export const tickerHistory = new TickerHistoryState();
