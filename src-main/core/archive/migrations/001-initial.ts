/** The first schema. Dates are ISO text; paragraphs are a JSON array of strings. */
export const sql = /* sql */ `
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  roots TEXT NOT NULL,
  files_total INTEGER NOT NULL DEFAULT 0,
  files_done INTEGER NOT NULL DEFAULT 0,
  articles_added INTEGER NOT NULL DEFAULT 0,
  articles_updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  bytes_done INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_problems (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX import_problems_import ON import_problems(import_id);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  site TEXT NOT NULL,
  section TEXT,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  author TEXT,
  published_at TEXT,
  identity TEXT NOT NULL UNIQUE,
  read_count INTEGER,
  paragraphs TEXT NOT NULL,
  first_scraped_on TEXT,
  last_scraped_on TEXT,
  created_import INTEGER,
  updated_import INTEGER
);
CREATE INDEX articles_site_section_published ON articles(site, section, published_at);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_site_title_key ON articles(site, title_key);
CREATE INDEX articles_read_count ON articles(read_count);
CREATE INDEX articles_author ON articles(author) WHERE author IS NOT NULL;

CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  scraped_on TEXT,
  read_count INTEGER,
  encoding TEXT NOT NULL,
  format TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  import_id INTEGER
);
CREATE INDEX snapshots_article ON snapshots(article_id);
CREATE INDEX snapshots_hash ON snapshots(content_hash);

CREATE TABLE ticker_days (
  id INTEGER PRIMARY KEY,
  site TEXT NOT NULL,
  day TEXT NOT NULL,
  source_path TEXT NOT NULL,
  UNIQUE (site, day)
);

CREATE TABLE ticker_items (
  ticker_day_id INTEGER NOT NULL REFERENCES ticker_days(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  headline TEXT NOT NULL,
  title_key TEXT NOT NULL,
  PRIMARY KEY (ticker_day_id, position)
) WITHOUT ROWID;
CREATE INDEX ticker_items_title_key ON ticker_items(title_key);

-- Normalised surface words (title, body) and their light stems (title_stem, body_stem), space-joined,
-- produced by core/arabic for documents and queries alike. rowid = articles.id.
-- The text is already split into words of letters and digits joined by single spaces, so the plain
-- 'ascii' tokenizer (every non-ASCII character is a word character) gives exactly the tokens unicode61
-- would, a little faster.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, title_stem, body_stem,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);
`;
