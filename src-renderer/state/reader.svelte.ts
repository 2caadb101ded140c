/** The article being read, its related articles, and where it sits in the list it was opened from. */
import type { ArticleSummary, ArticleWithCopies } from '../../src-main/common/types.js';
import { api, ApiFailure } from '../lib/api.js';
import type { Sequence } from '../lib/sequence.js';
import { errorCodeKey } from './toasts.svelte.js';
import { t } from './locale.svelte.js';

export class ReaderState {
  id = $state<number | null>(null);
  article = $state.raw<ArticleWithCopies | null>(null);
  related = $state.raw<ArticleSummary[]>([]);
  loading = $state(false);
  error = $state<{ text: string; detail?: string } | null>(null);
  sequence = $state.raw<Sequence | null>(null);
  index = $state<number | null>(null);

  private ticket = 0;

  get hasPrevious(): boolean {
    return this.sequence !== null && this.index !== null && this.index > 0;
  }

  get hasNext(): boolean {
    return this.sequence !== null && this.index !== null && this.index < this.sequence.total - 1;
  }

  async open(id: number, sequence: Sequence | null = null, index: number | null = null): Promise<void> {
    const ticket = ++this.ticket;
    this.id = id;
    this.sequence = sequence;
    this.index = index;
    this.loading = true;
    this.error = null;
    this.related = [];
    const [shown, related] = await Promise.all([api.call('show', { id }), api.call('related', { id, limit: 6 })]);
    if (ticket !== this.ticket) return;
    this.loading = false;
    if (!shown.ok) {
      this.article = null;
      this.error = { text: t(errorCodeKey(shown.error.code)), detail: shown.error.message };
      return;
    }
    this.article = shown.value;
    // Related articles are a nicety: a failure (or a missing search module) leaves the list empty.
    this.related = related.ok ? related.value.filter((r) => r.id !== id) : [];
  }

  /** Moves to the previous (-1) or next (+1) article of the list it was opened from. */
  async step(delta: -1 | 1): Promise<boolean> {
    const sequence = this.sequence;
    const index = this.index;
    if (!sequence || index === null) return false;
    const target = index + delta;
    if (target < 0 || target >= sequence.total) return false;
    let summary: ArticleSummary | null;
    try {
      summary = await sequence.at(target);
    } catch (error) {
      this.error = { text: t(error instanceof ApiFailure ? errorCodeKey(error.code) : 'err_internal'), detail: (error as Error).message };
      return false;
    }
    if (!summary) return false;
    await this.open(summary.id, sequence, target);
    return true;
  }

  close(): void {
    this.ticket++;
    this.id = null;
    this.article = null;
    this.related = [];
    this.error = null;
    this.loading = false;
  }
}

export const reader = new ReaderState();
