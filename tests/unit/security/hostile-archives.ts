/**
 * Builders of hostile archive files, the way an attacker would make them: a real Arshif archive
 * (one imported page), then changed with plain SQLite (defensive mode off) — triggers on every table
 * we write, views in place of our tables, recursive views, functions in views, unknown tables,
 * impossible schema versions. Each writes attacker SQL into a `canary` table, so a test can prove that
 * SQL never ran.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ARSHIF_APPLICATION_ID, openArchive } from '../../../src-main/core/archive/archive.js';
import { sql as initialSchema } from '../../../src-main/core/archive/migrations/001-initial.js';
import { expectedSchema } from '../../../src-main/core/archive/verify.js';
import { latestVersion } from '../../../src-main/core/archive/migrations/index.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { renderText } from '../../corpus/render.js';
import { samplePagePath } from '../../helpers/tmp.js';

/** A good archive holding the sample page, checkpointed into one file (journal mode WAL or DELETE). */
export async function writeGoodArchive(file: string, journal: 'wal' | 'delete' = 'wal'): Promise<void> {
  const archive = openArchive(file, { create: true });
  try {
    await runImport(archive, [samplePagePath], { parseWorkers: 0 });
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    if (journal === 'delete') archive.db.pragma('journal_mode = DELETE');
  } finally {
    archive.close();
  }
}

/** An archive as the first Arshif wrote it (schema 1), with one article. */
export function writeSchemaOneArchive(file: string): void {
  const db = new Database(file);
  db.exec(initialSchema);
  db.prepare(`INSERT INTO articles (site, title, title_key, identity, paragraphs) VALUES ('a.example', 'عنوان', 'عنوان', 'a1', '["نص"]')`).run();
  db.pragma(`application_id = ${ARSHIF_APPLICATION_ID}`);
  db.pragma('user_version = 1');
  db.pragma('journal_mode = WAL');
  db.close();
}

/** Opens an archive file with plain SQLite, defensive mode off: what an attacker's tools do. */
function tamper(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.unsafeMode(true);
  try {
    change(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

const CANARY = 'CREATE TABLE canary (what TEXT)';

/** The plain tables our migrations create (FTS shadow tables included); triggers cannot sit on virtual tables. */
export function ourPlainTables(): string[] {
  return [...expectedSchema(latestVersion).values()].filter((e) => e.type === 'table' && !/VIRTUAL TABLE/i.test(e.sql ?? '')).map((e) => e.name);
}

function isShadowTable(name: string): boolean {
  return /_fts_(data|idx|docsize|config|content)$/.test(name);
}

export interface HostileCase {
  name: string;
  /** What the refusal must name, or null when the archive is acceptable and opens read-only. */
  refusal: RegExp | null;
  /** The refusal's error code (default not-an-archive: our verification; SQLite's own schema checks say damaged-archive). */
  code?: 'not-an-archive' | 'damaged-archive';
  build(file: string): Promise<void>;
}

async function goodThen(file: string, change: (db: Database.Database) => void): Promise<void> {
  await writeGoodArchive(file);
  tamper(file, change);
}

/** Plants a trigger the ordinary way, or (a shadow table) straight into sqlite_master. */
function plantTrigger(db: Database.Database, table: string, event: string): void {
  const name = `evil_${event.toLowerCase()}_${table}`;
  const sql = `CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN INSERT INTO canary VALUES ('${name} ran'); DELETE FROM articles; END`;
  try {
    db.exec(sql);
  } catch {
    db.pragma('writable_schema = ON');
    db.prepare("INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('trigger', ?, ?, 0, ?)").run(name, table, sql);
    db.pragma('writable_schema = OFF');
  }
}

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'a trigger on imports that empties the archive when it is opened for writing',
    refusal: /trigger "evil_update_imports" on "imports"/,
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        plantTrigger(db, 'imports', 'UPDATE');
        db.prepare("UPDATE imports SET status = 'running'").run(); // so a writing open would fire it
        db.exec('DELETE FROM canary');
      }),
  },
  {
    name: 'triggers for insert, update and delete on every table we write',
    refusal: /trigger "evil_insert_imports" on "imports"/,
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        for (const table of ourPlainTables().filter((t) => !isShadowTable(t))) for (const event of ['INSERT', 'UPDATE', 'DELETE']) plantTrigger(db, table, event);
      }),
  },
  {
    name: 'triggers on the search index tables, planted straight into sqlite_master',
    refusal: /cannot create triggers on shadow tables/,
    code: 'damaged-archive',
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        for (const table of ourPlainTables().filter(isShadowTable)) for (const event of ['INSERT', 'UPDATE', 'DELETE']) plantTrigger(db, table, event);
      }),
  },
  {
    name: 'a view in place of the articles table',
    refusal: /view "articles"/,
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        db.exec(`DROP TABLE snapshots; DROP TABLE articles;
          CREATE TABLE articles_real AS SELECT 1 AS id;
          CREATE VIEW articles AS SELECT id, 'x' AS site, NULL AS section, 'Planted' AS title, 'k' AS title_key, NULL AS author,
            NULL AS published_at, 'i' AS identity, NULL AS read_count, '[]' AS paragraphs, NULL AS first_scraped_on,
            NULL AS last_scraped_on, NULL AS created_import, NULL AS updated_import FROM articles_real`);
      }),
  },
  {
    name: 'a recursive view named articles (would never finish)',
    refusal: /view "articles"/,
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        db.exec(`DROP TABLE snapshots; DROP TABLE articles;
          CREATE VIEW articles AS WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever)
            SELECT n AS id, 'x' AS site, NULL AS section, 't' AS title, 'k' AS title_key, NULL AS author, NULL AS published_at,
            'i' AS identity, n AS read_count, '[]' AS paragraphs, NULL AS first_scraped_on, NULL AS last_scraped_on,
            NULL AS created_import, NULL AS updated_import FROM forever`);
      }),
  },
  {
    name: 'a view that calls functions (a huge blob, reading files through an extension)',
    refusal: /view "stats_by_site"/,
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        db.exec(`CREATE VIEW stats_by_site AS SELECT site, length(randomblob(2000000000)) AS n, load_extension('/tmp/evil') AS e FROM articles`);
      }),
  },
  {
    name: 'an unknown table',
    refusal: /table "canary"/,
    build: (file) => goodThen(file, (db) => db.exec(CANARY)),
  },
  {
    name: 'a changed definition of our articles table (a default that calls a function)',
    refusal: /changed definition of table "articles"/,
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        db.pragma('writable_schema = ON');
        const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles'").get() as { sql: string }).sql;
        db.prepare("UPDATE sqlite_master SET sql = ? WHERE name = 'articles'").run(sql.replace('author TEXT,', "author TEXT DEFAULT (hex(randomblob(1000000000))),"));
        db.pragma('writable_schema = OFF');
      }),
  },
  {
    name: 'an index on an expression',
    refusal: /index "evil_index" on "articles"/,
    build: (file) =>
      goodThen(file, (db) => {
        db.exec(CANARY);
        db.exec('CREATE INDEX evil_index ON articles (abs(read_count))');
      }),
  },
  {
    name: 'a huge schema version',
    refusal: /newer Arshif \(schema 2147483647/,
    build: (file) => goodThen(file, (db) => db.pragma('user_version = 2147483647')),
  },
  {
    name: 'a negative schema version',
    refusal: /impossible schema version \(-5\)/,
    build: (file) => goodThen(file, (db) => db.pragma('user_version = -5')),
  },
  {
    name: 'an archive in rollback-journal mode (fine to read; never converted to WAL by a read)',
    refusal: null,
    build: (file) => writeGoodArchive(file, 'delete'),
  },
];

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The names in the archive's folder (to show nothing was created beside it). */
export function folderListing(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).sort();
}

/** Rows in the canary table (0 when none of the attacker's SQL ran). */
export function canaryRows(file: string): number {
  const bytes = fs.readFileSync(file);
  bytes[18] = 1; // a WAL-mode header cannot be opened from memory; this copy only is marked rollback-journal
  bytes[19] = 1;
  const db = new Database(bytes, { readonly: true });
  db.unsafeMode(true);
  db.pragma('writable_schema = ON'); // read past schema entries SQLite itself refuses
  try {
    const exists = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'canary'").get() as { n: number };
    return exists.n ? (db.prepare('SELECT count(*) AS n FROM canary').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

/** A folder of `count` distinct, well-formed pages (alazmenah layout), about 2 KB each. */
export function writePages(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const words = ['حلب', 'دمشق', 'الرياض', 'هدنة', 'مفاوضات', 'اقتصاد', 'انتخابات', 'مدينة', 'قرار', 'حكومة'];
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 6 }, (_, p) => Array.from({ length: 40 }, (_, w) => words[(i * 7 + p * 3 + w) % words.length]).join(' ') + ` ${i}-${p}.`);
    fs.writeFileSync(
      path.join(dir, `page-${String(i).padStart(4, '0')}.txt`),
      renderText({
        site: 'alazmenah.com',
        city: 'دمشق',
        scrapeDay: '2018-07-21',
        ticker: [],
        section: 'أخبار سورية',
        published: `2016-12-${String((i % 28) + 1).padStart(2, '0')} 15:24:14`,
        displayTitle: `عنوان رقم ${i} عن ${words[i % words.length]}`,
        paragraphs: body,
        joined: body.map(() => false),
        readCount: i,
        newsId: i + 1,
      }),
    );
  }
}
