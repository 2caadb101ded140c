/**
 * Where the service gets search and related-articles from. Kept in one place so the rest of the
 * service does not depend on how the search module is laid out.
 */
import { ArshifError } from '../../common/result.js';
import type { ArticleSummary, SearchQuery, SearchResult } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';

export function searchArchive(_archive: Archive, _query: SearchQuery): SearchResult {
  throw new ArshifError('internal', 'search is not available yet');
}

export function relatedArticles(_archive: Archive, _id: number, _limit: number): ArticleSummary[] {
  throw new ArshifError('internal', 'search is not available yet');
}
