import type { PageContext, PageOutcome, ParsedPage } from '../pages/types.js';
import { readPage } from '../pages/index.js';
import { analyzeForIndex, titleKey } from '../arabic/index.js';
import { splitByline } from '../pages/byline.js';
import { fingerprintOf } from '../arabic/fingerprint.js';

/** What the writer needs of one page besides the page itself: its search text and identity keys. */
export interface PageAnalysis {
  titleKey: string;
  title: { norm: string; stem: string };
  body: { norm: string; stem: string };
  /** Normalised title keys of the ticker headlines (bylines removed), in order. */
  tickerKeys: string[];
  /** SimHash of the normalised body (core/arabic/fingerprint.ts), null for a text too short. */
  fingerprint: Uint8Array | null;
}

export type ProcessedPage = { outcome: PageOutcome; analysis: PageAnalysis | null };

// Every page a site served on one day carries the same ticker: analyse each distinct ticker once.
const tickerKeyCache = new Map<string, string[]>();
const TICKER_CACHE_LIMIT = 2000;

function tickerKeys(headlines: string[]): string[] {
  const cacheKey = headlines.join('\n');
  let keys = tickerKeyCache.get(cacheKey);
  if (!keys) {
    keys = headlines.map((headline) => titleKey(splitByline(headline).title));
    if (tickerKeyCache.size >= TICKER_CACHE_LIMIT) tickerKeyCache.clear();
    tickerKeyCache.set(cacheKey, keys);
  }
  return keys;
}

/** Decode, parse and analyse one file: the CPU-heavy part of an import, safe to run in a worker. */
export function processPage(bytes: Uint8Array, fileName: string, context: PageContext = {}): ProcessedPage {
  const outcome = readPage(bytes, fileName, context);
  if (!outcome.ok) return { outcome, analysis: null };
  return { outcome, analysis: analysePage(outcome.page) };
}

/** The search text and identity keys of a parsed page (whatever it was read from). */
export function analysePage(page: ParsedPage): PageAnalysis {
  const title = analyzeForIndex(page.title);
  const body = analyzeForIndex(page.paragraphs.join('\n'));
  return {
    titleKey: titleKey(page.title),
    title,
    body,
    tickerKeys: tickerKeys(page.ticker),
    fingerprint: fingerprintOf(body.norm, title.norm),
  };
}
