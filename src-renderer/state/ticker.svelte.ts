/** The headline ticker: the latest snapshot by default, and a walk through every stored day of every site. */
import type { TickerDays, TickerSnapshot } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { reportError } from './errors.svelte.js';

export class TickerState {
  days = $state.raw<TickerDays[]>([]);
  snapshot = $state.raw<TickerSnapshot | null>(null);
  site = $state<string | null>(null);
  date = $state<string | null>(null);
  loading = $state(false);
  /** The reader stopped the motion: the band becomes a still, scrollable list. */
  still = $state(false);

  private ticket = 0;

  /** Days of the chosen site, newest first. */
  get dates(): string[] {
    return this.days.find((d) => d.site === this.site)?.dates ?? [];
  }

  get sites(): string[] {
    return this.days.map((d) => d.site);
  }

  get dateIndex(): number {
    return this.date ? this.dates.indexOf(this.date) : -1;
  }

  /** Loads the day list and the latest snapshot (of the chosen site, if one is chosen and still there). */
  async load(): Promise<void> {
    try {
      const days = await api.get('tickerDays', {});
      this.days = days;
      const keepSite = this.site && days.some((d) => d.site === this.site) ? this.site : null;
      await this.choose(keepSite, null);
    } catch (error) {
      reportError(error);
    }
  }

  /** Shows a site's day; no site means the most recent ticker of any site, no date that site's latest day. */
  async choose(site: string | null, date: string | null): Promise<void> {
    const ticket = ++this.ticket;
    this.loading = true;
    const args: { site?: string; date?: string } = {};
    if (site) args.site = site;
    if (date) args.date = date;
    const result = await api.call('ticker', args);
    if (ticket !== this.ticket) return;
    this.loading = false;
    if (!result.ok) {
      reportError(result);
      return;
    }
    this.snapshot = result.value;
    this.site = result.value?.site ?? site;
    this.date = result.value?.date ?? date;
  }

  /** Older (+1) or newer (-1) day of the same site. */
  step(delta: 1 | -1): void {
    const i = this.dateIndex;
    const target = this.dates[i + delta];
    if (i >= 0 && target) void this.choose(this.site, target);
  }
}

export const ticker = new TickerState();
