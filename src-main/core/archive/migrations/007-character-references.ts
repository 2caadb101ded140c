import type Database from 'better-sqlite3';
import { analyzeForIndex, titleKey } from '../../arabic/index.js';
import { fingerprintOf } from '../../arabic/fingerprint.js';
import { splitByline } from '../../pages/byline.js';
import { decodeReferencesInLine } from '../../pages/references.js';
import { versionHash } from '../version-text.js';

/**
 * HTML character references stored as text (`&#8220;طوارئ&#8221;`, `&#39;`, `&quot;`): earlier
 * versions kept them as a text save carried them; pages are now read with them decoded
 * (core/pages/references.ts). This decodes them in what is already stored — articles, the earlier
 * wording kept in versions, ticker headlines — with everything derived from that text: title keys,
 * fingerprints, version hashes and the search indexes of the rows that changed. No schema change.
 */
export const sql = '';

interface TextRow {
  id: number;
  title: string | null;
  author: string | null;
  section: string | null;
  paragraphs: string | null;
}

const decodeOrNull = (text: string | null): string | null => (text === null ? null : decodeReferencesInLine(text) || null);

function decodeParagraphs(json: string): string | null {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return null; // a damaged row stays as it is
  }
  if (!Array.isArray(list)) return null;
  const paragraphs = list.filter((p): p is string => typeof p === 'string');
  const decoded = paragraphs.map(decodeReferencesInLine).filter((p) => p.length > 0);
  return decoded.length > 0 ? JSON.stringify(decoded) : null;
}

/** The row with its references decoded, or null when it holds none. */
function decodeRow(row: TextRow): TextRow | null {
  const title = row.title === null ? null : decodeReferencesInLine(row.title) || row.title;
  const paragraphs = row.paragraphs === null ? null : (decodeParagraphs(row.paragraphs) ?? row.paragraphs);
  const next: TextRow = { id: row.id, title, author: decodeOrNull(row.author), section: decodeOrNull(row.section), paragraphs };
  const same = next.title === row.title && next.author === row.author && next.section === row.section && next.paragraphs === row.paragraphs;
  return same ? null : next;
}

function bodyOf(paragraphs: string | null): string[] {
  try {
    const list: unknown = JSON.parse(paragraphs ?? '[]');
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function fixArticles(db: Database.Database): void {
  const rows = db.prepare(
    `SELECT id, title, author, section, paragraphs, site, published_at, identity FROM articles
     WHERE instr(title, '&') OR instr(author, '&') OR instr(section, '&') OR instr(paragraphs, '&')`,
  );
  const update = db.prepare(
    `UPDATE articles SET title = @title, title_key = @titleKey, author = @author, section = @section, paragraphs = @paragraphs,
       fingerprint = @fingerprint WHERE id = @id`,
  );
  const takeIdentity = db.prepare('UPDATE articles SET identity = @identity WHERE id = @id AND NOT EXISTS (SELECT 1 FROM articles WHERE identity = @identity)');
  const shownHash = db.prepare('UPDATE versions SET text_hash = @hash WHERE article_id = @id AND paragraphs IS NULL AND text_hash IS NOT NULL');
  const deleteFts = db.prepare('DELETE FROM articles_fts WHERE rowid = ?');
  const deleteTitleFts = db.prepare('DELETE FROM titles_fts WHERE rowid = ?');
  const insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
  const insertTitleFts = db.prepare('INSERT INTO titles_fts (rowid, title, title_stem) VALUES (?, ?, ?)');
  const changed = (rows.all() as Array<TextRow & { site: string; published_at: string | null; identity: string }>).flatMap((row) => {
    const next = decodeRow(row);
    return next ? [{ row, next }] : [];
  });
  for (const { row, next } of changed) {
    const title = next.title ?? '';
    const paragraphs = bodyOf(next.paragraphs);
    const t = analyzeForIndex(title);
    const b = analyzeForIndex(paragraphs.join('\n'));
    const fp = fingerprintOf(b.norm, t.norm);
    const key = titleKey(title);
    update.run({ ...next, titleKey: key, fingerprint: fp ? Buffer.from(fp) : null });
    // An identity that is the natural key of the old title follows the new title (when no other article holds it).
    const oldKey = titleKey(row.title ?? '');
    if (row.identity === `${row.site}\u001f${row.published_at ?? ''}\u001f${oldKey}`) {
      takeIdentity.run({ id: row.id, identity: `${row.site}\u001f${row.published_at ?? ''}\u001f${key}` });
    }
    try {
      shownHash.run({ id: row.id, hash: versionHash({ title, author: next.author, section: next.section, paragraphs }) });
    } catch {
      // An earlier version of the article holds the decoded text: the shown one keeps its hash.
    }
    deleteFts.run(row.id);
    deleteTitleFts.run(row.id);
    insertFts.run(row.id, t.norm, b.norm, t.stem, b.stem);
    insertTitleFts.run(row.id, t.norm, t.stem);
  }
}

function fixEarlierWording(db: Database.Database): void {
  const rows = db.prepare(
    `SELECT id, title, author, section, paragraphs FROM versions WHERE paragraphs IS NOT NULL
       AND (instr(title, '&') OR instr(author, '&') OR instr(section, '&') OR instr(paragraphs, '&'))`,
  );
  const update = db.prepare(
    `UPDATE versions SET title = @title, title_key = @titleKey, author = @author, section = @section, paragraphs = @paragraphs,
       text_hash = CASE WHEN text_hash IS NULL THEN NULL ELSE @hash END WHERE id = @id`,
  );
  const deleteFts = db.prepare('DELETE FROM versions_fts WHERE rowid = ?');
  const insertFts = db.prepare('INSERT INTO versions_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
  const changed = (rows.all() as TextRow[]).flatMap((row) => {
    const next = decodeRow(row);
    return next ? [next] : [];
  });
  for (const next of changed) {
    const title = next.title ?? '';
    const paragraphs = bodyOf(next.paragraphs);
    const hash = versionHash({ title, author: next.author, section: next.section, paragraphs });
    try {
      update.run({ ...next, titleKey: titleKey(title), hash });
    } catch {
      // Another version of the article already holds the decoded text: this one keeps its own hash.
      update.run({ ...next, titleKey: titleKey(title), hash: null });
    }
    const t = analyzeForIndex(title);
    const b = analyzeForIndex(paragraphs.join('\n'));
    deleteFts.run(next.id);
    insertFts.run(next.id, t.norm, b.norm, t.stem, b.stem);
  }
}

function fixTickers(db: Database.Database): void {
  const rows = db.prepare("SELECT ticker_day_id AS day, position, headline FROM ticker_items WHERE instr(headline, '&')");
  const update = db.prepare('UPDATE ticker_items SET headline = ?, title_key = ? WHERE ticker_day_id = ? AND position = ?');
  const changed = (rows.all() as Array<{ day: number; position: number; headline: string }>).filter((r) => decodeReferencesInLine(r.headline) !== r.headline);
  for (const r of changed) {
    const headline = decodeReferencesInLine(r.headline) || r.headline;
    update.run(headline, titleKey(splitByline(headline).title), r.day, r.position);
  }
}

export function run(db: Database.Database): void {
  fixArticles(db);
  fixEarlierWording(db);
  fixTickers(db);
}
