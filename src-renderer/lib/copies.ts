/** The copies of a story (near-duplicate groups): which sites carry it. */
import type { ArticleSummary } from '../../src-main/common/types.js';

/** The distinct sites of the copies, in their order. */
export function copySites(copies: ArticleSummary[]): string[] {
  return [...new Set(copies.map((c) => c.site))];
}
