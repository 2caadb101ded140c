// "Related articles": the article's most distinctive stems (its headline and the lead of its body,
// weighted by how rare each stem is in the archive, read from the FTS5 vocabulary) searched as an
// OR query over the stem columns, ranked by BM25 with headline stems weighted, the article itself
// excluded. Stems found in only this article say nothing about others; stems in more than
// MAX_DF_SHARE of the archive say little and cost much, so both are left out.

import { ArshifError } from '../../common/result.js';
import type { ArticleSummary } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { SUMMARY_COLUMNS, parseParagraphs, toSummary, type SummaryRow } from '../archive/rows.js';
import { isStopword, tokenize } from './analysis.js';
import { quoteToken } from './match-expression.js';
import { stmt } from './statements.js';
import { docFrequency } from './vocab.js';

export const DEFAULT_RELATED = 10;
const MAX_TERMS = 10;
const LEAD_CHARS = 1500;
const MAX_DF_SHARE = 0.03;
/** Keeps the OR query's result set (and so its BM25 work) small. */
const MAX_DF_SUM = 12_000;

/** Candidate stems of a text with their weights (headline words count double). */
function candidateStems(title: string, lead: string): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    for (const tok of tokenize(text)) {
      if (isStopword(tok.norm) || /^\d+$/.test(tok.norm)) continue;
      const s = tok.stem; // as the index holds it (a final ة or ى kept)
      if (s.length < 3 || quoteToken(s) === null) continue;
      weights.set(s, (weights.get(s) ?? 0) + weight);
    }
  };
  add(title, 3);
  add(lead, 1);
  return weights;
}

export function relatedArticles(archive: Archive, id: number, limit = DEFAULT_RELATED): ArticleSummary[] {
  const db = archive.db;
  const row = stmt(db, 'SELECT CAST(title AS TEXT) AS title, CAST(paragraphs AS TEXT) AS paragraphs FROM articles WHERE id = ?').get(id) as { title: string; paragraphs: string } | undefined;
  if (!row) throw new ArshifError('not-found', `No article with id ${id}`);
  const n = Math.max(0, Math.min(limit, 100));
  if (n === 0) return [];
  const total = (stmt(db, 'SELECT count(*) FROM articles').pluck().get() as number) || 1;
  const lead = parseParagraphs(row.paragraphs).join('\n').slice(0, LEAD_CHARS);
  const scored: Array<{ stem: string; score: number; df: number }> = [];
  for (const [s, weight] of candidateStems(row.title, lead)) {
    const df = docFrequency(db, s);
    if (df < 2 || df > Math.max(50, total * MAX_DF_SHARE)) continue;
    scored.push({ stem: s, df, score: Math.min(weight, 6) * Math.log(total / df) });
  }
  scored.sort((a, b) => b.score - a.score || a.df - b.df);
  const chosen: string[] = [];
  let dfSum = 0;
  for (const c of scored) {
    if (chosen.length >= MAX_TERMS) break;
    if (dfSum + c.df > MAX_DF_SUM && chosen.length > 0) continue;
    chosen.push(quoteToken(c.stem) as string);
    dfSum += c.df;
  }
  if (chosen.length === 0) return [];
  const expr = `{title_stem body_stem} : (${chosen.join(' OR ')})`;
  const ids = stmt(
    db,
    'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid != ? ORDER BY bm25(articles_fts, 0.0, 0.0, 3.0, 1.0), rowid DESC LIMIT ?',
  )
    .pluck()
    .all(expr, id, n) as number[];
  if (ids.length === 0) return [];
  const rows = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((i) => byId.get(i)).filter((r): r is SummaryRow => r !== undefined).map(toSummary);
}
