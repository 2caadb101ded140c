/**
 * Where the service gets search and related-articles from (core/search). Kept in one place so the
 * rest of the service does not depend on how the search module is laid out.
 */
export { relatedArticles, searchArchive } from '../search/index.js';
