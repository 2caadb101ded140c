import type { ArticleSummary, PageFormat, SnapshotInfo, TextEncoding } from '../../common/types.js';
import { parseParagraphList } from './version-text.js';

/** Columns of `articles` that make an ArticleSummary; select them with SUMMARY_COLUMNS. */
export interface SummaryRow {
  id: number;
  site: string;
  section: string | null;
  title: string;
  author: string | null;
  published_at: string | null;
  read_count: number | null;
  version_count: number;
}

/**
 * Text columns are cast to TEXT in SQL: a damaged or hand-made archive may hold bytes (BLOB) or numbers
 * there, and every reader (list, search, related, export) then still gets text.
 */
export const SUMMARY_COLUMNS =
  'a.id, CAST(a.site AS TEXT) AS site, CAST(a.section AS TEXT) AS section, CAST(a.title AS TEXT) AS title, ' +
  'CAST(a.author AS TEXT) AS author, CAST(a.published_at AS TEXT) AS published_at, a.read_count, a.version_count';

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * A stored text column as text, whatever a damaged or hand-edited archive holds there: bytes are read
 * as UTF-8, numbers written out, anything else is null.
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return utf8.decode(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

function countOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    site: textOf(row.site) ?? '',
    section: textOf(row.section),
    title: textOf(row.title) ?? '',
    author: textOf(row.author),
    publishedAt: textOf(row.published_at),
    readCount: countOf(row.read_count),
    versionCount: countOf(row.version_count) ?? 1,
  };
}

/** Why a stored article cannot be read as we wrote it, or null when it can. */
export function damageOf(row: SummaryRow & { paragraphs: unknown }): string | null {
  if (typeof row.title !== 'string') return 'it has no title';
  if (typeof row.site !== 'string') return 'it has no site';
  if (readParagraphs(row.paragraphs) === null) return 'its paragraphs are not a readable JSON list';
  return null;
}

export interface SnapshotRow {
  path: string;
  scraped_on: string | null;
  read_count: number | null;
  encoding: string;
  format: string;
  url: string | null;
  version_id: number | null;
}

export const SNAPSHOT_COLUMNS = 'path, scraped_on, read_count, encoding, format, url, version_id';

/** A snapshot row as the contract shows it; `versionNumber` numbers the article's versions (versions.ts). */
export function toSnapshot(row: SnapshotRow, versionNumber: (versionId: number | null) => number | null = () => null): SnapshotInfo {
  return {
    path: textOf(row.path) ?? '',
    scrapedOn: textOf(row.scraped_on),
    readCount: countOf(row.read_count),
    encoding: (textOf(row.encoding) ?? 'utf-8') as TextEncoding,
    format: (textOf(row.format) ?? 'text') as PageFormat,
    url: textOf(row.url),
    version: versionNumber(row.version_id),
  };
}

/** The stored paragraphs (a JSON array of strings), or null when the column is damaged. */
export function readParagraphs(json: unknown): string[] | null {
  if (typeof json !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : null;
}

/** The paragraphs of an articles row (a damaged value reads as no paragraphs: archive files are untrusted). */
export function parseParagraphs(json: unknown): string[] {
  return typeof json === 'string' ? parseParagraphList(json) : [];
}
