// Rebuilds a parsed query as FTS5 MATCH expressions. Every token emitted is an FTS5 string in double
// quotes holding only normalised letters and digits (checked here again), so no user input can
// change an expression's structure or make FTS5 raise a syntax error.
//
// Over articles_fts(title, body, title_stem, body_stem):
//   word    ({title body} : "norm" OR {title_stem body_stem} : "stem")   (+ alternatives, see
//           analysis.ts: wordAlternatives: more stems, and exact clitic forms in {title body})
//   prefix  ({title body} : "norm"* OR {title_stem body_stem} : "stem"*)
//   phrase  {title body} : ("w1" + "w2" + …)
//   query   ((G1) AND (G2) …) NOT ((E1) OR (E2) …)
// Over titles_fts(title, title_stem) the same with {title} and {title_stem}.
//
// The surface alternative of a word adds nothing to what matches (a document holding the surface
// also holds its stem) but it adds to BM25, so exact normalised matches rank above stem-only ones;
// the expression that only selects hits (for the total and facets) leaves it out, which halves the
// doclists FTS5 reads.

import type { ParsedQuery, QueryTerm, Unit } from './query-parser.js';

const TOKEN = /^[\p{L}\p{N}\p{Co}]+$/u;

export interface ColumnSet {
  surface: string;
  stem: string;
}

export const ARTICLE_COLUMNS: ColumnSet = { surface: '{title body}', stem: '{title_stem body_stem}' };
export const ARTICLE_TITLE_COLUMNS: ColumnSet = { surface: '{title}', stem: '{title_stem}' };
export const TITLE_INDEX_COLUMNS: ColumnSet = { surface: '{title}', stem: '{title_stem}' };
/** Body words only: the surface alternatives of a phrase or prefix look in the body, stems in body_stem. */
export const BODY_STEM_COLUMNS: ColumnSet = { surface: '{body}', stem: '{body_stem}' };

export interface ExpressionOptions {
  columns: ColumnSet;
  /**
   * How a word matches: 'stem' (its stem: what selects hits), 'surface' (its exact normalised form
   * only) or 'both' (stem or surface: the same hits, with the surface adding to BM25).
   */
  words: 'stem' | 'surface' | 'both';
  /** How groups combine: all must match (the query) or any (partial title matches). */
  combine: 'all' | 'any';
  /** Append the query's exclusions. */
  exclusions: boolean;
}

export const SELECT_HITS: ExpressionOptions = { columns: ARTICLE_COLUMNS, words: 'stem', combine: 'all', exclusions: true };
export const RANK_HITS: ExpressionOptions = { columns: ARTICLE_COLUMNS, words: 'both', combine: 'all', exclusions: true };

/** A normalised token as an FTS5 string, or null if it is not made of letters and digits only. */
export function quoteToken(token: string): string | null {
  return TOKEN.test(token) ? `"${token}"` : null;
}

function termExpression(t: QueryTerm, o: ExpressionOptions): string | null {
  const surface = quoteToken(t.norm);
  const stem = quoteToken(t.stem);
  if (surface === null) return null;
  if (t.prefix) {
    const bySurface = `${o.columns.surface} : ${surface}*`;
    if (o.words === 'surface' || stem === null || t.stem.length < 2) return bySurface;
    return `(${bySurface} OR ${o.columns.stem} : ${stem}*)`;
  }
  const bySurface = `${o.columns.surface} : ${surface}`;
  // The surface folds ى into ي: a word that must be written with ي (علي, the name) matches by its stem only.
  if ((o.words === 'surface' && !t.exactFinal) || stem === null) return bySurface;
  const parts = o.words === 'both' && !t.exactFinal ? [bySurface] : [];
  const stems = [stem, ...t.altStems.map(quoteToken)].filter((x): x is string => x !== null);
  parts.push(`${o.columns.stem} : ${stems.length === 1 ? stems[0] : `(${stems.join(' OR ')})`}`);
  const forms = t.altForms.map(quoteToken).filter((x): x is string => x !== null);
  if (forms.length > 0) parts.push(`${o.columns.surface} : (${forms.join(' OR ')})`);
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

function unitExpression(u: Unit, o: ExpressionOptions): string | null {
  if (u.kind === 'phrase') {
    const parts = u.norms.map(quoteToken);
    if (parts.length === 0 || parts.some((p) => p === null)) return null;
    const phrase = `${o.columns.surface} : (${parts.join(' + ')})`;
    const names = (u.names ?? []).map(quoteToken).filter((x): x is string => x !== null);
    return names.length === 0 ? phrase : `(${phrase} AND ${o.columns.stem} : (${names.join(' AND ')}))`;
  }
  const parts = u.terms.map((t) => termExpression(t, o)).filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

function join(parts: string[], op: 'AND' | 'OR'): string | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(` ${op} `)})`;
}

function anyOf(units: Unit[], o: ExpressionOptions): string | null {
  return join(
    units.map((u) => unitExpression(u, o)).filter((p): p is string => p !== null),
    'OR',
  );
}

/** The MATCH expression of a parsed query, or null when nothing positive is left to match. */
export function matchExpression(q: ParsedQuery, o: ExpressionOptions = RANK_HITS): string | null {
  const groups = q.groups.map((g) => anyOf(g, o)).filter((p): p is string => p !== null);
  const positive = join(groups, o.combine === 'all' ? 'AND' : 'OR');
  if (positive === null) return null;
  const excluded = o.exclusions ? anyOf(q.exclusions, { ...o, columns: ARTICLE_COLUMNS, words: 'stem' }) : null;
  return excluded === null ? positive : `${positive} NOT ${excluded}`;
}
