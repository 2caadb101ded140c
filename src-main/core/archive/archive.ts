import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import { latestVersion, migrations } from './migrations/index.js';
import { watchCompanions } from './companions.js';
import { verifySchema } from './verify.js';

/** "ARSH" — marks a SQLite file as an Arshif archive (PRAGMA application_id). */
export const ARSHIF_APPLICATION_ID = 0x41525348;
const SQLITE_MAGIC = 'SQLite format 3\0';
/** Largest archive read into memory when its folder is read-only and SQLite cannot read it in place. */
export const MAX_IN_MEMORY_ARCHIVE_BYTES = 1024 * 1024 * 1024;

export interface OpenOptions {
  /**
   * Read-only (reading, browsing, searching): never creates, changes or upgrades the file. Default
   * false: a writing connection (import; upgrade with `upgrade`).
   */
  readonly?: boolean;
  /** Writing only: create the file when it is missing, or initialise it when it is empty (0 bytes). */
  create?: boolean;
  /** Writing only: bring an older schema up to date. Callers back the archive up first (see upgrade.ts). */
  upgrade?: boolean;
  /** Path of a better-sqlite3 native binding built for this runtime (Electron's ABI). */
  nativeBinding?: string;
}

export interface Archive {
  readonly path: string;
  readonly db: Database.Database;
  /** A read-only connection. */
  readonly readonly: boolean;
  /** Held in memory (a WAL archive in a read-only folder): no other process's changes are seen. */
  readonly inMemory: boolean;
  readonly nativeBinding?: string;
  close(): void;
}

type FileState = 'missing' | 'empty' | 'sqlite';

function fileState(file: string): FileState {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(16);
    const n = fs.readSync(fd, header, 0, 16, 0);
    if (n === 0) return 'empty';
    if (n < 16 || header.toString('latin1') !== SQLITE_MAGIC) {
      throw new ArshifError('not-an-archive', `${file} is not an Arshif archive (it is not a SQLite database); it was left untouched.`);
    }
    return 'sqlite';
  } catch (error) {
    if (error instanceof ArshifError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'EISDIR') throw new ArshifError('not-an-archive', `${file} is a folder, not an archive.`);
    if (code === 'EACCES' || code === 'EPERM') throw new ArshifError('permission-denied', `Cannot read ${file}: permission denied.`);
    throw new ArshifError('io', `Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Refuses anything that is not ours to open, before SQLite ever touches the file. */
function checkFileBeforeOpen(file: string, options: OpenOptions): FileState {
  const state = fileState(file);
  const mayCreate = !options.readonly && options.create === true;
  if (state === 'missing') {
    if (!mayCreate) throw new ArshifError('not-found', `No archive at ${file}.`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  if (state === 'empty' && !mayCreate) {
    throw new ArshifError(
      'not-an-archive',
      `${file} is an empty file (0 bytes), not an archive; it was left untouched (importing into it starts a new archive there).`,
    );
  }
  return state;
}

/**
 * Settings that must hold before any statement that could run SQL stored in the file: SQL functions
 * and virtual tables used by the schema are limited to harmless ones (trusted_schema=OFF), and
 * defensive mode (no writable_schema, no journal_mode=OFF, no direct writes to shadow tables) is on.
 */
function harden(db: Database.Database, file: string): void {
  db.unsafeMode(false); // better-sqlite3 sets SQLITE_DBCONFIG_DEFENSIVE from this
  db.pragma('trusted_schema = OFF');
  db.pragma('writable_schema = ON'); // defensive mode ignores this: reading back 1 would mean it is off
  const trusted = db.pragma('trusted_schema', { simple: true });
  const writable = db.pragma('writable_schema', { simple: true });
  if (trusted !== 0 || writable !== 0) {
    throw new ArshifError('internal', `Refusing to open ${file}: this SQLite build does not enforce defensive mode.`);
  }
  db.pragma('cell_size_check = ON');
}

/**
 * Only reads: nothing is written to a file until it is known to be ours (or new). Returns its schema
 * version, 0 for a SQLite file without anything in it that a writing open may initialise.
 */
function checkIdentity(db: Database.Database, file: string, mayInitialise: boolean): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== ARSHIF_APPLICATION_ID) {
    const entries = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
    if (appId !== 0 || version !== 0 || entries > 0) {
      throw new ArshifError('not-an-archive', `${file} is a SQLite database of another program, not an Arshif archive; it was left untouched.`);
    }
    if (!mayInitialise) throw new ArshifError('not-an-archive', `${file} is an empty SQLite database, not an Arshif archive; it was left untouched.`);
    return 0;
  }
  if (version > latestVersion) {
    throw new ArshifError('not-an-archive', `${file} was written by a newer Arshif (schema ${version}; this one knows ${latestVersion}); it was left untouched.`);
  }
  if (version < 1) {
    throw new ArshifError('not-an-archive', `${file} has an impossible schema version (${version}); it was refused and left untouched.`);
  }
  return version;
}

function migrate(db: Database.Database, version: number): void {
  const pending = migrations.filter((m) => m.version > version).sort((a, b) => a.version - b.version);
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

export function needsUpgradeError(file: string, version: number): ArshifError {
  return new ArshifError(
    'needs-upgrade',
    `${file} was made by an older Arshif (schema ${version}; this one uses ${latestVersion}) and must be upgraded before use; Arshif backs it up first.`,
  );
}

function sqliteCode(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '');
}

function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** SQLite cannot read a WAL archive in place when it may not create the archive's -shm/-wal files there. */
function isReadOnlyPlaceFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY_CANT') || code === 'SQLITE_IOERR_LOCK';
}

function nonEmptyFile(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * A WAL archive in a read-only folder (a DVD, a read-only share): SQLite would need to create its
 * -shm/-wal files beside it. The file is read into memory instead, marked as a rollback-journal
 * database in the copy only (header bytes 18–19), and opened from there. The file is not touched.
 */
function openInMemoryCopy(file: string, binding: { nativeBinding?: string }): Database.Database {
  if (nonEmptyFile(`${file}-wal`)) {
    throw new ArshifError(
      'permission-denied',
      `${file} has changes in ${path.basename(file)}-wal that were never merged, and its folder is read-only; copy the archive with its -wal file to a writable folder to open it.`,
    );
  }
  const size = fs.statSync(file).size;
  if (size > MAX_IN_MEMORY_ARCHIVE_BYTES) {
    throw new ArshifError('permission-denied', `${file} is in a read-only folder and too large to read into memory; copy it to a writable folder to open it.`);
  }
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true, ...binding });
}

interface Connected {
  db: Database.Database;
  version: number;
  inMemory: boolean;
}

function connect(file: string, state: FileState, options: OpenOptions): Connected {
  const readonly = options.readonly ?? false;
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const start = (db: Database.Database, inMemory: boolean): Connected => {
    try {
      harden(db, file);
      return { db, version: checkIdentity(db, file, !readonly && options.create === true), inMemory };
    } catch (error) {
      db.close();
      throw error;
    }
  };
  const db = new Database(file, { readonly, fileMustExist: readonly || state !== 'missing', ...binding });
  try {
    return start(db, false);
  } catch (error) {
    if (!readonly || !isReadOnlyPlaceFailure(error)) throw error;
  }
  return start(openInMemoryCopy(file, binding), true);
}

function configure(db: Database.Database, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
  // A read-only connection (SQLITE_OPEN_READONLY) cannot write the archive or anything attached to it.
  // It is not also made query_only: search keeps per-connection objects in the in-memory temp schema
  // (an fts5vocab table), which query_only would forbid.
  if (readonly) return;
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
}

/** The schema version of an existing archive, verified, without changing it. */
export function inspectArchive(file: string, options: { nativeBinding?: string } = {}): { path: string; version: number } {
  const resolved = path.resolve(file);
  const state = checkFileBeforeOpen(resolved, { readonly: true });
  const companions = watchCompanions(resolved, options.nativeBinding);
  try {
    const { db, version } = openChecked(resolved, state, { readonly: true, ...options });
    db.close();
    return { path: resolved, version };
  } catch (error) {
    throw describeOpenFailure(error, resolved);
  } finally {
    companions.tidy();
  }
}

function openChecked(file: string, state: FileState, options: OpenOptions): Connected {
  const connected = connect(file, state, options);
  try {
    if (connected.version > 0) verifySchema(connected.db, connected.version, file, options.nativeBinding);
    return connected;
  } catch (error) {
    connected.db.close();
    throw error;
  }
}

/**
 * Opens an archive. The file is checked (SQLite header, application id, schema version, and a schema
 * that is exactly what our migrations create) before anything that could run stored SQL, and refused
 * untouched otherwise. Read-only opens never change the file; writing opens bring a new archive's
 * schema up to date, and an older archive's only with `upgrade`.
 */
export function openArchive(file: string, options: OpenOptions = {}): Archive {
  const resolved = path.resolve(file);
  const readonly = options.readonly ?? false;
  const state = checkFileBeforeOpen(resolved, options);
  const companions = readonly ? watchCompanions(resolved, options.nativeBinding) : null;
  let db: Database.Database | undefined;
  try {
    const connected = openChecked(resolved, state, options);
    db = connected.db;
    const version = connected.version;
    const fresh = version === 0;
    if (version < latestVersion && !fresh && (readonly || !options.upgrade)) throw needsUpgradeError(resolved, version);
    configure(db, readonly);
    if (!readonly) {
      migrate(db, version);
      db.prepare("UPDATE imports SET status = 'interrupted' WHERE status = 'running'").run();
    }
    const opened = db;
    return {
      path: resolved,
      db: opened,
      readonly,
      inMemory: connected.inMemory,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      close: () => {
        if (!opened.open) return;
        opened.close();
        if (!connected.inMemory) companions?.tidy();
      },
    };
  } catch (error) {
    if (db?.open) db.close();
    companions?.tidy();
    throw describeOpenFailure(error, resolved);
  }
}

function describeOpenFailure(error: unknown, file: string): ArshifError {
  if (error instanceof ArshifError) return error;
  const message = (error as Error).message;
  const code = sqliteCode(error);
  if (isCorruption(error)) return new ArshifError('damaged-archive', `${file} is damaged (${message}); it was left untouched.`);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new ArshifError('archive-busy', `${file} is locked by another program (perhaps an import in another Arshif); try again when it has finished.`);
  }
  if (code === 'SQLITE_FULL') return new ArshifError('disk-full', `The disk holding ${file} is full; free some space and try again.`);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new ArshifError('permission-denied', `${file} cannot be written here (a read-only file, folder or disk).`);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return new ArshifError('io', `Cannot open ${file}: ${message}.`);
  return new ArshifError('io', `Cannot open ${file}: ${message}`);
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
