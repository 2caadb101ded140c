/**
 * The API contract's data shapes. Shared by every layer; imports nothing.
 * Dates: `publishedAt` is site-local wall time "YYYY-MM-DDTHH:MM:SS" (no zone: the sites state none);
 * scrape days are "YYYY-MM-DD".
 */

export type PageFormat = 'text' | 'html';
/**
 * The encoding a file was read in: a WHATWG encoding name as TextDecoder spells it ('utf-8', 'utf-16le',
 * 'windows-1256', 'windows-1252', 'shift_jis', 'gbk'…), or 'utf-8-bom' for UTF-8 that starts with a BOM.
 */
export type TextEncoding = string;

export interface SnapshotInfo {
  /** File path; a zip member is `bundle.zip!/inner/path`. */
  path: string;
  scrapedOn: string | null;
  readCount: number | null;
  encoding: TextEncoding;
  format: PageFormat;
  /** The URL the file or crawl record came from, when its source states one. */
  url: string | null;
  /** The number of the version (distinct text) this file carried; null when unknown. */
  version: number | null;
}

export interface ArticleSummary {
  id: number;
  site: string;
  section: string | null;
  title: string;
  author: string | null;
  publishedAt: string | null;
  readCount: number | null;
  /** Distinct texts of the article seen across its scrapes (more than 1: edited after the first scrape). */
  versionCount: number;
}

export interface Article extends ArticleSummary {
  /** The article's canonical URL when a page or crawl states one. */
  url: string | null;
  paragraphs: string[];
  snapshots: SnapshotInfo[];
  /** The number of the version shown (the latest complete text). */
  version: number;
}

/** Where the words of a query occur in one article (same analyser as the search), for the reader. */
export interface ArticleHighlights {
  id: number;
  query: string;
  /** Ranges into the article's title. */
  title: Highlight[];
  /** One list of ranges per paragraph, in paragraph order (empty where nothing matched). */
  paragraphs: Highlight[][];
}

export type ArticleSort = 'newest' | 'oldest' | 'most-read';
export type SearchSort = 'relevance' | ArticleSort;
/** Browse sorts: the article sorts, and the most edited articles first. */
export type ListSort = ArticleSort | 'most-edited';

export interface ListQuery {
  site?: string;
  section?: string;
  author?: string;
  /** Inclusive day bounds "YYYY-MM-DD" on publishedAt. */
  from?: string;
  to?: string;
  sort?: ListSort;
  /** Only articles with more than one version (edited after their first scrape). */
  edited?: boolean;
  limit?: number;
  offset?: number;
  /** One row per story: near-duplicate copies are folded into the first one in the order (default true). */
  collapse?: boolean;
}

export interface ListResult {
  /** Rows to page through: one per story when near-duplicates are collapsed (the default). */
  total: number;
  limit: number;
  offset: number;
  articles: ListedArticle[];
}

export interface TickerHeadline {
  position: number;
  headline: string;
  /** The archived article whose normalised title matches, if any. */
  articleId: number | null;
}

export interface TickerSnapshot {
  site: string;
  date: string;
  headlines: TickerHeadline[];
}

export interface TickerDays {
  site: string;
  dates: string[];
}

export interface CountBucket {
  value: string;
  count: number;
}

export interface ArchiveStats {
  articles: number;
  snapshots: number;
  tickerDays: number;
  imports: number;
  sites: CountBucket[];
  sections: Array<CountBucket & { site: string }>;
  years: CountBucket[];
  /** Copies folded under another copy of the same story (near-duplicate groups): rows a folded list does not show. */
  foldedCopies: number;
}

export type RejectReason =
  | 'empty'
  | 'binary'
  | 'decode'
  | 'not-article'
  | 'error-page'
  | 'too-large'
  | 'unreadable'
  | 'unsupported-type'
  | 'bad-zip'
  | 'link'
  /** A crawl (WARC, WACZ) or export (JSON, CSV) damaged or cut short: what came before it was imported. */
  | 'damaged';

export interface Rejection {
  path: string;
  reason: RejectReason;
  message: string;
}

/**
 * Why a record of a crawl was passed over by design (counted, never listed one by one): not an HTML page,
 * a redirect, an HTTP error (4xx/5xx) or another status than OK, robots.txt, an HTML page that is no
 * article (home, section and tag pages), a revisit whose original capture is not an article in the archive.
 */
export const SKIP_REASONS = ['not-html', 'redirect', 'http-error', 'http-other', 'robots-txt', 'not-article', 'revisit-without-original'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The fields of an article in a scraper export (JSON lines, JSON, CSV); `body` is its text (plain or HTML). */
export type ExportField = 'title' | 'body' | 'date' | 'url' | 'author' | 'section' | 'site' | 'scraped';
/** Which field of an export holds which part of an article, for exports whose names are not the usual ones. */
export type FieldMap = Partial<Record<ExportField, string>>;

export interface ImportCounts {
  /** Files and zip members (a WARC, WACZ or export file counts as one). */
  filesTotal: number;
  filesDone: number;
  /** Records of crawls and items of exports read so far (their files are counted in filesDone when finished). */
  recordsDone: number;
  articlesAdded: number;
  articlesUpdated: number;
  /** Files already in the archive with the same content (re-runs). */
  unchanged: number;
  /** Byte-identical copies of a file already seen at another path. */
  duplicates: number;
  rejected: number;
  /** Bytes of the input files and zips on disk; progress and time left go by these. */
  bytesTotal: number;
  bytesDone: number;
  /** Records of crawls passed over by design, by reason (absent: none). */
  skipped: Partial<Record<SkipReason, number>>;
}

export type ImportPhase = 'scanning' | 'importing' | 'finished' | 'cancelled' | 'failed';

export interface ImportProgress extends ImportCounts {
  importId: number;
  phase: ImportPhase;
  elapsedMs: number;
  /** Pages, files and records per second. */
  pagesPerSecond: number;
  bytesPerSecond: number;
  /** Estimated milliseconds left (from the bytes still to read); null while unknown. */
  etaMs: number | null;
}

export interface ImportReport extends ImportCounts {
  importId: number;
  phase: ImportPhase;
  elapsedMs: number;
  rejected: number;
  /** The first rejections (at most REPORTED_REJECTIONS of `rejected`; every one is kept in the archive's import_problems). */
  rejections: Rejection[];
}

/** Rejections an import's report carries in memory; the rest are read back from the archive when wanted. */
export const REPORTED_REJECTIONS = 1000;

export interface SearchQuery {
  /** The user's query text: words, "phrases", -exclusions, OR, prefix*. */
  query: string;
  site?: string;
  section?: string;
  author?: string;
  from?: string;
  to?: string;
  minReads?: number;
  sort?: SearchSort;
  limit?: number;
  offset?: number;
  /** Also match the earlier wording of edited articles (default: only the text each article shows). */
  allVersions?: boolean;
  /** One row per story: near-duplicate copies are folded into their best-ranked copy (default true). */
  collapse?: boolean;
  /** The calendar of the timeline and the year facet (default gregorian); the filters stay Gregorian days. */
  calendar?: Calendar;
}

/** A half-open range [start, end) of UTF-16 offsets into the string it accompanies. */
export interface Highlight {
  start: number;
  end: number;
}

/** Near-duplicates of an article: the same story stored again (another site, a prefix, a word changed). */
export interface CopiesInfo {
  /** The article's near-duplicate group (a label shared by its copies), or null when it has none. */
  group: number | null;
  /** Its other copies in this result (matching the query and the filters), best first; in the reader, all of them (at most 20 listed). */
  copies: ArticleSummary[];
  /** How many other copies there are (`copies` lists the first 20). */
  copyCount: number;
}

/** A row of the list: an article and the copies folded into it. */
export interface ListedArticle extends ArticleSummary, CopiesInfo {}

/** An article as the reader shows it, with every copy of its story. */
export interface ArticleWithCopies extends Article, CopiesInfo {}

export interface SearchHit extends ArticleSummary, CopiesInfo {
  /** A window of the original body text around the best match. */
  snippet: string;
  highlights: Highlight[];
  /** Highlight ranges into `title`. */
  titleHighlights: Highlight[];
  score: number;
  /**
   * Set (with allVersions) when only an earlier wording of the article matches: the number of that
   * version; the snippet and highlights are then cut from it.
   */
  earlierVersion?: number;
}

/** "Did you mean": the query read with glued words split at a clitic (فنار → ف + نار). */
export interface SearchSuggestion {
  /** The query with the split words written apart, ready to run. */
  query: string;
  /** Each split word as typed, and its two parts as typed (['ف', 'نار']). */
  splits: Array<{ word: string; parts: [string, string] }>;
}

export interface SearchFacets {
  site: CountBucket[];
  section: CountBucket[];
  year: CountBucket[];
  author: CountBucket[];
}

export interface SearchResult {
  query: string;
  /** Rows to page through: one per story when near-duplicates are collapsed (the default). */
  total: number;
  /** Matching articles (copies included); facets and the timeline count these. */
  matches: number;
  limit: number;
  offset: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /**
   * Hit counts per month "YYYY-MM", oldest first, over the whole result set: Gregorian months, or
   * Hijri (Umm al-Qura) months ("1438-09" is Ramadan 1438) when `calendar` is hijri.
   */
  timeline: CountBucket[];
  /** The calendar `timeline` and `facets.year` count in (the query's, gregorian by default). */
  calendar: Calendar;
  /** Why the query cannot match anything (e.g. only exclusions), or null. */
  problem: string | null;
  /** The same reason as a code, so a UI can say it in its own language (absent: see `problem`). */
  problemCode?: SearchProblemCode | null;
  /** No article has all the words: these are the articles with most of them, most first. */
  relaxed: boolean;
  /** The split reading relaxed matching used (فنار → ف + نار), or null. */
  suggestion: SearchSuggestion | null;
  /** The time budget ran out: the order past the first hits (or the relaxed matching) was cut short. */
  truncated: boolean;
}

/** Why a search cannot match anything; `other` when the engine gave a reason without a known code. */
export type SearchProblemCode = 'empty' | 'no-words' | 'only-exclusions' | 'index-error' | 'other';

export interface ArchiveInfo {
  path: string;
  articles: number;
  sites: number;
  schemaVersion: number;
  sizeBytes: number;
  /** The archive cannot be changed here (a read-only file, folder or disk): browse and search only. */
  readonly: boolean;
}

/** An archive brought up to date after a full copy of it was kept beside it. */
export interface UpgradeResult {
  archive: ArchiveInfo;
  fromVersion: number;
  toVersion: number;
  /** The copy of the archive as it was before the upgrade; null when nothing needed upgrading. */
  backup: string | null;
}

export type Theme = 'system' | 'light' | 'sepia' | 'dark';
export type Language = 'ar' | 'en';
export type DigitStyle = 'arabic' | 'western';
export type Calendar = 'gregorian' | 'hijri';
/**
 * The names of the Gregorian months: Levantine (كانون الثاني، آب), Gulf and Egyptian (يناير، أغسطس),
 * Algerian and Tunisian (جانفي، أوت) or Moroccan (يناير، غشت); `auto` follows the system's region.
 */
export type MonthNames = 'auto' | 'levantine' | 'gulf-egyptian' | 'maghrebi' | 'moroccan';

export interface Settings {
  theme: Theme;
  language: Language;
  digits: DigitStyle;
  calendar: Calendar;
  monthNames: MonthNames;
  /** Reading font size in CSS pixels. */
  fontSize: number;
}

export interface ExportResult {
  path: string;
  articles: number;
  /** Damaged articles left out of the export (their stored text could not be read). */
  skipped: number;
  /** The ids of the first skipped articles (up to 100). */
  skippedIds: number[];
}

// ---- Versions of an article, word diffs, ticker history

export interface VersionInfo {
  /** Stable id of the version. */
  id: number;
  /** 1 is the earliest text seen; versions are numbered by the day they were first scraped. */
  number: number;
  title: string;
  firstScrapedOn: string | null;
  lastScrapedOn: string | null;
  /** The version the article shows: its latest complete text. */
  shown: boolean;
  /** A cut-off scrape (a prefix of a longer version, without a read count): kept, never shown. */
  cut: boolean;
  /** The files that carried this text, with their read counts (none when every such file has since changed). */
  snapshots: SnapshotInfo[];
}

export interface ArticleVersions {
  articleId: number;
  versions: VersionInfo[];
}

/** One version with its full text. */
export interface ArticleVersion extends VersionInfo {
  articleId: number;
  author: string | null;
  section: string | null;
  paragraphs: string[];
}

/**
 * `words` compares the analyser's normalised words (harakat, tatweel, hamza forms, digit shapes and
 * punctuation alone are no change); `exact` compares each word's original characters.
 */
export type DiffMode = 'words' | 'exact';

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  /** Original text (words with the spaces and punctuation after them); for `equal`, as the newer version writes it. */
  text: string;
  /** For `equal`: the older version's original text, when it differs from `text` in what the mode ignores. */
  was?: string;
}

/** One paragraph of the comparison: unchanged, changed (with word operations), removed or added. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'deleted' | 'inserted';
  ops: DiffOp[];
}

export interface FieldChange {
  from: string | null;
  to: string | null;
}

export interface VersionDiff {
  articleId: number;
  /** Version numbers compared: `from` is the older text, `to` the newer. */
  from: number;
  to: number;
  mode: DiffMode;
  title: DiffOp[];
  author: FieldChange | null;
  section: FieldChange | null;
  paragraphs: DiffRow[];
  /** Words inserted and deleted (title and body). */
  inserted: number;
  deleted: number;
  /** The texts differ, but only in what the mode ignores (e.g. harakat in `words` mode). */
  marksOnly: boolean;
}

export interface TickerCalendarDay {
  date: string;
  /** Headlines on the ticker that day. */
  headlines: number;
}

export interface TickerHeadlineDay {
  date: string;
  /** 1 is the first headline of the ticker. */
  position: number;
}

/** One headline (by its normalised words) across the scrape days of its site. */
export interface TickerHeadlineTrack {
  /** The headline as last seen. */
  headline: string;
  /** The archived article with that headline (in any of its versions), if any. */
  articleId: number | null;
  days: TickerHeadlineDay[];
}

export interface TickerHeadlineHistory extends TickerHeadlineTrack {
  /** Consecutive scrape days of the site on which it stayed, from its first appearance. */
  stay: number;
  /** The median first stay of the headlines that entered the ticker the same day (null: too few to tell). */
  cohortStay: number | null;
  /** It was on the first scrape day of the range or still on at its last: its stay is not fully seen. */
  censored: boolean;
  /** It left after at most half the median stay of the headlines that entered with it. */
  leftEarly: boolean;
}

export interface TickerHistory {
  site: string;
  from: string | null;
  to: string | null;
  /** The site's scrape days in the range with a ticker, oldest first. */
  days: TickerCalendarDay[];
  /** Every headline seen in the range, by first day, then position. */
  headlines: TickerHeadlineHistory[];
}
