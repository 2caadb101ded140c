// Rebuilds a parsed query as an FTS5 MATCH expression over articles_fts(title, body, title_stem,
// body_stem). Every token emitted is an FTS5 string in double quotes holding only normalised letters
// and digits (checked here again), so no user input can change the expression's structure.
//
//   word    ({title body} : "norm" OR {title_stem body_stem} : "stem")
//   prefix  ({title body} : "norm"* OR {title_stem body_stem} : "stem"*)
//   phrase  {title body} : ("w1" + "w2" + …)
//   query   (G1) AND (G2) … NOT ((E1) OR (E2) …)
//
// The surface alternative of a word adds nothing to what matches (a document holding the surface
// also holds its stem) but it adds to BM25, so exact normalised matches rank above stem-only ones.

import type { ParsedQuery, QueryTerm, Unit } from './query-parser.js';

const TOKEN = /^[\p{L}\p{N}\p{Co}]+$/u;

export const SURFACE_COLUMNS = '{title body}';
export const STEM_COLUMNS = '{title_stem body_stem}';

/** A normalised token as an FTS5 string, or null if it is not made of letters and digits only. */
export function quoteToken(token: string): string | null {
  return TOKEN.test(token) ? `"${token}"` : null;
}

function termExpression(t: QueryTerm): string | null {
  const star = t.prefix ? '*' : '';
  const surface = quoteToken(t.norm);
  const stem = quoteToken(t.stem);
  if (surface === null) return null;
  if (stem === null || (t.prefix && t.stem.length < 2)) return `${SURFACE_COLUMNS} : ${surface}${star}`;
  return `(${SURFACE_COLUMNS} : ${surface}${star} OR ${STEM_COLUMNS} : ${stem}${star})`;
}

export function unitExpression(u: Unit): string | null {
  if (u.kind === 'phrase') {
    const parts = u.norms.map(quoteToken);
    if (parts.length === 0 || parts.some((p) => p === null)) return null;
    return `${SURFACE_COLUMNS} : (${parts.join(' + ')})`;
  }
  const parts = u.terms.map(termExpression).filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

function anyOf(units: Unit[]): string | null {
  const parts = units.map(unitExpression).filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/** The MATCH expression of a parsed query, or null when nothing positive is left to match. */
export function matchExpression(q: ParsedQuery): string | null {
  const groups = q.groups.map(anyOf).filter((p): p is string => p !== null);
  if (groups.length === 0) return null;
  const positive = groups.length === 1 ? (groups[0] as string) : `(${groups.join(' AND ')})`;
  const excluded = anyOf(q.exclusions);
  return excluded === null ? positive : `${positive} NOT ${excluded}`;
}
