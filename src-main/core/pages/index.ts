/**
 * Pages: the bytes of one scraped file → a parsed page (site, scrape day, ticker, section, published
 * time, title, author, paragraphs, read count) or the reason it is not one. Never throws.
 */
import type { PageFormat } from '../../common/types.js';
import { decodeBytes } from './decode.js';
import { NO_HINTS } from './draft.js';
import { readHtmlPage } from './html-page.js';
import { recognise } from './recognise.js';
import { decodeReferencesInLine } from './references.js';
import type { PageContext, PageOutcome, ParsedPage } from './types.js';
import { articleUrl, siteOfUrl } from './urls.js';

export type { PageContext, PageLayout, PageOutcome, ParsedPage } from './types.js';
export { splitByline } from './byline.js';
export { decodeCharacterReferences, decodeReferencesInLine } from './references.js';

const HTML_NAME = /\.(?:html?|xhtml|shtml)$/iu;
/** A text file that is really an HTML document (saved under .txt, .php, .aspx or no extension). */
const HTML_START = /^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[\s\S]{0,500}?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/iu;

function startsWithMarkup(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64);
  for (let i = 0; i < n; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x3c) return true; // '<'
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) {
      return false;
    }
  }
  return false;
}

function formatOf(text: string, fileName: string): PageFormat {
  if (HTML_NAME.test(fileName)) return text.includes('<') ? 'html' : 'text';
  return HTML_START.test(text.slice(0, 1024)) ? 'html' : 'text';
}

/** What the source says fills what the page leaves open (never overrides what the page states). */
function withContext(page: ParsedPage, context: PageContext): ParsedPage {
  return {
    ...page,
    site: page.site ?? siteOfUrl(context.url),
    url: page.url ?? articleUrl(context.url),
    scrapedOn: page.scrapedOn ?? context.scrapedOn ?? null,
  };
}

/** HTML character references left in a page's text ("&#8220;", "&quot;") are decoded in every field. */
function withReferencesDecoded(page: ParsedPage): ParsedPage {
  const mayHold = (text: string | null): boolean => text !== null && text.includes('&');
  if (!mayHold(page.title) && !mayHold(page.author) && !mayHold(page.section) && !page.ticker.some(mayHold) && !page.paragraphs.some(mayHold)) {
    return page;
  }
  const decode = decodeReferencesInLine;
  const decodeOrNull = (text: string | null): string | null => (text === null ? null : decode(text) || null);
  const lines = (texts: string[]): string[] => texts.map(decode).filter((line) => line.length > 0);
  const paragraphs = lines(page.paragraphs);
  return {
    ...page,
    title: decode(page.title) || page.title,
    author: decodeOrNull(page.author),
    section: decodeOrNull(page.section),
    ticker: lines(page.ticker),
    paragraphs: paragraphs.length > 0 ? paragraphs : page.paragraphs,
  };
}

/** Decode, render (HTML) and recognise one scraped file. `fileName` only decides text vs HTML. */
export function readPage(bytes: Uint8Array, fileName: string, context: PageContext = {}): PageOutcome {
  try {
    const decoded = decodeBytes(bytes, {
      markup: HTML_NAME.test(fileName) || startsWithMarkup(bytes),
      ...(context.contentType === undefined ? {} : { contentType: context.contentType }),
    });
    if (!decoded.ok) return decoded;
    const format = formatOf(decoded.text, fileName);
    const verdict =
      format === 'html'
        ? readHtmlPage(decoded.text, context.url === undefined ? {} : { url: context.url })
        : recognise(decoded.text, NO_HINTS, 'text');
    if (!verdict.ok) return verdict;
    // Sources that stored a page's text with its references ("&quot;", "&#8220;") undecoded, or escaped twice.
    const page = withReferencesDecoded(verdict.page);
    return { ok: true, page: withContext(page, context), encoding: decoded.encoding };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, reason: 'unreadable', message: `the page could not be parsed: ${detail}` };
  }
}
