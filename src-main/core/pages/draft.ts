/** What a layout recogniser extracts before the verdict (article or not), and hints from HTML markup. */
import { trimSpace } from './chars.js';

export interface Draft {
  site: string | null;
  scrapedOn: string | null;
  ticker: string[];
  section: string | null;
  publishedAt: string | null;
  /** Null when the recogniser found no title. */
  title: string | null;
  author: string | null;
  paragraphs: string[];
  readCount: number | null;
  /** Position of the title among the lines (-1 when none): error messages above it reject the page. */
  titleIndex: number;
}

/** Structural hints an HTML save carries besides its text (all null for text saves). */
export interface PageHints {
  /** Text of `<title>`. */
  documentTitle: string | null;
  /** Text of the first non-empty `<h1>`. */
  h1: string | null;
  /** A domain from og:site_name (when it is one), the canonical link or og:url; lower-cased, no "www.". */
  site: string | null;
  /** "YYYY-MM-DDTHH:MM:SS" from article:published_time and the like. */
  publishedAt: string | null;
  /** The canonical link, og:url or the "saved from url=" comment, as written (not yet checked). */
  url: string | null;
}

export const NO_HINTS: PageHints = { documentTitle: null, h1: null, site: null, publishedAt: null, url: null };

/** The text's lines, trimmed (spaces, NBSP, zero-width and bidi marks), empty ones dropped. */
export function toLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = trimSpace(raw);
    if (line.length > 0) out.push(line);
  }
  return out;
}
