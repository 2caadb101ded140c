import type Database from 'better-sqlite3';
import { parseParagraphList, versionHash } from '../version-text.js';

/**
 * Versions: every distinct text of an article (title, author, section, paragraphs) with the snapshots
 * that carried it. `articles.version_id` is the version the article shows, and its text is the
 * article row's own: that version's text columns stay NULL, so a text is stored once. Every other
 * version keeps its text here and its words in `versions_fts` (the same columns as articles_fts),
 * which search reads when asked for earlier wording. `cut` marks a cut-off scrape (never shown);
 * `last_scraped_on` and `last_snapshot` (the latest file that carried it) pick the shown version.
 * Existing articles get one version each: their text, carried by all their snapshots.
 */
export const sql = /* sql */ `
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  text_hash BLOB NOT NULL,
  title TEXT,
  title_key TEXT,
  author TEXT,
  section TEXT,
  paragraphs TEXT,
  cut INTEGER NOT NULL DEFAULT 0,
  has_reads INTEGER NOT NULL DEFAULT 0,
  first_scraped_on TEXT,
  last_scraped_on TEXT,
  last_snapshot INTEGER NOT NULL DEFAULT 0,
  UNIQUE (article_id, text_hash)
);
CREATE INDEX versions_title_key ON versions(title_key) WHERE title_key IS NOT NULL;

ALTER TABLE articles ADD COLUMN version_id INTEGER;
ALTER TABLE articles ADD COLUMN version_count INTEGER NOT NULL DEFAULT 1;
CREATE INDEX articles_edited ON articles(version_count, published_at) WHERE version_count > 1;
ALTER TABLE snapshots ADD COLUMN version_id INTEGER;

CREATE VIRTUAL TABLE versions_fts USING fts5(
  title, body, title_stem, body_stem,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);
`;

interface ArticleTextRow {
  id: number;
  title: string;
  author: string | null;
  section: string | null;
  paragraphs: string;
  first_scraped_on: string | null;
  last_scraped_on: string | null;
}

/** One version per existing article, carried by every snapshot of the article. */
export function run(db: Database.Database): void {
  const page = db.prepare(
    'SELECT id, title, author, section, paragraphs, first_scraped_on, last_scraped_on FROM articles WHERE id > ? ORDER BY id LIMIT 1000',
  );
  const insert = db.prepare(
    `INSERT INTO versions (article_id, text_hash, has_reads, first_scraped_on, last_scraped_on, last_snapshot)
     VALUES (@id, @hash,
       EXISTS (SELECT 1 FROM snapshots WHERE article_id = @id AND read_count IS NOT NULL),
       @first, @last, coalesce((SELECT max(id) FROM snapshots WHERE article_id = @id), 0))`,
  );
  const link = db.prepare('UPDATE articles SET version_id = ? WHERE id = ?');
  let last = 0;
  for (;;) {
    const rows = page.all(last) as ArticleTextRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const hash = versionHash({ title: row.title, author: row.author, section: row.section, paragraphs: parseParagraphList(row.paragraphs) });
      const versionId = Number(insert.run({ id: row.id, hash, first: row.first_scraped_on, last: row.last_scraped_on }).lastInsertRowid);
      link.run(versionId, row.id);
    }
    last = rows[rows.length - 1]!.id;
  }
  db.exec('UPDATE snapshots SET version_id = (SELECT a.version_id FROM articles a WHERE a.id = snapshots.article_id)');
}
