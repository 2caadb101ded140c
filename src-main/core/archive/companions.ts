/**
 * A read-only SQLite connection to a WAL archive creates the archive's -wal and -shm files (the
 * shared-memory index readers need) and, being read-only, cannot remove them when it closes. So that
 * reading an archive leaves nothing behind, the files a read created are handed back to SQLite: a
 * plain connection is opened and closed, and SQLite itself removes them if no other connection uses
 * them (its usual last-connection cleanup; with nothing in the -wal, the archive is not written).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';

const SUFFIXES = ['-wal', '-shm'] as const;

export interface CompanionWatch {
  /** Removes the companion files this open created, if SQLite agrees nobody else uses them. */
  tidy(): void;
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Notes which companion files exist before a read-only open. */
export function watchCompanions(file: string, nativeBinding: string | undefined): CompanionWatch {
  const before = SUFFIXES.filter((s) => exists(file + s));
  return {
    tidy() {
      if (before.length > 0) return; // someone else's, or left by a writer: not ours to tidy
      const created = SUFFIXES.filter((s) => exists(file + s));
      if (created.length === 0 || !writable(file)) return;
      if (exists(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) return; // a writer is at work meanwhile
      let db: Database.Database | undefined;
      try {
        db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
        db.unsafeMode(false);
        db.pragma('trusted_schema = OFF');
        db.pragma('query_only = ON');
        db.pragma('application_id'); // opens the WAL, so that closing hands it back
      } catch {
        // cannot: the files stay, as SQLite would leave them
      } finally {
        db?.close();
      }
    },
  };
}
