// Reading the versions of an article (schema and rules: migrations/004-versions.ts and
// importer/version-writer.ts). Versions are numbered from 1 by the day they were first scraped
// (then by the order they arrived), so version 1 is the earliest wording the archive holds.

import type Database from 'better-sqlite3';
import { ArshifError } from '../../common/result.js';
import type { ArticleVersion, ArticleVersions, DiffMode, VersionDiff, VersionInfo } from '../../common/types.js';
import { diffVersionTexts } from '../diff/version-diff.js';
import type { Archive } from './archive.js';
import { SNAPSHOT_COLUMNS, toSnapshot, type SnapshotRow } from './rows.js';
import { parseParagraphList, type VersionText } from './version-text.js';

interface VersionRow {
  id: number;
  title: string | null;
  author: string | null;
  section: string | null;
  paragraphs: string | null;
  cut: number;
  first_scraped_on: string | null;
  last_scraped_on: string | null;
}

interface ArticleTextRow {
  id: number;
  title: string;
  author: string | null;
  section: string | null;
  paragraphs: string;
}

const VERSION_ORDER = "ORDER BY coalesce(first_scraped_on, '9999'), id";

function statement(db: Database.Database, sql: string): Database.Statement {
  return db.prepare(sql);
}

/** Version ids of an article in number order (index + 1 is the number). */
export function versionIds(db: Database.Database, articleId: number): number[] {
  return statement(db, `SELECT id FROM versions WHERE article_id = ? ${VERSION_ORDER}`).pluck().all(articleId) as number[];
}

/** A function from version id to its number, for one article. */
export function versionNumbering(db: Database.Database, articleId: number): (versionId: number | null) => number | null {
  const numbers = new Map(versionIds(db, articleId).map((id, i) => [id, i + 1]));
  return (versionId) => (versionId === null ? null : (numbers.get(versionId) ?? null));
}

function articleText(db: Database.Database, id: number): ArticleTextRow {
  const row = statement(db, 'SELECT id, title, author, section, paragraphs FROM articles WHERE id = ?').get(id) as ArticleTextRow | undefined;
  if (!row) throw new ArshifError('not-found', `No article with id ${id}`);
  return row;
}

function versionRows(db: Database.Database, articleId: number): VersionRow[] {
  return statement(
    db,
    `SELECT id, title, author, section, paragraphs, cut, first_scraped_on, last_scraped_on FROM versions WHERE article_id = ? ${VERSION_ORDER}`,
  ).all(articleId) as VersionRow[];
}

/** The text of a version: its own columns, or the article row's for the shown version. */
function textOf(row: VersionRow, article: ArticleTextRow): VersionText {
  if (row.paragraphs === null) return { title: article.title, author: article.author, section: article.section, paragraphs: parseParagraphList(article.paragraphs) };
  return { title: row.title ?? '', author: row.author, section: row.section, paragraphs: parseParagraphList(row.paragraphs) };
}

function infos(db: Database.Database, article: ArticleTextRow, rows: VersionRow[]): VersionInfo[] {
  const numberOf = new Map(rows.map((r, i) => [r.id, i + 1]));
  const snapshots = statement(db, `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE article_id = ? ORDER BY scraped_on, path`).all(article.id) as SnapshotRow[];
  return rows.map((r, i) => ({
    id: r.id,
    number: i + 1,
    title: r.paragraphs === null ? article.title : (r.title ?? ''),
    firstScrapedOn: r.first_scraped_on,
    lastScrapedOn: r.last_scraped_on,
    shown: r.paragraphs === null,
    cut: r.cut === 1,
    snapshots: snapshots.filter((s) => s.version_id === r.id).map((s) => toSnapshot(s, (v) => (v === null ? null : (numberOf.get(v) ?? null)))),
  }));
}

export function listVersions(archive: Archive, articleId: number): ArticleVersions {
  const article = articleText(archive.db, articleId);
  return { articleId, versions: infos(archive.db, article, versionRows(archive.db, articleId)) };
}

function pick(rows: VersionRow[], articleId: number, n: number): VersionRow {
  const row = rows[n - 1];
  if (!row) throw new ArshifError('not-found', `Article ${articleId} has ${rows.length} version${rows.length === 1 ? '' : 's'}; there is no version ${n}.`);
  return row;
}

export function getVersion(archive: Archive, articleId: number, n: number): ArticleVersion {
  const article = articleText(archive.db, articleId);
  const rows = versionRows(archive.db, articleId);
  const row = pick(rows, articleId, n);
  const info = infos(archive.db, article, rows)[n - 1]!;
  const text = textOf(row, article);
  return { ...info, articleId, title: text.title, author: text.author, section: text.section, paragraphs: text.paragraphs };
}

/**
 * The word diff between two versions of an article. Without numbers: the first version against the
 * shown one (what changed since the first scrape); with `to` only: the version before it against it.
 */
export function diffVersions(archive: Archive, articleId: number, options: { from?: number; to?: number; mode?: DiffMode } = {}): VersionDiff {
  const article = articleText(archive.db, articleId);
  const rows = versionRows(archive.db, articleId);
  const shown = rows.findIndex((r) => r.paragraphs === null) + 1 || rows.length;
  const to = options.to ?? (options.from !== undefined && options.from >= shown ? rows.length : shown);
  const from = options.from ?? (options.to !== undefined ? Math.max(1, to - 1) : 1);
  const b = textOf(pick(rows, articleId, to), article);
  const a = textOf(pick(rows, articleId, from), article);
  const mode = options.mode ?? 'words';
  return { articleId, from, to, mode, ...diffVersionTexts(a, b, mode) };
}
