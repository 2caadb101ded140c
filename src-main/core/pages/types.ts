import type { PageFormat, RejectReason, TextEncoding } from '../../common/types.js';

/** Which recogniser produced a page. */
export type PageLayout = 'alazmenah-text' | 'alazmenah-html' | 'generic-text' | 'generic-html';

/** What one scraped page holds, as the page states it (no normalisation: original text for display). */
export interface ParsedPage {
  format: PageFormat;
  layout: PageLayout;
  /** The site's domain when the page names it (footer, og:site_name, canonical URL), lower-cased; else null. */
  site: string | null;
  /** The day the page was scraped, from the site header "DD / MM / YYYY" → "YYYY-MM-DD"; else null. */
  scrapedOn: string | null;
  /** Ticker headlines in page order (empty when the page has none). */
  ticker: string[];
  section: string | null;
  /** "YYYY-MM-DDTHH:MM:SS" (seconds "00" when the page gives none; time "00:00:00" when only a day); else null. */
  publishedAt: string | null;
  /** The title without any ".. بقلم: NAME" byline. */
  title: string;
  author: string | null;
  /** Body paragraphs, trimmed (NBSP included), non-empty, chrome excluded. */
  paragraphs: string[];
  readCount: number | null;
  /** The article's canonical URL when the page (or the crawl that captured it) states one; else null. */
  url: string | null;
}

/**
 * What the source of a page knows besides its bytes: a crawl record (WARC) or a scraper export gives the
 * URL it was fetched from, the HTTP Content-Type (its charset comes before the page's own declaration)
 * and the capture day.
 */
export interface PageContext {
  url?: string;
  contentType?: string;
  /** "YYYY-MM-DD": the capture day, used when the page itself does not show a scrape day. */
  scrapedOn?: string;
}

export type PageOutcome =
  | { ok: true; page: ParsedPage; encoding: TextEncoding }
  | { ok: false; reason: RejectReason; message: string };
