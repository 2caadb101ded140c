import type Database from 'better-sqlite3';
import type { PageFormat, Rejection, TextEncoding } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { versionHash, type VersionText } from '../archive/version-text.js';
import type { ParsedPage } from '../pages/types.js';
import { ArticleIdentity } from './identity.js';
import type { PageAnalysis } from './process-page.js';
import { VersionWriter } from './version-writer.js';

export interface ExistingSnapshot {
  id: number;
  article_id: number;
  content_hash: string;
}

interface SnapshotTemplate {
  article_id: number;
  version_id: number | null;
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

/**
 * The single write path of an import: prepared statements over one connection, used inside batch
 * transactions. Identity (which stored article a page is) is in identity.ts; versions (which text
 * of it the page carried, and which text the article shows) in version-writer.ts.
 */
export class ArchiveWriter {
  private readonly db: Database.Database;
  private readonly s;
  private readonly identity: ArticleIdentity;
  private readonly versions: VersionWriter;

  constructor(archive: Archive, readonly importId: number) {
    this.db = archive.db;
    const db = this.db;
    this.identity = new ArticleIdentity(db);
    this.versions = new VersionWriter(db);
    this.s = {
      snapshotByPath: db.prepare('SELECT id, article_id, content_hash FROM snapshots WHERE path = ?'),
      snapshotByHash: db.prepare(
        'SELECT article_id, version_id, scraped_on, read_count, encoding, format FROM snapshots WHERE content_hash = ? ORDER BY id LIMIT 1',
      ),
      insertArticle: db.prepare(
        `INSERT INTO articles (site, section, title, title_key, author, published_at, identity, read_count, paragraphs,
           first_scraped_on, last_scraped_on, created_import, updated_import, url, fingerprint)
         VALUES (@site, @section, @title, @titleKey, @author, @publishedAt, @identity, @readCount, @paragraphs,
           @scrapedOn, @scrapedOn, @importId, @importId, @url, @fingerprint)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      articleDays: db.prepare('SELECT last_scraped_on FROM articles WHERE id = ?').pluck(),
      updateScrape: db.prepare(
        `UPDATE articles SET
           first_scraped_on = CASE WHEN @scrapedOn IS NOT NULL AND (first_scraped_on IS NULL OR @scrapedOn < first_scraped_on) THEN @scrapedOn ELSE first_scraped_on END,
           last_scraped_on = CASE WHEN @latest THEN coalesce(@scrapedOn, last_scraped_on) ELSE last_scraped_on END,
           read_count = CASE WHEN @latest THEN coalesce(@readCount, read_count) ELSE read_count END,
           url = coalesce(url, @url), updated_import = @importId
         WHERE id = @id`,
      ),
      insertSnapshot: db.prepare(
        `INSERT INTO snapshots (article_id, path, content_hash, scraped_on, read_count, encoding, format, bytes, import_id, url, version_id)
         VALUES (@articleId, @path, @hash, @scrapedOn, @readCount, @encoding, @format, @bytes, @importId, @url, @versionId)`,
      ),
      deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE id = ?'),
      hasSnapshots: db.prepare('SELECT 1 FROM snapshots WHERE article_id = ? LIMIT 1').pluck(),
      deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
      insertTickerDay: db.prepare('INSERT OR IGNORE INTO ticker_days (site, day, source_path) VALUES (?, ?, ?)'),
      insertTickerItem: db.prepare('INSERT INTO ticker_items (ticker_day_id, position, headline, title_key) VALUES (?, ?, ?, ?)'),
      insertProblem: db.prepare('INSERT INTO import_problems (import_id, path, reason, message) VALUES (?, ?, ?, ?)'),
      // A revisit's original: a capture of that URL, the one of the day it names first, else the latest.
      captureByUrl: db.prepare(
        `SELECT article_id, version_id, read_count, encoding, format, bytes FROM snapshots WHERE url = @url
         ORDER BY (scraped_on IS @day) DESC, scraped_on DESC, id DESC LIMIT 1`,
      ),
      // … or, when the page named another URL as its own (canonical), the article of that URL.
      captureByArticleUrl: db.prepare(
        `SELECT s.article_id, s.version_id, s.read_count, s.encoding, s.format, s.bytes FROM articles a JOIN snapshots s ON s.article_id = a.id
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

  /** A byte-identical file already stored elsewhere: record this path as another snapshot of its article and version. */
  storeDuplicate(path: string, hash: string, bytes: number, replaces: ExistingSnapshot | null): boolean {
    const twin = this.s.snapshotByHash.get(hash) as SnapshotTemplate | undefined;
    if (!twin) return false;
    if (replaces) this.s.deleteSnapshot.run(replaces.id);
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
      versionId: twin.version_id,
    });
    if (replaces) this.dropIfOrphaned(replaces.article_id);
    return true;
  }

  storePage(item: PageToStore): StoreOutcome {
    const { page, analysis } = item;
    // The file changed: its old snapshot goes first (paths are unique); its article goes after this
    // page is stored, and only if nothing else (this page included) still carries it.
    if (item.replaces) this.s.deleteSnapshot.run(item.replaces.id);
    const existing = this.identity.find(item.site, page, analysis);
    let outcome: StoreOutcome;
    if (existing === null) {
      const articleId = this.insertArticle(item);
      const versionId = this.versions.createFirst(articleId, { scrapedOn: page.scrapedOn, hasReads: page.readCount !== null });
      this.versions.indexArticle(articleId, analysis);
      this.insertSnapshot(item, articleId, versionId);
      outcome = 'added';
    } else {
      this.mergeScrape(existing, item);
      outcome = 'updated';
    }
    if (item.replaces) this.dropIfOrphaned(item.replaces.article_id);
    if (page.scrapedOn && page.ticker.length > 0) this.storeTicker(item.site, page.scrapedOn, item.path, page.ticker, analysis.tickerKeys);
    return outcome;
  }

  private insertArticle(item: PageToStore): number {
    const { page, analysis } = item;
    const natural = ArticleIdentity.naturalKey(item.site, page, analysis.titleKey);
    const row = {
      site: item.site,
      section: page.section,
      title: page.title,
      titleKey: analysis.titleKey,
      author: page.author,
      publishedAt: page.publishedAt,
      identity: natural,
      readCount: page.readCount,
      paragraphs: JSON.stringify(page.paragraphs),
      scrapedOn: page.scrapedOn,
      importId: this.importId,
      url: page.url,
      fingerprint: fingerprintBlob(analysis.fingerprint),
    };
    let inserted = this.s.insertArticle.run(row);
    // Another article holds the natural key (another canonical URL): this file's path keeps it unique.
    if (inserted.changes === 0) inserted = this.s.insertArticle.run({ ...row, identity: `${natural}\u001f${item.path}` });
    return Number(inserted.lastInsertRowid);
  }

  private insertSnapshot(item: PageToStore, articleId: number, versionId: number): number {
    const { page } = item;
    const snapshotId = Number(
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
        versionId,
      }).lastInsertRowid,
    );
    return snapshotId;
  }

  /**
   * Another scrape of a stored article. The latest scrape (by scrape day; later files win ties) gives
   * the read count; its text is the version it carried — a new one if the text is new — and the
   * article shows its latest complete version (version-writer.ts).
   */
  private mergeScrape(articleId: number, item: PageToStore): void {
    const { page, analysis } = item;
    const text: VersionText = { title: page.title, author: page.author, section: page.section, paragraphs: page.paragraphs };
    const hash = versionHash(text);
    const lastDay = this.s.articleDays.get(articleId) as string | null;
    const latest = lastDay === null || (page.scrapedOn !== null && page.scrapedOn >= lastDay);
    this.s.updateScrape.run({
      id: articleId,
      scrapedOn: page.scrapedOn,
      latest: latest ? 1 : 0,
      readCount: page.readCount,
      url: page.url,
      importId: this.importId,
    });
    let versionId = this.versions.find(articleId, hash);
    const isNew = versionId === null;
    versionId ??= this.versions.add(articleId, hash, text, analysis.titleKey);
    const snapshotId = this.insertSnapshot(item, articleId, versionId);
    this.versions.noteScrape(versionId, { snapshotId, scrapedOn: page.scrapedOn, hasReads: page.readCount !== null });
    if (isNew) this.versions.markCutOffs(articleId, versionId);
    this.versions.showLatest(articleId, { versionId, analysis, isNew });
  }

  /** An article none of whose files is left (they all changed into other articles) goes, with its versions. */
  private dropIfOrphaned(articleId: number): void {
    if (this.s.hasSnapshots.get(articleId) !== undefined) return;
    this.versions.unindexArticle(articleId);
    this.s.deleteArticle.run(articleId);
  }

  private storeTicker(site: string, day: string, sourcePath: string, headlines: string[], keys: string[]): void {
    const inserted = this.s.insertTickerDay.run(site, day, sourcePath);
    if (inserted.changes === 0) return; // the first page seen for a site and day gives its ticker
    const dayId = Number(inserted.lastInsertRowid);
    headlines.forEach((headline, i) => this.s.insertTickerItem.run(dayId, i + 1, headline, keys[i] ?? ''));
  }

  /**
   * A crawl's revisit record (the page captured again, unchanged): one more snapshot of the article and
   * version its original capture gave, on the revisit's day. False when no capture of that URL is in the archive.
   */
  storeRevisit(item: RevisitToStore): boolean {
    const key = { url: item.refersTo, day: item.refersToDay };
    const original = (this.s.captureByUrl.get(key) ?? this.s.captureByArticleUrl.get(key)) as
      | (Omit<SnapshotTemplate, 'scraped_on'> & { bytes: number })
      | undefined;
    if (!original) return false;
    if (item.replaces) this.s.deleteSnapshot.run(item.replaces.id);
    const snapshotId = Number(
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
        versionId: original.version_id,
      }).lastInsertRowid,
    );
    if (original.version_id !== null) {
      this.versions.noteScrape(original.version_id, { snapshotId, scrapedOn: item.day, hasReads: original.read_count !== null });
    }
    if (item.day !== null) this.s.revisitScrapeDays.run({ day: item.day, importId: this.importId, id: original.article_id });
    if (item.replaces) this.dropIfOrphaned(item.replaces.article_id);
    return true;
  }

  recordProblem(rejection: Rejection): void {
    this.s.insertProblem.run(this.importId, rejection.path, rejection.reason, rejection.message);
  }
}

function fingerprintBlob(fp: Uint8Array | null): Buffer | null {
  return fp ? Buffer.from(fp.buffer, fp.byteOffset, fp.byteLength) : null;
}
