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

export const SUMMARY_COLUMNS = 'a.id, a.site, a.section, a.title, a.author, a.published_at, a.read_count, a.version_count';

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    site: row.site,
    section: row.section,
    title: row.title,
    author: row.author,
    publishedAt: row.published_at,
    readCount: row.read_count,
    versionCount: row.version_count,
  };
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
    path: row.path,
    scrapedOn: row.scraped_on,
    readCount: row.read_count,
    encoding: row.encoding as TextEncoding,
    format: row.format as PageFormat,
    url: row.url,
    version: versionNumber(row.version_id),
  };
}

/** The paragraphs of an articles row (a damaged value reads as no paragraphs: archive files are untrusted). */
export function parseParagraphs(json: string): string[] {
  return parseParagraphList(json);
}
