import type Database from 'better-sqlite3';
import { analyzeForIndex } from '../../arabic/index.js';
import { NearDuplicateGrouper, bodyOf } from '../groups.js';

/**
 * Search index 2 and near-duplicate groups.
 *
 * - The stem columns keep a final ة and ى as letters (core/arabic/finals.ts): الرياضة (sport) and
 *   الرياض (Riyadh) are different words, على (on) and علي (the name) too. Every article's stems are
 *   indexed again: articles_fts (title, body, title_stem, body_stem) and titles_fts (title, title_stem)
 *   are rebuilt from articles.title and articles.paragraphs, and versions_fts (migration 005) from the
 *   earlier wording kept in versions. (Any later index over article text built
 *   with analyzeForIndex must be rebuilt by the migration that changes what analyzeForIndex produces.)
 * - Near-duplicate groups (core/archive/groups.ts): articles.group_id labels the copies of one story;
 *   fingerprint_bands indexes the four 16-bit bands of each fingerprint to find them.
 * - articles(updated_import): the articles an import touched, so search metadata is refreshed
 *   incrementally after each import commit (core/search/meta.ts).
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN group_id INTEGER;
CREATE INDEX articles_group ON articles(group_id) WHERE group_id IS NOT NULL;
CREATE INDEX articles_updated_import ON articles(updated_import);
CREATE TABLE fingerprint_bands (
  band INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
`;

/** Rebuilds both search indexes with today's analysis (about 20 s per 100,000 articles). */
export function reindexArticles(db: Database.Database): void {
  db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')");
  db.exec("INSERT INTO titles_fts(titles_fts) VALUES ('delete-all')");
  const insert = db.prepare('INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
  const insertTitle = db.prepare('INSERT INTO titles_fts (rowid, title, title_stem) VALUES (?, ?, ?)');
  const page = db.prepare('SELECT id, title, paragraphs FROM articles WHERE id > ? ORDER BY id LIMIT 1000');
  let last = 0;
  for (;;) {
    const rows = page.all(last) as Array<{ id: number; title: string; paragraphs: string }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      const title = analyzeForIndex(row.title);
      const body = analyzeForIndex(bodyOf(row.paragraphs)); // a damaged row keeps its title in the index
      insert.run(row.id, title.norm, body.norm, title.stem, body.stem);
      insertTitle.run(row.id, title.norm, title.stem);
    }
    last = rows[rows.length - 1]!.id;
  }
}

/** Rebuilds the index of earlier wording (migration 005: versions the article does not show keep their text). */
export function reindexVersions(db: Database.Database): void {
  db.exec("INSERT INTO versions_fts(versions_fts) VALUES ('delete-all')");
  const insert = db.prepare('INSERT INTO versions_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
  const page = db.prepare('SELECT id, title, paragraphs FROM versions WHERE id > ? AND paragraphs IS NOT NULL ORDER BY id LIMIT 1000');
  let last = 0;
  for (;;) {
    const rows = page.all(last) as Array<{ id: number; title: string | null; paragraphs: string }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      const title = analyzeForIndex(row.title ?? '');
      const body = analyzeForIndex(bodyOf(row.paragraphs));
      insert.run(row.id, title.norm, body.norm, title.stem, body.stem);
    }
    last = rows[rows.length - 1]!.id;
  }
}

export function run(db: Database.Database): void {
  reindexArticles(db);
  reindexVersions(db);
  new NearDuplicateGrouper(db).fromStart().groupNew();
}
