/**
 * What must hold of the versions in any archive, after any import, complete or killed: every article
 * shows exactly one of its versions, whose text is the article row's; every other version holds its
 * own text and search row; the version count is right; every snapshot carries a version of its own
 * article. Returns the problems found (empty when all is well).
 */
import type Database from 'better-sqlite3';

function rows<T>(db: Database.Database, sql: string): T[] {
  return db.prepare(sql).all() as T[];
}

export function versionProblems(db: Database.Database): string[] {
  const problems: string[] = [];
  const add = (what: string, found: unknown[]) => {
    if (found.length > 0) problems.push(`${found.length} ${what}: ${JSON.stringify(found.slice(0, 5))}`);
  };
  add(
    'articles that do not show exactly one version',
    rows(db, `SELECT a.id FROM articles a WHERE (SELECT count(*) FROM versions v WHERE v.article_id = a.id AND v.paragraphs IS NULL) <> 1`),
  );
  add('versions with a text but no hash', rows(db, `SELECT v.id FROM versions v WHERE v.paragraphs IS NOT NULL AND v.text_hash IS NULL`));
  add('articles with a wrong version count', rows(db, `SELECT a.id FROM articles a WHERE a.version_count <> (SELECT count(*) FROM versions v WHERE v.article_id = a.id)`));
  add(
    'snapshots without a version of their article',
    rows(db, `SELECT s.id FROM snapshots s LEFT JOIN versions v ON v.id = s.version_id AND v.article_id = s.article_id WHERE v.id IS NULL`),
  );
  add('versions of no article', rows(db, `SELECT v.id FROM versions v LEFT JOIN articles a ON a.id = v.article_id WHERE a.id IS NULL`));
  const stored = (db.prepare('SELECT count(*) FROM versions WHERE paragraphs IS NOT NULL').pluck().get() as number) ?? 0;
  const indexed = db.prepare('SELECT count(*) FROM versions_fts').pluck().get() as number;
  if (stored !== indexed) problems.push(`${stored} stored versions but ${indexed} rows in versions_fts`);
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const ftsRows = db.prepare('SELECT count(*) FROM articles_fts').pluck().get() as number;
  if (articles !== ftsRows) problems.push(`${articles} articles but ${ftsRows} rows in articles_fts`);
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  return problems;
}
