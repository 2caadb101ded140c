// Search: the query language, ranking, snippets, facets and related articles (docs/design.md,
// "Search semantics"). The service and the CLI call these two functions.
export { forgetPreparedSearches, searchArchive } from './search.js';
export { relatedArticles } from './related.js';
export { parseQuery, PROBLEMS, type ParsedQuery } from './query-parser.js';
