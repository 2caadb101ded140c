// Where a query's words occur in one article, for the reader opened from a search: the same parser,
// clitic readings and matcher as the search itself (so the reader marks what the result list marked),
// run over the title and each paragraph of the article's original text.

import { ArshifError } from '../../common/result.js';
import type { ArticleHighlights } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { parseParagraphs } from '../archive/rows.js';
import { buildMatcher, scan } from './matcher.js';
import { parseQuery } from './query-parser.js';
import { matchRanges } from './snippet.js';
import { resolveReadings } from './vocab.js';

/** Paragraphs longer than this are not scanned for highlights (a pathological page must not stall the reader). */
const MAX_SCANNED_CHARS = 400_000;

export function articleHighlights(archive: Archive, id: number, query: string): ArticleHighlights {
  const row = archive.db.prepare('SELECT CAST(title AS TEXT) AS title, CAST(paragraphs AS TEXT) AS paragraphs FROM articles WHERE id = ?').get(id) as { title: string; paragraphs: string } | undefined;
  if (!row) throw new ArshifError('not-found', `No article with id ${id}`);
  const paragraphs = parseParagraphs(row.paragraphs);
  const parsed = parseQuery(query);
  const none: ArticleHighlights = { id, query, title: [], paragraphs: paragraphs.map(() => []) };
  if (parsed.problem !== null) return none;
  resolveReadings(archive.db, parsed);
  const matcher = buildMatcher(parsed);
  let budget = MAX_SCANNED_CHARS;
  return {
    id,
    query,
    title: matchRanges(matcher.match(scan(row.title))),
    paragraphs: paragraphs.map((text) => {
      budget -= text.length;
      return budget >= 0 ? matchRanges(matcher.match(scan(text))) : [];
    }),
  };
}
