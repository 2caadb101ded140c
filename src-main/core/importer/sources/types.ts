/** What crawls and exports yield to the import: units with their address, and progress in bytes. */
import type { Rejection, SkipReason, TextEncoding } from '../../../common/types.js';
import type { PageContext } from '../../pages/types.js';

/** One article of a scraper export, its fields found (by usual names or the user's mapping), as given. */
export interface ExportItem {
  title: string;
  /** Plain text (paragraphs on lines), an HTML fragment, or a list of paragraphs. */
  body: string | string[];
  date: string | null;
  url: string | null;
  author: string | null;
  section: string | null;
  site: string | null;
  /** When it was scraped (news-please's date_download and the like). */
  scraped: string | null;
  readCount: number | null;
  /** The text encoding of the file the item came from. */
  encoding: TextEncoding;
}

/** A WARC revisit record: the page was captured again, identical to (or not modified since) an earlier capture. */
export interface RevisitRecord {
  /** The URL captured. */
  url: string;
  /** The URL of the original capture (WARC-Refers-To-Target-URI, else the same URL). */
  refersTo: string;
  /** The day of the original capture (WARC-Refers-To-Date), when stated. */
  refersToDay: string | null;
  /** The day of this capture. */
  day: string | null;
}

export type SourceUnit =
  /** A page of a crawl: its bytes and what the crawl knows of it. */
  | { type: 'page'; path: string; bytes: Buffer; context: PageContext }
  | { type: 'item'; path: string; item: ExportItem }
  | { type: 'revisit'; path: string; hash: string; revisit: RevisitRecord }
  /** A record passed over by design: counted by reason, never listed. */
  | { type: 'skip'; reason: SkipReason }
  /** A record or item that should have been an article and is not, or damage that ends the file. */
  | { type: 'problem'; rejection: Rejection };

/** A unit, with the bytes of its file read so far (for progress by bytes). */
export type SourceEvent = SourceUnit & { consumed: number };
