/**
 * The API contract's data shapes. Shared by every layer; imports nothing.
 * Dates: `publishedAt` is site-local wall time "YYYY-MM-DDTHH:MM:SS" (no zone: the sites state none);
 * scrape days are "YYYY-MM-DD".
 */

export type PageFormat = 'text' | 'html';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export interface SnapshotInfo {
  /** File path; a zip member is `bundle.zip!/inner/path`. */
  path: string;
  scrapedOn: string | null;
  readCount: number | null;
  encoding: TextEncoding;
  format: PageFormat;
  /** The URL the file or crawl record came from, when its source states one. */
  url: string | null;
}

export interface ArticleSummary {
  id: number;
  site: string;
  section: string | null;
  title: string;
  author: string | null;
  publishedAt: string | null;
  readCount: number | null;
}

export interface Article extends ArticleSummary {
  /** The article's canonical URL when a page or crawl states one. */
  url: string | null;
  paragraphs: string[];
  snapshots: SnapshotInfo[];
}

export type ArticleSort = 'newest' | 'oldest' | 'most-read';
export type SearchSort = 'relevance' | ArticleSort;

export interface ListQuery {
  site?: string;
  section?: string;
  author?: string;
  /** Inclusive day bounds "YYYY-MM-DD" on publishedAt. */
  from?: string;
  to?: string;
  sort?: ArticleSort;
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
  | 'link';

export interface Rejection {
  path: string;
  reason: RejectReason;
  message: string;
}

export interface ImportCounts {
  filesTotal: number;
  filesDone: number;
  articlesAdded: number;
  articlesUpdated: number;
  /** Files already in the archive with the same content (re-runs). */
  unchanged: number;
  /** Byte-identical copies of a file already seen at another path. */
  duplicates: number;
  rejected: number;
  bytesDone: number;
}

export type ImportPhase = 'scanning' | 'importing' | 'finished' | 'cancelled' | 'failed';

export interface ImportProgress extends ImportCounts {
  importId: number;
  phase: ImportPhase;
  elapsedMs: number;
  pagesPerSecond: number;
  /** Estimated milliseconds left; null while unknown. */
  etaMs: number | null;
}

export interface ImportReport extends ImportCounts {
  importId: number;
  phase: ImportPhase;
  elapsedMs: number;
  rejected: number;
  rejections: Rejection[];
}

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
  /** One row per story: near-duplicate copies are folded into their best-ranked copy (default true). */
  collapse?: boolean;
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
  /** Hit counts per month "YYYY-MM", oldest first, over the whole result set. */
  timeline: CountBucket[];
  /** Why the query cannot match anything (e.g. only exclusions), or null. */
  problem: string | null;
  /** No article has all the words: these are the articles with most of them, most first. */
  relaxed: boolean;
  /** The split reading relaxed matching used (فنار → ف + نار), or null. */
  suggestion: SearchSuggestion | null;
  /** The time budget ran out: the order past the first hits (or the relaxed matching) was cut short. */
  truncated: boolean;
}

export interface ArchiveInfo {
  path: string;
  articles: number;
  sites: number;
  schemaVersion: number;
  sizeBytes: number;
}

export type Theme = 'system' | 'light' | 'sepia' | 'dark';
export type Language = 'ar' | 'en';
export type DigitStyle = 'arabic' | 'western';
export type Calendar = 'gregorian' | 'hijri';

export interface Settings {
  theme: Theme;
  language: Language;
  digits: DigitStyle;
  calendar: Calendar;
  /** Reading font size in CSS pixels. */
  fontSize: number;
}

export interface ExportResult {
  path: string;
  articles: number;
}
