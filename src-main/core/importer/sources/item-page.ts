/**
 * An export item → a parsed page, so an article read from a scraper's export is the same article as read
 * from its saved page: plain text is split into paragraphs the way page layouts split lines; HTML in the
 * text field is wrapped as a document under its title and read by the page reader (the same extraction
 * as saved pages). The item's own fields (title, date, author, section, site, URL) come first; the page
 * fills what they leave open. Runs in the parse workers.
 */
import type { PageOutcome, ParsedPage } from '../../pages/types.js';
import { readPage } from '../../pages/index.js';
import { splitByline } from '../../pages/byline.js';
import { squeezeSpace, trimSpace } from '../../pages/chars.js';
import { findDomain } from '../../pages/chrome.js';
import { cleanText } from '../../pages/decode.js';
import { toLines } from '../../pages/draft.js';
import { escapeHtml } from './html-escape.js';
import { itemDateTime } from './item-dates.js';
import type { ExportItem } from './types.js';
import { analysePage, type ProcessedPage } from '../process-page.js';

/** Tags that make a text field an HTML fragment rather than plain text. */
const HTML_TAG = /<\/?(?:p|div|br|span|h[1-6]|a|strong|em|b|i|u|ul|ol|li|table|tr|td|img|figure|figcaption|article|section|blockquote|header|footer|main)\b[^>]{0,500}>/iu;

function oneLine(text: string | null): string | null {
  if (text === null) return null;
  const line = squeezeSpace(text.replace(/\s+/gu, ' '));
  return line.length > 0 ? line : null;
}

function siteOf(item: ExportItem): string | null {
  return (item.site !== null ? findDomain(item.site) : null) ?? (item.url !== null ? findDomain(item.url) : null);
}

function isHtml(body: string | string[]): boolean {
  return typeof body === 'string' ? HTML_TAG.test(body) : body.some((p) => HTML_TAG.test(p));
}

/** Paragraphs of plain text: one per non-empty line, trimmed; a first line repeating the title dropped. */
function textParagraphs(body: string | string[], title: string): string[] {
  const lines = (typeof body === 'string' ? [body] : body).flatMap((part) => toLines(cleanText(part)));
  if (lines.length > 0 && squeezeSpace(lines[0] ?? '') === title) lines.shift();
  return lines;
}

/** The fragment as a document under its title (and date), for the page reader. */
function asDocument(title: string, publishedAt: string | null, body: string | string[]): string {
  const fragment = typeof body === 'string' ? body : body.map((p) => (HTML_TAG.test(p) ? p : `<p>${escapeHtml(p)}</p>`)).join('\n');
  const date = publishedAt === null ? '' : `<meta property="article:published_time" content="${publishedAt}">`;
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${date}</head>` +
    `<body><article><h1>${escapeHtml(title)}</h1>\n${fragment}\n</article></body></html>`
  );
}

export function pageOfItem(item: ExportItem): PageOutcome {
  const split = splitByline(oneLine(item.title) ?? '');
  const title = trimSpace(split.title);
  if (title.length === 0) return { ok: false, reason: 'not-article', message: 'not an article: the item has no title' };
  const page: ParsedPage = {
    format: 'text',
    layout: 'generic-text',
    site: siteOf(item),
    scrapedOn: itemDateTime(item.scraped)?.slice(0, 10) ?? null,
    ticker: [],
    section: oneLine(item.section),
    publishedAt: itemDateTime(item.date),
    title,
    author: oneLine(item.author) ?? split.author,
    paragraphs: [],
    readCount: item.readCount,
    url: oneLine(item.url),
  };
  if (isHtml(item.body)) {
    const document = Buffer.from(asDocument(title, page.publishedAt, item.body), 'utf8');
    const read = readPage(document, 'item.html', { ...(page.url ? { url: page.url } : {}), ...(page.scrapedOn ? { scrapedOn: page.scrapedOn } : {}) });
    if (!read.ok) return read;
    const found = read.page;
    Object.assign(page, {
      format: 'html',
      layout: found.layout,
      paragraphs: found.paragraphs,
      site: page.site ?? found.site,
      publishedAt: page.publishedAt ?? found.publishedAt,
      author: page.author ?? found.author,
      section: page.section ?? found.section,
      readCount: page.readCount ?? found.readCount,
    } satisfies Partial<ParsedPage>);
  } else {
    page.paragraphs = textParagraphs(item.body, title);
  }
  if (page.paragraphs.length === 0) return { ok: false, reason: 'not-article', message: `not an article: title "${title.slice(0, 80)}" but no text` };
  return { ok: true, page, encoding: item.encoding };
}

/** Builds and analyses the page of an export item: the parse workers' job for exports. */
export function processItem(item: ExportItem): ProcessedPage {
  const outcome = pageOfItem(item);
  return outcome.ok ? { outcome, analysis: analysePage(outcome.page) } : { outcome, analysis: null };
}
