import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { PageContext, PageOutcome, ParsedPage } from '../pages/types.js';
import { MAX_PAGE_BYTES } from './file-kinds.js';
import { readPage } from '../pages/index.js';
import { analyzeForIndex, titleKey } from '../arabic/index.js';
import { splitByline } from '../pages/byline.js';
import { MIN_SHINGLES, distinctShingles, simHash } from '../arabic/fingerprint.js';
import { bodyIsCompared } from '../archive/groups.js';
import { sketchBandsOf } from '../archive/minhash.js';
import { readZipMember, type ZipMemberLocation } from './zip-member-read.js';

/** What the writer needs of one page besides the page itself: its search text and identity keys. */
export interface PageAnalysis {
  titleKey: string;
  title: { norm: string; stem: string };
  body: { norm: string; stem: string };
  /** Normalised title keys of the ticker headlines (bylines removed), in order. */
  tickerKeys: string[];
  /** SimHash of the normalised body (core/arabic/fingerprint.ts), null for a text too short. */
  fingerprint: Uint8Array | null;
  /** MinHash band hashes of the text near-duplicates are compared on (core/archive/groups.ts), null for none. */
  bands: number[] | null;
  /** The distinct shingle hashes of that text, sorted (what groups.ts compares copies on), null for none. */
  shingles: Uint32Array | null;
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

/** What became of a page file read where it is parsed (processFile). */
export type FileOutcome =
  | { kind: 'page'; hash: string; bytes: number; processed: ProcessedPage }
  /** The content hash is the one already stored for this path: nothing parsed. */
  | { kind: 'unchanged'; bytes: number }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unreadable'; message: string };

/** The content hash of a page's bytes (what snapshots.content_hash holds for a file). */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Reads, hashes, decodes, parses and analyses one page file — all of it off the writer's thread.
 * `storedHash` is the content hash the archive holds for this path: the same bytes are not parsed again.
 */
export function processFile(file: string, storedHash: string | null): FileOutcome {
  return processRead(() => fs.readFileSync(file), file.slice(file.lastIndexOf('/') + 1), storedHash);
}

/** processFile for a member of a zip on disk (its name inside the zip gives the page's type). */
export function processZipMember(at: ZipMemberLocation, name: string, storedHash: string | null): FileOutcome {
  return processRead(() => readZipMember(at), name.slice(name.lastIndexOf('/') + 1), storedHash);
}

function processRead(read: () => Buffer, fileName: string, storedHash: string | null): FileOutcome {
  let bytes: Buffer;
  try {
    bytes = read();
  } catch (error) {
    return { kind: 'unreadable', message: (error as Error).message };
  }
  if (bytes.length > MAX_PAGE_BYTES) return { kind: 'too-large', bytes: bytes.length };
  const hash = contentHash(bytes);
  if (hash === storedHash) return { kind: 'unchanged', bytes: bytes.length };
  return { kind: 'page', hash, bytes: bytes.length, processed: processPage(bytes, fileName) };
}

/** The search text and identity keys of a parsed page (whatever it was read from). */
export function analysePage(page: ParsedPage): PageAnalysis {
  const title = analyzeForIndex(page.title);
  const body = analyzeForIndex(page.paragraphs.join('\n'));
  return {
    titleKey: title.norm, // titleKey(page.title): the same normalised words
    title,
    body,
    tickerKeys: tickerKeys(page.ticker),
    ...signatures(body.norm, title.norm),
  };
}

/**
 * fingerprintOf(body, title), sketchBands(comparedText(body, title)) and that text's distinct shingles,
 * from one pass over the body's shingles (and one over headline + body when the body alone is too
 * short for either).
 */
export function signatures(
  bodyNorm: string,
  titleNorm: string,
): { fingerprint: Uint8Array | null; bands: number[] | null; shingles: Uint32Array | null } {
  const body = distinctShingles(bodyNorm);
  const bodyCompared = bodyIsCompared(bodyNorm);
  let bands = bodyCompared ? sketchBandsOf(body) : null;
  let shingles = bodyCompared ? body.slice() : null; // a copy: distinctShingles returns scratch space
  let fingerprint = body.length >= MIN_SHINGLES ? simHash(body) : null;
  const fingerprintNeedsTitle = fingerprint === null && titleNorm !== '';
  if (!bodyCompared || fingerprintNeedsTitle) {
    const both = distinctShingles(`${titleNorm} ${bodyNorm}`);
    if (!bodyCompared) {
      bands = sketchBandsOf(both);
      shingles = both.slice();
    }
    if (fingerprintNeedsTitle && both.length >= MIN_SHINGLES) fingerprint = simHash(both);
  }
  return { fingerprint, bands, shingles: bands === null ? null : shingles };
}
