/**
 * Where the service gets search, related articles and the reader's highlights from (core/search).
 * Kept in one place so the rest of the service does not depend on how the search module is laid out.
 */
import type { SearchProblemCode, SearchQuery, SearchResult } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { PROBLEMS, searchArchive as search } from '../search/index.js';

export { relatedArticles } from '../search/index.js';
export { articleHighlights } from '../search/article-highlights.js';

const PROBLEM_CODES = new Map<string, SearchProblemCode>([
  [PROBLEMS.empty, 'empty'],
  [PROBLEMS.noWords, 'no-words'],
  [PROBLEMS.onlyStopWords, 'only-stop-words'],
  [PROBLEMS.onlyExclusions, 'only-exclusions'],
]);

/** The code of a search's `problem`, so the UI can say it in its own language (the message stays as the detail). */
export function problemCodeOf(problem: string | null): SearchProblemCode | null {
  if (problem === null) return null;
  const known = PROBLEM_CODES.get(problem);
  if (known) return known;
  return /search index/i.test(problem) ? 'index-error' : 'other';
}

export function searchArchive(archive: Archive, query: SearchQuery): SearchResult {
  const result = search(archive, query);
  return result.problemCode === undefined ? { ...result, problemCode: problemCodeOf(result.problem) } : result;
}
