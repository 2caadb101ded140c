import Database from 'better-sqlite3';
import { ARSHIF_APPLICATION_ID } from '../../src-main/core/archive/archive.js';
import { migrations } from '../../src-main/core/archive/migrations/index.js';

/** An archive as an earlier Arshif wrote it: the migrations up to `version`, then the given SQL. */
export function archiveAtVersion(file: string, version: number, seed: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    for (const m of migrations.filter((x) => x.version <= version)) {
      db.exec(m.sql);
      m.run?.(db);
    }
    seed(db);
    db.pragma(`application_id = ${ARSHIF_APPLICATION_ID}`);
    db.pragma(`user_version = ${version}`);
  })();
  db.close();
}
