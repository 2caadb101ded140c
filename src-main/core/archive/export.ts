import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ArshifError } from '../../common/result.js';
import type { Article, ArticleVersion, ExportResult } from '../../common/types.js';
import type { Archive } from './archive.js';
import { iterateArticles, type DamagedArticle } from './articles.js';
import { getVersion } from './versions.js';

export interface ExportOptions {
  /** Replace `out` if it exists (never the archive itself). */
  force?: boolean;
}

const MAX_LISTED_SKIPS = 100;
const CHUNK_BYTES = 1024 * 1024;

/** A version in an export line: its number, days, state and text (the snapshots already name their version). */
export type ExportedVersion = Omit<ArticleVersion, 'id' | 'articleId' | 'snapshots'>;

/**
 * An exported article: the Article JSON, plus — for an article edited after its first scrape — every
 * version with its text, oldest first (the article's own fields are the shown version's).
 */
export type ExportedArticle = Article & { versions?: ExportedVersion[] };

function withVersions(archive: Archive, article: Article): ExportedArticle {
  if (article.versionCount <= 1) return article;
  const versions: ExportedVersion[] = [];
  for (let n = 1; n <= article.versionCount; n++) {
    const { id: _id, articleId: _articleId, snapshots: _snapshots, ...version } = getVersion(archive, article.id, n);
    versions.push(version);
  }
  return { ...article, versions };
}

/** Every readable article (with its versions); damaged ones are skipped and reported to `onDamaged`. */
export function* exportArticles(archive: Archive, onDamaged?: (damaged: DamagedArticle) => void): Generator<ExportedArticle> {
  for (const article of iterateArticles(archive, onDamaged)) yield withVersions(archive, article);
}

function identity(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** The archive file and its SQLite companions, by device and inode (a link or another name for them counts). */
function archiveIdentities(archive: Archive): Set<string> {
  const ids = ['', '-wal', '-shm', '-journal'].map((suffix) => identity(archive.path + suffix));
  return new Set(ids.filter((id): id is string => id !== null));
}

function refuseArchiveTarget(archive: Archive, out: string): void {
  const target = identity(out);
  const companions = ['', '-wal', '-shm', '-journal'].map((suffix) => archive.path + suffix);
  if ((target !== null && archiveIdentities(archive).has(target)) || companions.includes(out)) {
    throw new ArshifError('bad-request', `Refusing to export onto ${out}: it is the open archive (or one of its files).`);
  }
}

/** Checks where the export may go: an absolute path in an existing folder, not the archive, not a file unless forced. */
function checkTarget(archive: Archive, out: string, force: boolean): void {
  if (!path.isAbsolute(out)) throw new ArshifError('bad-request', `The export file must be given as an absolute path, not "${out}".`);
  refuseArchiveTarget(archive, out);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.lstatSync(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'ENOENT') {
      if (!fs.existsSync(path.dirname(out))) throw new ArshifError('not-found', `Cannot export to ${out}: the folder ${path.dirname(out)} does not exist.`);
      return;
    }
    throw error;
  }
  if (stat.isDirectory()) throw new ArshifError('bad-request', `Cannot export to ${out}: it is a folder.`);
  if (!force) throw new ArshifError('file-exists', `${out} already exists; Arshif replaces a file only when asked (--force, or force: true).`);
}

/** A new file beside the target, created exclusively: it cannot be a planted file or link. */
function createTemporary(out: string): { file: string; fd: number } {
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);
  const file = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(6).toString('hex')}.partial`);
  return { file, fd: fs.openSync(file, flags, 0o644) };
}

/** Puts the finished file in place: without --force, never over a file that appeared meanwhile. */
function publish(temporary: string, out: string, force: boolean): void {
  if (force) {
    fs.renameSync(temporary, out);
    return;
  }
  try {
    fs.linkSync(temporary, out); // atomic, and fails if `out` exists
    fs.unlinkSync(temporary);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ArshifError('file-exists', `${out} appeared while exporting; Arshif replaces a file only when asked (--force).`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw error;
  }
  // file systems without hard links (FAT, some network shares): check, then rename
  if (fs.existsSync(out)) throw new ArshifError('file-exists', `${out} appeared while exporting; Arshif replaces a file only when asked (--force).`);
  fs.renameSync(temporary, out);
}

function describeWriteFailure(error: unknown, out: string): unknown {
  if (error instanceof ArshifError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ArshifError('disk-full', `The disk is full: ${out} could not be written; nothing was left behind.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new ArshifError('permission-denied', `Cannot write ${out}: permission denied (a read-only file, folder or disk).`);
  return new ArshifError('io', `Cannot write ${out}: ${(error as Error).message}`);
}

/**
 * Writes every readable article as one JSON line to a new temporary file beside `out`, then puts it
 * in place; the file appears only when complete. Never writes onto the archive; never replaces a
 * file unless `force`; never follows a link planted where the temporary file goes.
 */
export async function exportToFile(archive: Archive, out: string, options: ExportOptions = {}): Promise<ExportResult> {
  const force = options.force ?? false;
  let temporary: { file: string; fd: number } | null = null;
  let articles = 0;
  let skipped = 0;
  const skippedIds: number[] = [];
  try {
    checkTarget(archive, out, force);
    temporary = createTemporary(out);
    const fd = temporary.fd;
    let chunk: string[] = [];
    let chunkBytes = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      const buffer = Buffer.from(chunk.join(''), 'utf8');
      for (let at = 0; at < buffer.length; ) at += fs.writeSync(fd, buffer, at);
      chunk = [];
      chunkBytes = 0;
      await yieldToEventLoop();
    };
    const onDamaged = (damaged: DamagedArticle) => {
      skipped++;
      if (skippedIds.length < MAX_LISTED_SKIPS) skippedIds.push(damaged.id);
    };
    for (const article of exportArticles(archive, onDamaged)) {
      const line = `${JSON.stringify(article)}\n`;
      chunk.push(line);
      chunkBytes += line.length;
      articles++;
      if (chunkBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    temporary.fd = -1;
    refuseArchiveTarget(archive, out);
    publish(temporary.file, out, force);
    temporary = null;
  } catch (error) {
    if (temporary) {
      if (temporary.fd >= 0) fs.closeSync(temporary.fd);
      fs.rmSync(temporary.file, { force: true });
    }
    throw describeWriteFailure(error, out);
  }
  return { path: out, articles, skipped, skippedIds };
}
