/**
 * Upgrading an archive made by an older Arshif: only when asked (CLI --upgrade, the app's dialog,
 * the upgradeArchive method), and only after a complete copy of it has been written beside it with
 * SQLite's online backup. The copy is a new file (never over an existing one).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import { inspectArchive, openArchive } from './archive.js';
import { latestVersion } from './migrations/index.js';

export interface UpgradeOutcome {
  path: string;
  fromVersion: number;
  toVersion: number;
  /** The untouched copy of the archive as it was, or null when nothing needed upgrading. */
  backup: string | null;
}

/** `news.arshif` → `news.schema-1-backup.arshif` (then `-2`, `-3`… when that exists). */
function createBackupFile(file: string, version: number): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = `${stem}.schema-${version}-backup${n > 1 ? `-${n}` : ''}${ext}`;
    try {
      fs.closeSync(fs.openSync(candidate, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o644));
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new ArshifError('file-exists', `Too many backups of ${file} already exist; move some away and try again.`);
}

function backupFailure(error: unknown, file: string, backup: string): ArshifError {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new ArshifError('disk-full', `The disk is full: there is no room for the backup ${backup}; ${file} was not upgraded.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new ArshifError('permission-denied', `Cannot write the backup ${backup} (a read-only file or folder); ${file} was not upgraded.`);
  }
  return new ArshifError('io', `Cannot back up ${file} to ${backup}: ${(error as Error).message}; it was not upgraded.`);
}

/** Copies the archive with SQLite's online backup into a new file beside it. */
async function backUp(file: string, version: number, nativeBinding: string | undefined): Promise<string> {
  let backup: string;
  try {
    backup = createBackupFile(file, version);
  } catch (error) {
    if (error instanceof ArshifError) throw error;
    throw backupFailure(error, file, `${file} backup`);
  }
  const source = openArchiveForBackup(file, nativeBinding);
  try {
    await source.backup(backup);
    return backup;
  } catch (error) {
    fs.rmSync(backup, { force: true });
    throw backupFailure(error, file, backup);
  } finally {
    source.close();
  }
}

/** A read-only connection for the backup only (the schema was verified just before by inspectArchive). */
function openArchiveForBackup(file: string, nativeBinding: string | undefined): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
  db.pragma('query_only = ON');
  return db;
}

/**
 * Verifies the archive as it is, backs it up, and upgrades it in one transaction. An archive that is
 * already current is left alone.
 */
export async function backUpAndUpgrade(file: string, options: { nativeBinding?: string } = {}): Promise<UpgradeOutcome> {
  const { path: resolved, version } = inspectArchive(file, options);
  if (version >= latestVersion) return { path: resolved, fromVersion: version, toVersion: version, backup: null };
  const backup = await backUp(resolved, version, options.nativeBinding);
  const archive = openArchive(resolved, { upgrade: true, ...options });
  archive.close();
  return { path: resolved, fromVersion: version, toVersion: latestVersion, backup };
}
