import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import { latestVersion, migrations } from './migrations/index.js';

/** "ARSH" — marks a SQLite file as an Arshif archive (PRAGMA application_id). */
export const ARSHIF_APPLICATION_ID = 0x41525348;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenOptions {
  /** Create the file when it does not exist (default false). */
  create?: boolean;
  readonly?: boolean;
  /** Path of a better-sqlite3 native binding built for this runtime (Electron's ABI). */
  nativeBinding?: string;
}

export interface Archive {
  readonly path: string;
  readonly db: Database.Database;
  readonly readonly: boolean;
  close(): void;
}

function readHeader(file: string): Buffer | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(16);
    const n = fs.readSync(fd, header, 0, 16, 0);
    return header.subarray(0, n);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ArshifError('io', `Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Refuses anything that is not an (empty or) SQLite file before SQLite ever touches it. */
function checkFileBeforeOpen(file: string, create: boolean): void {
  const header = readHeader(file);
  if (header === null) {
    if (!create) throw new ArshifError('not-found', `No archive at ${file}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return;
  }
  if (header.length === 0) return; // an empty file becomes a new archive
  if (header.length < 16 || header.toString('latin1') !== SQLITE_MAGIC) {
    throw new ArshifError('not-an-archive', `${file} is not an Arshif archive (it is not a SQLite database); it was left untouched.`);
  }
}

/** Only reads: nothing is written to a file until it is known to be ours (or empty). */
function checkIdentity(db: Database.Database, file: string): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== ARSHIF_APPLICATION_ID) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== 0 || version !== 0 || tables.n > 0) {
      throw new ArshifError('not-an-archive', `${file} is a SQLite database of another program, not an Arshif archive; it was left untouched.`);
    }
  }
  if (version > latestVersion) {
    throw new ArshifError('not-an-archive', `${file} was written by a newer Arshif (schema ${version}; this one knows ${latestVersion}).`);
  }
  return version;
}

function migrate(db: Database.Database, version: number): void {
  const pending = migrations.filter((m) => m.version > version);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.run?.(db);
    }
    db.pragma(`application_id = ${ARSHIF_APPLICATION_ID}`);
    db.pragma(`user_version = ${latestVersion}`);
  }).immediate();
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** Opens (and if asked, creates) an archive, bringing its schema up to date in one transaction. */
export function openArchive(file: string, options: OpenOptions = {}): Archive {
  const resolved = path.resolve(file);
  const readonly = options.readonly ?? false;
  checkFileBeforeOpen(resolved, (options.create ?? false) && !readonly);
  let db: Database.Database | undefined;
  try {
    db = new Database(resolved, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const version = checkIdentity(db, resolved);
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    db.pragma('temp_store = MEMORY');
    if (readonly) {
      if (version < latestVersion) throw new ArshifError('not-an-archive', `${resolved} needs upgrading; open it once for writing.`);
    } else {
      migrate(db, version);
      db.prepare("UPDATE imports SET status = 'interrupted' WHERE status = 'running'").run();
    }
    const opened = db;
    return {
      path: resolved,
      db: opened,
      readonly,
      close: () => {
        if (opened.open) opened.close();
      },
    };
  } catch (error) {
    db?.close();
    if (error instanceof ArshifError) throw error;
    if (isCorruption(error)) {
      throw new ArshifError('damaged-archive', `${resolved} is damaged (${(error as Error).message}); it was left untouched.`);
    }
    throw new ArshifError('io', `Cannot open ${resolved}: ${(error as Error).message}`);
  }
}

/** Full consistency check of the database and its search index. */
export function checkIntegrity(archive: Archive): string[] {
  const problems = (archive.db.pragma('integrity_check') as Array<{ integrity_check: string }>)
    .map((r) => r.integrity_check)
    .filter((r) => r !== 'ok');
  try {
    archive.db.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").run();
    archive.db.prepare("INSERT INTO titles_fts(titles_fts) VALUES ('integrity-check')").run();
  } catch (error) {
    problems.push(`search index: ${(error as Error).message}`);
  }
  return problems;
}
