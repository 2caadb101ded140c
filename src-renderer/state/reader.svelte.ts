/**
 * The article being read, its related articles, where it sits in the list it was opened from, and —
 * when it was opened from a search — where the search's words are in it (ranges from the engine).
 */
import type { Article, ArticleHighlights, ArticleSummary } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import type { Sequence } from '../lib/sequence.js';
import { describeError } from './toasts.svelte.js';
import { t } from './locale.svelte.js';

export class ReaderState {
  id = $state<number | null>(null);
  article = $state.raw<Article | null>(null);
  related = $state.raw<ArticleSummary[]>([]);
  loading = $state(false);
  error = $state<{ text: string; detail?: string } | null>(null);
  /** The open archive has no article with this id. */
  notFound = $state(false);
  sequence = $state.raw<Sequence | null>(null);
  index = $state<number | null>(null);
  /** The search the article was opened from, and where its words are in the article. */
  query = $state<string | null>(null);
  highlights = $state.raw<ArticleHighlights | null>(null);
  showHighlights = $state(true);

  private ticket = 0;

  get hasPrevious(): boolean {
    return this.sequence !== null && this.index !== null && this.index > 0;
  }

  get hasNext(): boolean {
    return this.sequence !== null && this.index !== null && this.index < this.sequence.total - 1;
  }

  /** Number of marked places (title and text). */
  get matchCount(): number {
    const h = this.highlights;
    return h ? h.title.length + h.paragraphs.reduce((sum, p) => sum + p.length, 0) : 0;
  }

  async open(id: number, sequence: Sequence | null = null, index: number | null = null, query: string | null = null): Promise<void> {
    const ticket = ++this.ticket;
    const sameArticle = id === this.id && this.article?.id === id;
    this.id = id;
    this.sequence = sequence;
    this.index = index;
    this.loading = true;
    this.error = null;
    this.notFound = false;
    if (query !== this.query) this.showHighlights = true;
    this.query = query;
    if (!sameArticle) {
      this.related = [];
      this.highlights = null;
    }
    const [shown, related, marks] = await Promise.all([
      api.call('show', { id }),
      api.call('related', { id, limit: 6 }),
      query ? api.call('articleHighlights', { id, query }) : Promise.resolve(null),
    ]);
    if (ticket !== this.ticket) return;
    this.loading = false;
    if (!shown.ok) {
      this.article = null;
      this.notFound = shown.error.code === 'not-found';
      this.error = this.notFound ? null : describeError(shown, t);
      return;
    }
    this.article = shown.value;
    // Related articles and highlights are niceties: a failure leaves them out.
    this.related = related.ok ? related.value.filter((r) => r.id !== id) : [];
    this.highlights = marks?.ok && marks.value.paragraphs.length === shown.value.paragraphs.length ? marks.value : null;
  }

  /** Loads the same article again (after an error or a lost connection). */
  reload(): Promise<void> {
    return this.id === null ? Promise.resolve() : this.open(this.id, this.sequence, this.index, this.query);
  }

  /** Moves to the previous (-1) or next (+1) article of the list it was opened from. */
  async step(delta: -1 | 1): Promise<number | null> {
    const sequence = this.sequence;
    const index = this.index;
    if (!sequence || index === null) return null;
    const target = index + delta;
    if (target < 0 || target >= sequence.total) return null;
    let summary: ArticleSummary | null;
    try {
      summary = await sequence.at(target);
    } catch (error) {
      this.error = describeError(error, t);
      return null;
    }
    if (!summary) return null;
    await this.open(summary.id, sequence, target, this.query);
    return summary.id;
  }

  close(): void {
    this.ticket++;
    this.id = null;
    this.article = null;
    this.related = [];
    this.error = null;
    this.notFound = false;
    this.loading = false;
    this.highlights = null;
  }
}

export const reader = new ReaderState();
