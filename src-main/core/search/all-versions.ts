// Search over earlier wording (SearchQuery.allVersions): articles whose shown text does not match
// but an earlier version does (versions_fts, migration 004, written by importer/version-writer.ts
// through analyzeForIndex like articles_fts) join the hits, and such a hit says so — the number of
// the latest earlier version that matches, with its snippet and highlights cut from that version.

import type Database from 'better-sqlite3';
import type { SearchHit } from '../../common/types.js';
import { versionNumbering } from '../archive/versions.js';
import { parseParagraphList } from '../archive/version-text.js';
import { SELECT_HITS, matchExpression } from './match-expression.js';
import { buildMatcher } from './matcher.js';
import type { ParsedQuery } from './query-parser.js';
import { makeSnippet, titleHighlights } from './snippet.js';
import { parseIdList, stmt } from './statements.js';

const VERSION_ARTICLES = `SELECT group_concat(article_id) FROM (
  SELECT DISTINCT article_id FROM versions WHERE id IN (SELECT rowid FROM versions_fts WHERE versions_fts MATCH ?) ORDER BY article_id)`;
const CURRENT_MATCHES = 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))';
const LATEST_MATCHING_VERSION = `SELECT id, title, paragraphs FROM versions
  WHERE article_id = ? AND id IN (SELECT rowid FROM versions_fts WHERE versions_fts MATCH ?)
  ORDER BY coalesce(first_scraped_on, '9999') DESC, id DESC LIMIT 1`;

/** The ids of `current` (sorted) with those of articles an earlier version of which matches, sorted. */
export function withEarlierVersions(db: Database.Database, q: ParsedQuery, current: Int32Array): Int32Array {
  const expr = matchExpression(q, SELECT_HITS);
  if (expr === null) return current;
  const earlier = parseIdList(stmt(db, VERSION_ARTICLES).pluck().get(expr) as string | null);
  if (earlier.length === 0) return current;
  const out = new Int32Array(current.length + earlier.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < current.length || j < earlier.length) {
    const a = i < current.length ? current[i]! : Infinity;
    const b = j < earlier.length ? earlier[j]! : Infinity;
    const next = Math.min(a, b);
    if (a === next) i++;
    if (b === next) j++;
    out[n++] = next;
  }
  return out.subarray(0, n);
}

/** Hits that only an earlier version matches: snippet and highlights from that version, and its number. */
export function markEarlierVersionHits(db: Database.Database, q: ParsedQuery, hits: SearchHit[]): void {
  const expr = matchExpression(q, SELECT_HITS);
  if (expr === null || hits.length === 0) return;
  const current = new Set(stmt(db, CURRENT_MATCHES).pluck().all(expr, JSON.stringify(hits.map((h) => h.id))) as number[]);
  const matcher = buildMatcher(q);
  for (const hit of hits) {
    if (current.has(hit.id)) continue;
    const version = stmt(db, LATEST_MATCHING_VERSION).get(hit.id, expr) as { id: number; title: string | null; paragraphs: string | null } | undefined;
    if (!version) continue;
    const title = version.title ?? '';
    const body = makeSnippet(parseParagraphList(version.paragraphs).join('\n'), matcher);
    const inTitle = titleHighlights(title, matcher);
    const snippet = body.highlights.length > 0 || inTitle.length === 0 ? body : { snippet: title, highlights: inTitle };
    hit.snippet = snippet.snippet;
    hit.highlights = snippet.highlights;
    hit.titleHighlights = [];
    hit.earlierVersion = versionNumbering(db, hit.id)(version.id) ?? undefined;
  }
}
