import type Database from 'better-sqlite3';
import { analyzeForIndex } from '../../arabic/index.js';
import { fingerprintOf } from '../../arabic/fingerprint.js';
import { bodyOf } from '../groups.js';

/**
 * URLs and text fingerprints. `articles.url` is the article's canonical URL when a page or a crawl
 * states one (the strongest identity); `snapshots.url` the URL that one file or crawl record came from.
 * `articles.fingerprint` is the 64-bit SimHash of the normalised body (core/arabic/fingerprint.ts) that
 * identity (edited re-scrapes) and near-duplicate groups compare.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN url TEXT;
ALTER TABLE articles ADD COLUMN fingerprint BLOB;
ALTER TABLE snapshots ADD COLUMN url TEXT;
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
`;

/** Fingerprints of the articles already stored. */
export function run(db: Database.Database): void {
  const update = db.prepare('UPDATE articles SET fingerprint = ? WHERE id = ?');
  const page = db.prepare('SELECT id, title, paragraphs FROM articles WHERE id > ? ORDER BY id LIMIT 1000');
  let last = 0;
  for (;;) {
    const rows = page.all(last) as Array<{ id: number; title: string; paragraphs: string }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      // A damaged row counts as having no body, as everywhere else (groups.ts).
      const fp = fingerprintOf(analyzeForIndex(bodyOf(row.paragraphs)).norm, analyzeForIndex(row.title).norm);
      if (fp) update.run(Buffer.from(fp), row.id);
    }
    last = rows[rows.length - 1]!.id;
  }
}
