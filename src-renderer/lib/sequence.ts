import type { ArticleSummary } from '../../src-main/common/types.js';

/** A list the reader can walk with previous/next: the browse list or the search results. */
export interface Sequence {
  readonly total: number;
  /** The summary at an index, loading it if needed; null past either end. */
  at(index: number): Promise<ArticleSummary | null>;
}
