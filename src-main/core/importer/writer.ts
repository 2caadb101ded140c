import type Database from 'better-sqlite3';
import type { PageFormat, Rejection, TextEncoding } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import type { ParsedPage } from '../pages/types.js';
import type { PageAnalysis } from './process-page.js';

export interface ExistingSnapshot {
  id: number;
  article_id: number;
  content_hash: string;
}

interface ArticleState {
  id: number;
  last_scraped_on: string | null;
  first_scraped_on: string | null;
  paragraphs: string;
  title: string;
}

interface SnapshotTemplate {
  article_id: number;
  scraped_on: string | null;
  read_count: number | null;
  encoding: string;
  format: string;
}

export interface PageToStore {
  path: string;
  hash: string;
  bytes: number;
  site: string;
  page: ParsedPage;
  encoding: TextEncoding;
  analysis: PageAnalysis;
  /** The snapshot already stored at this path with other content (the file changed), if any. */
  replaces: ExistingSnapshot | null;
}

export type StoreOutcome = 'added' | 'updated';

export interface RevisitToStore {
  path: string;
  hash: string;
  /** The URL captured, and the URL and day of the capture it repeats. */
  url: string;
  refersTo: string;
  refersToDay: string | null;
  /** The revisit's capture day. */
  day: string | null;
  replaces: ExistingSnapshot | null;
}

/** The single write path of an import: prepared statements over one connection, used inside batch transactions. */
export class ArchiveWriter {
  private readonly db: Database.Database;
  private readonly s;

  constructor(archive: Archive, readonly importId: number) {
    this.db = archive.db;
    const db = this.db;
    this.s = {
      snapshotByPath: db.prepare('SELECT id, article_id, content_hash FROM snapshots WHERE path = ?'),
      snapshotByHash: db.prepare(
        'SELECT article_id, scraped_on, read_count, encoding, format FROM snapshots WHERE content_hash = ? ORDER BY id LIMIT 1',
      ),
      articleByIdentity: db.prepare('SELECT id, last_scraped_on, first_scraped_on, paragraphs, title FROM articles WHERE identity = ?'),
      insertArticle: db.prepare(
        `INSERT INTO articles (site, section, title, title_key, author, published_at, identity, read_count, paragraphs,
           first_scraped_on, last_scraped_on, created_import, updated_import, url, fingerprint)
         VALUES (@site, @section, @title, @titleKey, @author, @publishedAt, @identity, @readCount, @paragraphs,
           @scrapedOn, @scrapedOn, @importId, @importId, @url, @fingerprint)`,
      ),
      updateLatest: db.prepare(
        `UPDATE articles SET section = @section, author = coalesce(@author, author),
           read_count = coalesce(@readCount, read_count), last_scraped_on = @scrapedOn,
           first_scraped_on = @firstScrapedOn, updated_import = @importId WHERE id = @id`,
      ),
      updateText: db.prepare('UPDATE articles SET title = @title, paragraphs = @paragraphs, fingerprint = @fingerprint WHERE id = @id'),
      updateFirstSeen: db.prepare('UPDATE articles SET first_scraped_on = @firstScrapedOn, updated_import = @importId WHERE id = @id'),
      insertFts: db.prepare('INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)'),
      deleteFts: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
      insertTitleFts: db.prepare('INSERT INTO titles_fts (rowid, title, title_stem) VALUES (?, ?, ?)'),
      deleteTitleFts: db.prepare('DELETE FROM titles_fts WHERE rowid = ?'),
      insertSnapshot: db.prepare(
        `INSERT INTO snapshots (article_id, path, content_hash, scraped_on, read_count, encoding, format, bytes, import_id, url)
         VALUES (@articleId, @path, @hash, @scrapedOn, @readCount, @encoding, @format, @bytes, @importId, @url)`,
      ),
      deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE id = ?'),
      deleteOrphan: db.prepare('DELETE FROM articles WHERE id = ? AND NOT EXISTS (SELECT 1 FROM snapshots WHERE article_id = ?)'),
      insertTickerDay: db.prepare('INSERT OR IGNORE INTO ticker_days (site, day, source_path) VALUES (?, ?, ?)'),
      insertTickerItem: db.prepare('INSERT INTO ticker_items (ticker_day_id, position, headline, title_key) VALUES (?, ?, ?, ?)'),
      insertProblem: db.prepare('INSERT INTO import_problems (import_id, path, reason, message) VALUES (?, ?, ?, ?)'),
      // A revisit's original: a capture of that URL, the one of the day it names first, else the latest.
      captureByUrl: db.prepare(
        `SELECT article_id, read_count, encoding, format, bytes FROM snapshots WHERE url = @url
         ORDER BY (scraped_on IS @day) DESC, scraped_on DESC, id DESC LIMIT 1`,
      ),
      // … or, when the page named another URL as its own (canonical), the article of that URL.
      captureByArticleUrl: db.prepare(
        `SELECT s.article_id, s.read_count, s.encoding, s.format, s.bytes FROM articles a JOIN snapshots s ON s.article_id = a.id
         WHERE a.url = @url ORDER BY (s.scraped_on IS @day) DESC, s.scraped_on DESC, s.id DESC LIMIT 1`,
      ),
      revisitScrapeDays: db.prepare(
        `UPDATE articles SET first_scraped_on = min(coalesce(first_scraped_on, @day), @day),
           last_scraped_on = max(coalesce(last_scraped_on, @day), @day), updated_import = @importId WHERE id = @id`,
      ),
    };
  }

  snapshotAt(path: string): ExistingSnapshot | undefined {
    return this.s.snapshotByPath.get(path) as ExistingSnapshot | undefined;
  }

  /** A byte-identical file already stored elsewhere: record this path as another snapshot of its article. */
  storeDuplicate(path: string, hash: string, bytes: number, replaces: ExistingSnapshot | null): boolean {
    const twin = this.s.snapshotByHash.get(hash) as SnapshotTemplate | undefined;
    if (!twin) return false;
    if (replaces) this.removeSnapshot(replaces);
    this.s.insertSnapshot.run({
      articleId: twin.article_id,
      path,
      hash,
      scrapedOn: twin.scraped_on,
      readCount: twin.read_count,
      encoding: twin.encoding,
      format: twin.format,
      bytes,
      importId: this.importId,
      url: null,
    });
    return true;
  }

  storePage(item: PageToStore): StoreOutcome {
    const { page, analysis } = item;
    if (item.replaces) this.removeSnapshot(item.replaces);
    const identity = `${item.site}\u001f${page.publishedAt ?? ''}\u001f${analysis.titleKey}`;
    const paragraphs = JSON.stringify(page.paragraphs);
    const existing = this.s.articleByIdentity.get(identity) as ArticleState | undefined;
    let articleId: number;
    let outcome: StoreOutcome;
    if (!existing) {
      articleId = Number(
        this.s.insertArticle.run({
          site: item.site,
          section: page.section,
          title: page.title,
          titleKey: analysis.titleKey,
          author: page.author,
          publishedAt: page.publishedAt,
          identity,
          readCount: page.readCount,
          paragraphs,
          scrapedOn: page.scrapedOn,
          importId: this.importId,
          url: page.url,
          fingerprint: fingerprintBlob(analysis.fingerprint),
        }).lastInsertRowid,
      );
      this.indexArticle(articleId, analysis);
      outcome = 'added';
    } else {
      articleId = existing.id;
      outcome = 'updated';
      this.mergeScrape(existing, item, paragraphs);
    }
    this.s.insertSnapshot.run({
      articleId,
      path: item.path,
      hash: item.hash,
      scrapedOn: page.scrapedOn,
      readCount: page.readCount,
      encoding: item.encoding,
      format: page.format satisfies PageFormat,
      bytes: item.bytes,
      importId: this.importId,
      url: page.url,
    });
    if (page.scrapedOn && page.ticker.length > 0) this.storeTicker(item.site, page.scrapedOn, item.path, page.ticker, analysis.tickerKeys);
    return outcome;
  }

  /**
   * Another scrape of a stored article. The latest scrape (by scrape day; later files win ties) gives the
   * read count and the text — except that a cut-off page (no read count, fewer paragraphs) never replaces
   * a complete body.
   */
  private mergeScrape(existing: ArticleState, item: PageToStore, paragraphs: string): void {
    const { page, analysis } = item;
    const scrapedOn = page.scrapedOn;
    const firstScrapedOn = minDay(existing.first_scraped_on, scrapedOn);
    const isLatest = existing.last_scraped_on === null || (scrapedOn !== null && scrapedOn >= existing.last_scraped_on);
    const looksCut = page.readCount === null && paragraphs.length < existing.paragraphs.length;
    if (!isLatest || looksCut) {
      this.s.updateFirstSeen.run({ firstScrapedOn, importId: this.importId, id: existing.id });
      return;
    }
    this.s.updateLatest.run({
      section: page.section,
      author: page.author,
      readCount: page.readCount,
      scrapedOn: scrapedOn ?? existing.last_scraped_on,
      firstScrapedOn,
      importId: this.importId,
      id: existing.id,
    });
    if (paragraphs !== existing.paragraphs || page.title !== existing.title) {
      this.s.updateText.run({ title: page.title, paragraphs, fingerprint: fingerprintBlob(analysis.fingerprint), id: existing.id });
      this.unindexArticle(existing.id);
      this.indexArticle(existing.id, analysis);
    }
  }

  private storeTicker(site: string, day: string, sourcePath: string, headlines: string[], keys: string[]): void {
    const inserted = this.s.insertTickerDay.run(site, day, sourcePath);
    if (inserted.changes === 0) return; // the first page seen for a site and day gives its ticker
    const dayId = Number(inserted.lastInsertRowid);
    headlines.forEach((headline, i) => this.s.insertTickerItem.run(dayId, i + 1, headline, keys[i] ?? ''));
  }

  /** A file whose content changed since it was stored: drop its old snapshot (and its article if orphaned). */
  private removeSnapshot(old: ExistingSnapshot): void {
    this.s.deleteSnapshot.run(old.id);
    const removed = this.s.deleteOrphan.run(old.article_id, old.article_id);
    if (removed.changes > 0) this.unindexArticle(old.article_id);
  }

  /** Search indexes of one article: articles_fts (title and body) and titles_fts (title only). */
  private indexArticle(id: number, analysis: PageAnalysis): void {
    this.s.insertFts.run(id, analysis.title.norm, analysis.body.norm, analysis.title.stem, analysis.body.stem);
    this.s.insertTitleFts.run(id, analysis.title.norm, analysis.title.stem);
  }

  private unindexArticle(id: number): void {
    this.s.deleteFts.run(id);
    this.s.deleteTitleFts.run(id);
  }

  /**
   * A crawl's revisit record (the page captured again, unchanged): one more snapshot of the article its
   * original capture gave, on the revisit's day. False when no capture of that URL is in the archive.
   */
  storeRevisit(item: RevisitToStore): boolean {
    const key = { url: item.refersTo, day: item.refersToDay };
    const original = (this.s.captureByUrl.get(key) ?? this.s.captureByArticleUrl.get(key)) as
      | (Omit<SnapshotTemplate, 'scraped_on'> & { bytes: number })
      | undefined;
    if (!original) return false;
    if (item.replaces) this.removeSnapshot(item.replaces);
    this.s.insertSnapshot.run({
      articleId: original.article_id,
      path: item.path,
      hash: item.hash,
      scrapedOn: item.day,
      readCount: original.read_count,
      encoding: original.encoding,
      format: original.format,
      bytes: original.bytes,
      importId: this.importId,
      url: item.url,
    });
    if (item.day !== null) this.s.revisitScrapeDays.run({ day: item.day, importId: this.importId, id: original.article_id });
    return true;
  }

  recordProblem(rejection: Rejection): void {
    this.s.insertProblem.run(this.importId, rejection.path, rejection.reason, rejection.message);
  }
}

function fingerprintBlob(fp: Uint8Array | null): Buffer | null {
  return fp ? Buffer.from(fp.buffer, fp.byteOffset, fp.byteLength) : null;
}

function minDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
