/**
 * Schema verification: an archive may hold exactly what our migrations create for its schema version —
 * tables, indexes, FTS5 tables and their shadow tables — and nothing else. No migration creates a
 * trigger or a view, so none is ever allowed. The expected schema is not written down by hand: it is
 * built by running migrations 1..v on an in-memory database, so every new migration is covered.
 */
import Database from 'better-sqlite3';
import { ArshifError } from '../../common/result.js';
import { migrations } from './migrations/index.js';

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Tables SQLite itself may add to a healthy archive (ANALYZE, `PRAGMA optimize`): planner statistics only. */
const SQLITE_OPTIONAL_TABLES = ['sqlite_stat1', 'sqlite_stat4'];

const expectedByVersion = new Map<string, Map<string, SchemaEntry>>();

function keyOf(entry: SchemaEntry): string {
  return `${entry.type}\u0000${entry.name}`;
}

/** Whitespace-insensitive SQL text (SQLite stores the CREATE statement as it was written). */
export function normaliseSql(sql: string | null): string | null {
  if (sql === null) return null;
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .trim();
}

function readSchema(db: Database.Database): SchemaEntry[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as SchemaEntry[];
}

function hardenInMemory(db: Database.Database): void {
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
}

/** What migrations 1..version create (plus SQLite's optional statistics tables), keyed by type and name. */
export function expectedSchema(version: number, nativeBinding?: string): Map<string, SchemaEntry> {
  const cacheKey = `${version}\u0000${nativeBinding ?? ''}`;
  const cached = expectedByVersion.get(cacheKey);
  if (cached) return cached;
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    hardenInMemory(db);
    for (const m of migrations.filter((m) => m.version <= version).sort((a, b) => a.version - b.version)) {
      db.exec(m.sql);
      m.run?.(db);
    }
    const expected = new Map(readSchema(db).map((e) => [keyOf(e), e]));
    db.exec('ANALYZE');
    for (const entry of readSchema(db)) {
      if (SQLITE_OPTIONAL_TABLES.includes(entry.name)) expected.set(keyOf(entry), { ...entry, type: `optional-${entry.type}` });
    }
    expectedByVersion.set(cacheKey, expected);
    return expected;
  } finally {
    db.close();
  }
}

function describeEntry(entry: SchemaEntry): string {
  if (entry.type === 'trigger') return `trigger "${entry.name}" on "${entry.tbl_name}"`;
  if (entry.type === 'index') return `index "${entry.name}" on "${entry.tbl_name}"`;
  return `${entry.type} "${entry.name}"`;
}

/** What differs between the file's schema and the expected one, in words; empty when they match. */
export function schemaDifferences(found: SchemaEntry[], expected: Map<string, SchemaEntry>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of found) {
    const key = keyOf(entry);
    const want = expected.get(key) ?? expected.get(`optional-${entry.type}\u0000${entry.name}`);
    if (seen.has(key)) {
      problems.push(`a second ${describeEntry(entry)}`);
      continue;
    }
    seen.add(key);
    if (!want) problems.push(`an unknown ${describeEntry(entry)}`);
    else if (want.tbl_name !== entry.tbl_name || normaliseSql(want.sql) !== normaliseSql(entry.sql)) {
      problems.push(`a changed definition of ${describeEntry(entry)}`);
    }
  }
  for (const [key, entry] of expected) {
    if (!entry.type.startsWith('optional-') && !seen.has(key)) problems.push(`no ${describeEntry(entry)}`);
  }
  // the dangerous finds first: stored SQL that could run (triggers, views)
  const weight = (p: string) => (/ (trigger|view) /.test(p) ? 0 : 1);
  return problems.sort((a, b) => weight(a) - weight(b));
}

const MAX_LISTED = 5;

/**
 * Refuses an archive whose schema is not exactly what our migrations create for its version. Reading
 * sqlite_master only parses the stored CREATE statements; nothing stored runs.
 */
export function verifySchema(db: Database.Database, version: number, file: string, nativeBinding?: string): void {
  const problems = schemaDifferences(readSchema(db), expectedSchema(version, nativeBinding));
  if (problems.length === 0) return;
  const listed = problems.slice(0, MAX_LISTED).join('; ');
  const more = problems.length > MAX_LISTED ? ` and ${problems.length - MAX_LISTED} more` : '';
  throw new ArshifError(
    'not-an-archive',
    `${file} was refused: it holds ${listed}${more}, which Arshif never creates (schema ${version}); it was left untouched.`,
  );
}
