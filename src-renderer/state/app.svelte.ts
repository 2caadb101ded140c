/**
 * The application root state: which view is shown (from the address: lib/route.ts), the archive's
 * totals, and the wiring between the parts (an import that ends refreshes the list, the ticker and the
 * totals; a connection that comes back reloads every view).
 */
import type { ArchiveInfo, ArchiveStats } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { HOME, type BrowseRoute, type Route, type SearchRoute } from '../lib/route.js';
import type { Sequence } from '../lib/sequence.js';
import { browse } from './browse.svelte.js';
import { connection } from './connection.svelte.js';
import { reportError } from './errors.svelte.js';
import { importer } from './importer.svelte.js';
import { reader } from './reader.svelte.js';
import { router } from './router.svelte.js';
import { search } from './search.svelte.js';
import { settings } from './settings.svelte.js';
import { ticker } from './ticker.svelte.js';
import { tickerHistory } from './ticker-history.svelte.js';

export type ListView = 'browse' | 'search';
export type ViewKind = ListView | 'reader' | 'ticker-history' | 'not-found';

class AppState {
  view = $state<ViewKind>('browse');
  stats = $state.raw<ArchiveStats | null>(null);
  info = $state.raw<ArchiveInfo | null>(null);
  /** True until the first answer about the archive. */
  starting = $state(true);
  fatal = $state<{ text: string; detail?: string } | null>(null);
  importOpen = $state(false);
  settingsOpen = $state(false);
  /** The sites drawer of narrow windows. */
  navOpen = $state(false);
  /** The list view the reader goes back to, and its address. */
  listView = $state<ListView>('browse');
  private listRoute: BrowseRoute | SearchRoute = HOME;
  /** The browse list to show when the search ends (a site chosen during the search). */
  private browseNext: BrowseRoute | null = null;

  get empty(): boolean {
    return this.stats !== null && this.stats.articles === 0;
  }

  private listening = false;
  /** The list (and place in it) the next article route was opened from. */
  private opening: { id: number; sequence: Sequence | null; index: number | null } | null = null;

  async start(): Promise<void> {
    if (!this.listening) {
      this.listening = true;
      importer.onEnded = () => void this.afterImport();
      api.on('archiveChanged', (info) => {
        this.info = info;
        void this.contentChanged();
      });
      settings.listen();
      connection.onRestored = () => void this.reloadAll();
      connection.start();
    }
    await Promise.all([this.refreshStats(), importer.attach().catch(reportError)]);
    this.starting = false;
    router.start((route) => this.applyRoute(route));
    if (!this.fatal) void ticker.load();
  }

  async refreshStats(): Promise<void> {
    const [stats, info] = await Promise.all([api.call('stats', {}), api.call('archiveInfo', {})]);
    if (stats.ok) {
      this.stats = stats.value;
      this.fatal = null;
    } else {
      reportError(stats);
      if (this.stats === null) this.fatal = { text: stats.error.code === 'unreachable' ? 'offline' : 'error', detail: stats.error.message };
    }
    if (info.ok) this.info = info.value;
  }

  /** Shows what an address asks for. */
  applyRoute(route: Route): void {
    const from = this.view;
    switch (route.kind) {
      case 'browse':
        if (search.active) search.clear();
        reader.close();
        browse.applyRoute(route);
        this.listRoute = route;
        this.listView = 'browse';
        this.returning = from === 'reader';
        this.view = 'browse';
        break;
      case 'search':
        reader.close();
        search.applyRoute(route);
        this.listRoute = route;
        this.listView = 'search';
        this.returning = from === 'reader';
        this.view = 'search';
        break;
      case 'article': {
        const context = this.opening?.id === route.id ? this.opening : null;
        this.opening = null;
        const keep = reader.id === route.id && reader.sequence !== null && !context;
        void reader.open(route.id, context ? context.sequence : keep ? reader.sequence : null, context ? context.index : keep ? reader.index : null, route.q);
        this.view = 'reader';
        break;
      }
      case 'ticker':
        reader.close();
        this.view = 'ticker-history';
        void tickerHistory.open(route.site, route.date);
        break;
      case 'not-found':
        reader.close();
        this.view = 'not-found';
        break;
    }
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

  /** The connection came back: every view loads again what it shows, in place. */
  async reloadAll(): Promise<void> {
    await this.refreshStats();
    await Promise.all([
      browse.refresh(),
      ticker.load(),
      search.active ? search.run() : Promise.resolve(),
      this.view === 'reader' ? reader.reload() : Promise.resolve(),
      importer.attach().catch(reportError),
    ]);
  }

  /** An import ended: refresh everything; after a first import, show its report in the import dialog. */
  private async afterImport(): Promise<void> {
    const wasEmpty = this.empty;
    await this.contentChanged();
    if (wasEmpty && !this.empty) this.importOpen = true;
  }

  /** Every article of every site (the app name in the header). */
  home(): void {
    router.go(HOME);
  }

  /**
   * A site or section chosen in the sidebar. Browsing, it shows that site's articles; during a search
   * it narrows the search to that site (the search box keeps its words, a filter chip shows the site),
   * and the browse list follows, so clearing the search shows the same site.
   */
  chooseSite(site: string | null, section: string | null = null): void {
    this.navOpen = false;
    const scope: BrowseRoute = { ...browse.route, site, section: site === null ? null : section };
    if (this.listView === 'search' && search.active && this.view !== 'not-found') {
      this.browseNext = scope;
      search.setScope(site, scope.section);
      router.go({ ...search.route });
      return;
    }
    this.browseNext = null;
    router.go(scope);
  }

  openArticle(id: number, sequence: Sequence | null = null, index: number | null = null): void {
    this.opening = { id, sequence, index };
    const fromList = this.view === 'browse' || this.view === 'search';
    router.go({ kind: 'article', id, q: this.view === 'search' && search.answered ? search.answered : this.view === 'reader' ? reader.query : null }, { fromList });
  }

  /** From the reader or the ticker history back to the list it came from (Back, when the list is the previous entry); the list takes the focus again. */
  back(): void {
    if ((this.view === 'reader' || this.view === 'ticker-history') && router.openedFromList) history.back();
    else router.go(this.listRoute);
  }

  /** True once, right after coming back from the reader: the list view should take the focus. */
  takeReturn(): boolean {
    const value = this.returning;
    this.returning = false;
    return value;
  }
  private returning = false;

  /**
   * Starts a search from the search box (a new place in the history), over the whole archive: the
   * sidebar shows "all sites" as current, and choosing a site there narrows the search.
   */
  beginSearch(text: string): void {
    this.browseNext = null;
    // The text is already being typed (and its search scheduled): the route only records it.
    search.filters = {};
    router.go({ kind: 'search', q: text, sort: search.sort });
  }

  /** The search box was emptied: back to browsing. */
  endSearch(): void {
    search.clear();
    const next = this.browseNext ?? browse.route;
    this.browseNext = null;
    router.go(next);
  }

  /** A site's ticker over time, at the month of `date` (its latest ticker day when null). */
  showTickerHistory(site: string, date: string | null): void {
    router.go({ kind: 'ticker', site, date }, { fromList: this.view === 'browse' || this.view === 'search' });
  }

  /** Searches for a text (a ticker headline without an article). */
  searchFor(text: string): void {
    router.go({ kind: 'search', q: text, sort: 'relevance' });
  }
}

export const app = new AppState();
