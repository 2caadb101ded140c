/**
 * The versions of the article in the reader: its list of versions (each distinct text, with the
 * snapshots that carried it), and what the reader shows in place of the article's text — one
 * version's text, or the diff between two versions.
 */
import type { ArticleVersion, ArticleVersions, VersionDiff } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { reportError } from './errors.svelte.js';

export type VersionPane = 'article' | 'version' | 'diff';
export type DiffLayout = 'inline' | 'side';

interface Pending {
  articleId: number;
  diffFrom: number;
}

export class VersionsState {
  articleId = $state<number | null>(null);
  list = $state.raw<ArticleVersions | null>(null);
  pane = $state<VersionPane>('article');
  version = $state.raw<ArticleVersion | null>(null);
  diff = $state.raw<VersionDiff | null>(null);
  layout = $state<DiffLayout>('inline');
  exact = $state(false);
  loading = $state(false);

  private pending: Pending | null = null;
  private ticket = 0;

  get count(): number {
    return this.list?.versions.length ?? 0;
  }

  /** The number of the version the article shows. */
  get shownNumber(): number | null {
    return this.list?.versions.find((v) => v.shown)?.number ?? null;
  }

  /** Asks for the diff from version `diffFrom` to the shown one as soon as that article opens (a hit in earlier wording). */
  request(articleId: number, diffFrom: number): void {
    this.pending = { articleId, diffFrom };
  }

  /** The reader opened an article: back to its text, and its versions loaded. */
  async attach(articleId: number): Promise<void> {
    if (this.articleId === articleId) return;
    const ticket = ++this.ticket;
    this.articleId = articleId;
    this.pane = 'article';
    this.version = null;
    this.diff = null;
    this.list = null;
    const pending = this.pending?.articleId === articleId ? this.pending : null;
    this.pending = null;
    const result = await api.call('versions', { id: articleId });
    if (ticket !== this.ticket) return;
    if (!result.ok) return reportError(result);
    this.list = result.value;
    if (pending) await this.showDiff(pending.diffFrom, this.shownNumber ?? undefined);
  }

  detach(): void {
    this.ticket++;
    this.articleId = null;
    this.list = null;
    this.pane = 'article';
    this.version = null;
    this.diff = null;
  }

  showArticle(): void {
    this.pane = 'article';
  }

  /** One version's own text in place of the article's. */
  async showVersion(n: number): Promise<void> {
    const id = this.articleId;
    if (id === null) return;
    const ticket = ++this.ticket;
    this.loading = true;
    const result = await api.call('version', { id, version: n });
    if (ticket !== this.ticket) return;
    this.loading = false;
    if (!result.ok) return reportError(result);
    this.version = result.value;
    this.pane = 'version';
  }

  /** The diff between two versions (defaults: the first against the shown one). */
  async showDiff(from?: number, to?: number): Promise<void> {
    const id = this.articleId;
    if (id === null) return;
    const ticket = ++this.ticket;
    this.loading = true;
    const args: { id: number; from?: number; to?: number; mode: 'words' | 'exact' } = { id, mode: this.exact ? 'exact' : 'words' };
    if (from !== undefined) args.from = from;
    if (to !== undefined) args.to = to;
    const result = await api.call('diff', args);
    if (ticket !== this.ticket) return;
    this.loading = false;
    if (!result.ok) return reportError(result);
    this.diff = result.value;
    this.pane = 'diff';
  }

  setExact(exact: boolean): void {
    this.exact = exact;
    if (this.diff) void this.showDiff(this.diff.from, this.diff.to);
  }
}

export const versions = new VersionsState();
