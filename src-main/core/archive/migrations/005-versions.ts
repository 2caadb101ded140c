/**
 * Versions: every distinct text of an article (title, author, section, paragraphs) with the snapshots
 * that carried it (`snapshots.version_id`). The version the article shows keeps no text of its own —
 * its text is the article row's, so a text is stored once — and that is how it is known: its
 * `paragraphs` is NULL, and every other version's is not. Those keep their text here and their words
 * in `versions_fts` (the columns of articles_fts), which search reads when asked for earlier wording.
 * `text_hash` (8 bytes of SHA-1 of the text, core/archive/version-text.ts) makes identical texts one
 * version; it stays NULL for an article's first version until a second scrape needs comparing with it
 * (most articles are scraped once). `cut` marks a cut-off scrape (never shown); `last_scraped_on` and
 * `last_snapshot` (the latest file that carried it; 0: its first) pick the shown version. Existing
 * articles get one version each, carried by all their snapshots — plain SQL, no text is read.
 */
export const sql = /* sql */ `
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  text_hash BLOB,
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

ALTER TABLE articles ADD COLUMN version_count INTEGER NOT NULL DEFAULT 1;
CREATE INDEX articles_edited ON articles(version_count, published_at) WHERE version_count > 1;
ALTER TABLE snapshots ADD COLUMN version_id INTEGER;

CREATE VIRTUAL TABLE versions_fts USING fts5(
  title, body, title_stem, body_stem,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);

INSERT INTO versions (article_id, has_reads, first_scraped_on, last_scraped_on, last_snapshot)
  SELECT a.id,
    EXISTS (SELECT 1 FROM snapshots s WHERE s.article_id = a.id AND s.read_count IS NOT NULL),
    a.first_scraped_on, a.last_scraped_on,
    coalesce((SELECT max(s.id) FROM snapshots s WHERE s.article_id = a.id), 0)
  FROM articles a ORDER BY a.id;
UPDATE snapshots SET version_id = (SELECT v.id FROM versions v WHERE v.article_id = snapshots.article_id);
`;
