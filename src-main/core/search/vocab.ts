// Document frequencies from the FTS5 vocabulary of articles_fts (an fts5vocab table in the
// connection's temp schema: nothing is written to the archive, and read-only connections work).
import type Database from 'better-sqlite3';
import type { ParsedQuery, QueryTerm } from './query-parser.js';
import { stmt } from './statements.js';

const VOCAB = 'articles_fts_vocab';
const ready = new WeakSet<Database.Database>();

function ensureVocabulary(db: Database.Database): void {
  if (ready.has(db)) return;
  const exists = db.prepare('SELECT 1 FROM temp.sqlite_master WHERE name = ?').get(VOCAB);
  if (!exists) db.exec(`CREATE VIRTUAL TABLE temp.${VOCAB} USING fts5vocab(main, 'articles_fts', 'row')`);
  ready.add(db);
}

/** Number of articles holding the token in any column (surface or stem). */
export function docFrequency(db: Database.Database, token: string): number {
  ensureVocabulary(db);
  return (stmt(db, `SELECT doc FROM temp.${VOCAB} WHERE term = ?`).pluck().get(token) as number | undefined) ?? 0;
}

/**
 * Settles the clitic readings of the query's words (analysis.ts: WordAlternatives.readings): a
 * reading joins the word's alternatives when its stem is at least as frequent in the archive as
 * the word's own stem — بقمه (ب + قمه) finds قمة, بلده is not read as ب + لده.
 */
export function resolveReadings(db: Database.Database, q: ParsedQuery): void {
  const terms: QueryTerm[] = [];
  for (const unit of [...q.groups.flat(), ...q.exclusions]) if (unit.kind === 'terms') terms.push(...unit.terms);
  for (const t of terms) {
    if (t.readings.length === 0) continue;
    const own = docFrequency(db, t.stem);
    for (const r of t.readings) {
      if (docFrequency(db, r.stem) >= Math.max(1, own)) {
        t.altStems.push(r.stem);
        t.altForms.push(...r.forms);
      }
    }
    t.readings = [];
  }
}
