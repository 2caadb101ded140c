/**
 * The application root state: which view is shown, the archive's totals, and the wiring between
 * the parts (an import that ends refreshes the list, the ticker and the totals).
 */
import type { ArchiveInfo, ArchiveStats } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import type { Sequence } from '../lib/sequence.js';
import { browse } from './browse.svelte.js';
import { reportError } from './errors.svelte.js';
import { importer } from './importer.svelte.js';
import { reader } from './reader.svelte.js';
import { search } from './search.svelte.js';
import { settings } from './settings.svelte.js';
import { ticker } from './ticker.svelte.js';
import { tickerHistory } from './ticker-history.svelte.js';

export type ListView = 'browse' | 'search';
export type View = { kind: ListView } | { kind: 'reader'; back: ListView } | { kind: 'ticker-history'; back: ListView };

class AppState {
  view = $state.raw<View>({ kind: 'browse' });
  stats = $state.raw<ArchiveStats | null>(null);
  info = $state.raw<ArchiveInfo | null>(null);
  /** Null until the first answer; then whether the archive holds no article yet. */
  starting = $state(true);
  fatal = $state<string | null>(null);
  importOpen = $state(false);
  settingsOpen = $state(false);

  get empty(): boolean {
    return this.stats !== null && this.stats.articles === 0;
  }

  /** The list view the reader goes back to. */
  get listView(): ListView {
    return 'back' in this.view ? this.view.back : this.view.kind;
  }

  private listening = false;

  async start(): Promise<void> {
    if (!this.listening) {
      this.listening = true;
      importer.onEnded = () => void this.afterImport();
      api.on('archiveChanged', (info) => {
        this.info = info;
        void this.contentChanged();
      });
      settings.listen();
    }
    await Promise.all([this.refreshStats(), importer.attach().catch(reportError)]);
    this.starting = false;
    if (!this.fatal) await Promise.all([browse.reload(), ticker.load()]);
  }

  async refreshStats(): Promise<void> {
    const [stats, info] = await Promise.all([api.call('stats', {}), api.call('archiveInfo', {})]);
    if (stats.ok) {
      this.stats = stats.value;
      this.fatal = null;
    } else {
      reportError(stats);
      if (this.stats === null) this.fatal = stats.error.message;
    }
    if (info.ok) this.info = info.value;
  }

  /** New articles arrived (an import ended, another window changed the archive). */
  async contentChanged(): Promise<void> {
    // An import's end and the archiveChanged event arrive together: refresh once for both.
    this.refreshing ??= (async () => {
      await this.refreshStats();
      await Promise.all([browse.reload(), ticker.load(), search.active ? search.run() : Promise.resolve()]);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }
  private refreshing: Promise<void> | null = null;

  /** An import ended: refresh everything; after a first import, show its report in the import dialog. */
  private async afterImport(): Promise<void> {
    const wasEmpty = this.empty;
    await this.contentChanged();
    if (wasEmpty && !this.empty) this.importOpen = true;
  }

  showBrowse(): void {
    reader.close();
    this.view = { kind: 'browse' };
  }

  showSearch(): void {
    reader.close();
    this.view = { kind: 'search' };
  }

  openArticle(id: number, sequence: Sequence | null = null, index: number | null = null): void {
    this.view = { kind: 'reader', back: this.listView };
    void reader.open(id, sequence, index);
  }

  /** From the reader back to the list it came from; the list takes the focus again. */
  back(): void {
    const to = this.listView;
    reader.close();
    this.returning = true;
    this.view = { kind: to };
  }

  /** True once, right after coming back from the reader: the list view should take the focus. */
  takeReturn(): boolean {
    const value = this.returning;
    this.returning = false;
    return value;
  }
  private returning = false;

  /** A site's ticker over time, at the month of `date` (its latest ticker day when null). */
  showTickerHistory(site: string, date: string | null): void {
    reader.close();
    this.view = { kind: 'ticker-history', back: this.listView };
    void tickerHistory.open(site, date);
  }

  /** Searches for a text (a ticker headline without an article). */
  searchFor(text: string): void {
    search.clear();
    search.type(text);
    search.submit();
    this.showSearch();
  }
}

export const app = new AppState();
