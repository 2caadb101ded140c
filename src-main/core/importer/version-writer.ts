// The versions of an article as the writer keeps them (schema: migrations/004-versions.ts).
//
// Each re-scrape's text (title, author, section, paragraphs) is hashed; a text already stored for
// the article is the same version, so identical re-scrapes add nothing but a snapshot. A new text is
// a new version. (An article's first version is hashed only when a second scrape arrives.) The article shows its latest complete version: the one last scraped (by scrape day,
// later files winning ties) among those that are not cut off — a scrape without a read count whose
// text is a prefix of another version's is kept, marked cut, and never shown. The shown version's
// text lives in the article row (and articles_fts); every other version keeps its own text (and
// its words in versions_fts), so when the shown version changes the two texts trade places.

import type Database from 'better-sqlite3';
import { analyzeForIndex, titleKey } from '../arabic/index.js';
import { fingerprintOf } from '../arabic/fingerprint.js';
import { isCutOff, parseParagraphList, versionHash, type VersionText } from '../archive/version-text.js';
import type { PageAnalysis } from './process-page.js';

interface VersionRow {
  id: number;
  cut: number;
  has_reads: number;
  last_scraped_on: string | null;
  last_snapshot: number;
  /** 1 for the version the article shows (its text columns are NULL). */
  shown: number;
}

interface VersionTextRow {
  id: number;
  cut: number;
  has_reads: number;
  paragraphs: string | null;
}

/**
 * A new text is checked for being a cut-off copy of (or for cutting off) this many of the article's
 * most recently scraped versions: truncation happens between scrapes close in time, and an article
 * with hundreds of versions must not make each new one cost hundreds of comparisons.
 */
const CUT_OFF_NEIGHBOURS = 8;

interface ArticleTextRow {
  title: string;
  title_key: string;
  author: string | null;
  section: string | null;
  paragraphs: string;
}

interface StoredText {
  title: string;
  title_key: string;
  author: string | null;
  section: string | null;
  paragraphs: string;
}

/** What a scrape tells about the version it carried. */
export interface Scrape {
  snapshotId: number;
  scrapedOn: string | null;
  hasReads: boolean;
}

/** Search rows of a text: normalised words and stems of its title and body (articles_fts and versions_fts columns). */
export interface TextIndex {
  title: { norm: string; stem: string };
  body: { norm: string; stem: string };
}

export function indexOfText(title: string, paragraphs: string[]): TextIndex {
  return { title: analyzeForIndex(title), body: analyzeForIndex(paragraphs.join('\n')) };
}

export class VersionWriter {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      byHash: db.prepare('SELECT id FROM versions WHERE article_id = ? AND text_hash = ?').pluck(),
      unhashed: db.prepare('SELECT id, title, author, section, paragraphs FROM versions WHERE article_id = ? AND text_hash IS NULL'),
      setHash: db.prepare('UPDATE versions SET text_hash = ? WHERE id = ?'),
      shownVersion: db.prepare('SELECT id FROM versions WHERE article_id = ? AND paragraphs IS NULL').pluck(),
      insertFirst: db.prepare(
        'INSERT INTO versions (article_id, has_reads, first_scraped_on, last_scraped_on) VALUES (@articleId, @hasReads, @day, @day)',
      ),
      insertStored: db.prepare(
        `INSERT INTO versions (article_id, text_hash, title, title_key, author, section, paragraphs)
         VALUES (@articleId, @hash, @title, @titleKey, @author, @section, @paragraphs)`,
      ),
      noteScrape: db.prepare(
        `UPDATE versions SET
           has_reads = max(has_reads, @hasReads),
           cut = CASE WHEN @hasReads THEN 0 ELSE cut END,
           first_scraped_on = CASE WHEN @day IS NOT NULL AND (first_scraped_on IS NULL OR @day < first_scraped_on) THEN @day ELSE first_scraped_on END,
           last_snapshot = CASE WHEN last_scraped_on IS NULL OR (@day IS NOT NULL AND @day >= last_scraped_on) THEN @snapshot ELSE last_snapshot END,
           last_scraped_on = CASE WHEN @day IS NOT NULL AND (last_scraped_on IS NULL OR @day > last_scraped_on) THEN @day ELSE last_scraped_on END
         WHERE id = @id`,
      ),
      versionsOf: db.prepare('SELECT id, cut, has_reads, last_scraped_on, last_snapshot, paragraphs IS NULL AS shown FROM versions WHERE article_id = ?'),
      recentTexts: db.prepare(
        `SELECT id, cut, has_reads, paragraphs FROM versions WHERE article_id = ? AND id <> ?
         ORDER BY coalesce(last_scraped_on, '') DESC, last_snapshot DESC LIMIT ${CUT_OFF_NEIGHBOURS}`,
      ),
      versionCut: db.prepare('SELECT id, cut, has_reads, paragraphs FROM versions WHERE id = ?'),
      setCut: db.prepare('UPDATE versions SET cut = 1 WHERE id = ?'),
      countVersions: db.prepare('UPDATE articles SET version_count = (SELECT count(*) FROM versions WHERE article_id = @id) WHERE id = @id'),
      articleText: db.prepare('SELECT title, title_key, author, section, paragraphs FROM articles WHERE id = ?'),
      versionText: db.prepare('SELECT title, title_key, author, section, paragraphs FROM versions WHERE id = ?'),
      keepText: db.prepare(
        'UPDATE versions SET title = @title, title_key = @titleKey, author = @author, section = @section, paragraphs = @paragraphs WHERE id = @id',
      ),
      dropText: db.prepare('UPDATE versions SET title = NULL, title_key = NULL, author = NULL, section = NULL, paragraphs = NULL WHERE id = ?'),
      showText: db.prepare(
        `UPDATE articles SET title = @title, title_key = @titleKey, author = @author, section = @section, paragraphs = @paragraphs,
           fingerprint = @fingerprint WHERE id = @id`,
      ),
      insertVersionFts: db.prepare('INSERT INTO versions_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)'),
      deleteVersionFts: db.prepare('DELETE FROM versions_fts WHERE rowid = ?'),
      storedVersionIds: db.prepare('SELECT id FROM versions WHERE article_id = ? AND paragraphs IS NOT NULL').pluck(),
      insertFts: db.prepare('INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)'),
      deleteFts: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
      insertTitleFts: db.prepare('INSERT INTO titles_fts (rowid, title, title_stem) VALUES (?, ?, ?)'),
      deleteTitleFts: db.prepare('DELETE FROM titles_fts WHERE rowid = ?'),
    };
  }

  /**
   * The first version of a new article: shown, so its text is the article row's; its hash waits for a
   * second scrape, and `last_snapshot` 0 stands for its first file (no later file of it yet).
   */
  createFirst(articleId: number, scrape: { scrapedOn: string | null; hasReads: boolean }): number {
    return Number(this.s.insertFirst.run({ articleId, hasReads: scrape.hasReads ? 1 : 0, day: scrape.scrapedOn }).lastInsertRowid);
  }

  /** The version of an existing article with this text hash, if stored (hashing the versions not hashed yet). */
  find(articleId: number, hash: Buffer): number | null {
    const article = this.s.articleText.get(articleId) as ArticleTextRow | undefined;
    for (const row of this.s.unhashed.all(articleId) as Array<{ id: number } & Omit<StoredText, 'title_key'> & { title: string | null }>) {
      const text: VersionText =
        row.paragraphs === null && article
          ? { title: article.title, author: article.author, section: article.section, paragraphs: parseParagraphList(article.paragraphs) }
          : { title: row.title ?? '', author: row.author, section: row.section, paragraphs: parseParagraphList(row.paragraphs) };
      this.s.setHash.run(versionHash(text), row.id);
    }
    return (this.s.byHash.get(articleId, hash) as number | undefined) ?? null;
  }

  /** A text the article has not had before: stored with its own text, not yet shown. */
  add(articleId: number, hash: Buffer, text: VersionText, key: string): number {
    const id = Number(
      this.s.insertStored.run({
        articleId,
        hash,
        title: text.title,
        titleKey: key,
        author: text.author,
        section: text.section,
        paragraphs: JSON.stringify(text.paragraphs),
      }).lastInsertRowid,
    );
    this.s.countVersions.run({ id: articleId });
    return id;
  }

  noteScrape(versionId: number, scrape: Scrape): void {
    this.s.noteScrape.run({ id: versionId, hasReads: scrape.hasReads ? 1 : 0, day: scrape.scrapedOn, snapshot: scrape.snapshotId });
  }

  /** Marks cut-off versions after `added` (a new text) arrived: it, or its recent neighbours. */
  markCutOffs(articleId: number, added: number): void {
    const newer = this.s.versionCut.get(added) as VersionTextRow | undefined;
    if (!newer) return;
    const article = this.s.articleText.get(articleId) as ArticleTextRow;
    const paragraphsOf = (r: VersionTextRow) => parseParagraphList(r.paragraphs ?? article.paragraphs);
    const newText = paragraphsOf(newer);
    for (const other of this.s.recentTexts.all(articleId, added) as VersionTextRow[]) {
      const otherText = paragraphsOf(other);
      if (!newer.has_reads && !newer.cut && isCutOff(newText, otherText)) {
        this.s.setCut.run(newer.id);
        newer.cut = 1;
      }
      if (!other.has_reads && !other.cut && isCutOff(otherText, newText)) this.s.setCut.run(other.id);
    }
  }

  /**
   * Shows the latest complete version, if it is not shown already. `page` is the version the page just
   * stored carried, with its analysis (reused when that version becomes the shown one); `isNew` when
   * the page added it, so that its words still have to be indexed.
   */
  showLatest(articleId: number, page: { versionId: number; analysis: PageAnalysis; isNew: boolean }): void {
    const rows = this.s.versionsOf.all(articleId) as VersionRow[];
    const complete = rows.filter((r) => r.cut === 0);
    let best: VersionRow | undefined;
    for (const r of complete.length > 0 ? complete : rows) if (!best || later(r, best)) best = r;
    const shown = rows.find((r) => r.shown === 1);
    if (best && best.id !== shown?.id) {
      const isPage = best.id === page.versionId;
      this.swap(articleId, best.id, isPage ? page.analysis : null, !(isPage && page.isNew));
    }
    if (page.isNew && page.versionId !== best?.id) this.indexStored(page.versionId, page.analysis);
  }

  /** The version `to` becomes the shown one: its text moves into the article row, the shown one's out. */
  private swap(articleId: number, to: number, analysis: PageAnalysis | null, toIsIndexed: boolean): void {
    const article = this.s.articleText.get(articleId) as ArticleTextRow;
    const from = (this.s.shownVersion.get(articleId) as number | undefined) ?? null;
    if (from !== null) {
      this.s.keepText.run({
        id: from,
        title: article.title,
        titleKey: article.title_key,
        author: article.author,
        section: article.section,
        paragraphs: article.paragraphs,
      });
      this.indexStored(from, indexOfText(article.title, parseParagraphList(article.paragraphs)));
    }
    const text = this.s.versionText.get(to) as StoredText;
    this.s.dropText.run(to);
    if (toIsIndexed) this.s.deleteVersionFts.run(to);
    const paragraphs = parseParagraphList(text.paragraphs);
    const index = analysis ?? indexOfText(text.title, paragraphs);
    const fingerprint = analysis ? analysis.fingerprint : fingerprintOf(index.body.norm, index.title.norm);
    this.s.showText.run({
      id: articleId,
      title: text.title,
      titleKey: text.title_key ?? titleKey(text.title),
      author: text.author,
      section: text.section,
      paragraphs: text.paragraphs,
      fingerprint: fingerprint ? Buffer.from(fingerprint.buffer, fingerprint.byteOffset, fingerprint.byteLength) : null,
    });
    this.s.deleteFts.run(articleId);
    this.s.deleteTitleFts.run(articleId);
    this.indexArticle(articleId, index);
  }

  /** Search indexes of the shown text: articles_fts (title and body) and titles_fts (title only). */
  indexArticle(id: number, index: TextIndex): void {
    this.s.insertFts.run(id, index.title.norm, index.body.norm, index.title.stem, index.body.stem);
    this.s.insertTitleFts.run(id, index.title.norm, index.title.stem);
  }

  /** Removes every search row of an article about to be deleted. */
  unindexArticle(id: number): void {
    for (const versionId of this.s.storedVersionIds.all(id) as number[]) this.s.deleteVersionFts.run(versionId);
    this.s.deleteFts.run(id);
    this.s.deleteTitleFts.run(id);
  }

  private indexStored(versionId: number, index: TextIndex): void {
    this.s.insertVersionFts.run(versionId, index.title.norm, index.body.norm, index.title.stem, index.body.stem);
  }
}

/** The later of two versions: by last scrape day, then by the later file. */
function later(a: VersionRow, b: VersionRow): boolean {
  const da = a.last_scraped_on ?? '';
  const db = b.last_scraped_on ?? '';
  return da !== db ? da > db : a.last_snapshot > b.last_snapshot;
}
