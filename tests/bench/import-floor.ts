/**
 * The floor of bench:import (issue 11): what importing the same pages costs when nothing is parsed.
 * Read each page (each file; each member of a zip bundle) and insert its title and body twice — the
 * normalised words and their stems, the four columns of articles_fts — into a contentless FTS5 table
 * with tokenize='ascii', better-sqlite3, WAL and the archive's pragmas, 256 pages a transaction.
 *
 * The four texts are what the importer indexes (core/arabic's analyzeForIndex of each page's title and
 * body, via the parse pool), computed BEFORE the clock starts, so the floor holds reading and index
 * writing only. Pages the importer rejects (junk, empty) have no text and are only read. Byte copies
 * and re-scrapes are inserted like any page (the importer indexes an article once), so the floor does
 * a little more index work than the importer; it stays a floor for everything else.
 *
 * Run by import.bench.ts in a child process (its memory must not count against the importer's):
 *   npx tsx tests/bench/import-floor.ts --root DIR --db FILE   → one JSON line on stdout
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createParser } from '../../src-main/core/importer/parse-pool.js';
import { zipMembers } from '../../src-main/core/importer/zip.js';

const BATCH = 256;
const PAGE = /\.(txt|html?)$/i;
const IN_FLIGHT = 256;

export interface FloorFigures {
  pagesRead: number;
  rowsInserted: number;
  seconds: number;
  /** CPU time (user + system, all threads) of the timed part. */
  cpuSeconds: number;
  prepareSeconds: number;
  dbMb: number;
}

export interface Unit {
  path: string;
  read(): Promise<Buffer>;
}

/** Every page under root in a fixed order: files by name (no links followed), zip members in zip order. */
export async function* pages(root: string): AsyncGenerator<Unit> {
  const entries = fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) yield* pages(full);
    else if (!entry.isFile()) continue;
    else if (PAGE.test(entry.name)) yield { path: full, read: async () => fs.readFileSync(full) };
    else if (/\.zip$/i.test(entry.name)) {
      try {
        for await (const member of zipMembers(full)) {
          if (PAGE.test(member.name)) yield { path: `${full}!/${member.name}`, read: member.read };
        }
      } catch {
        // a damaged bundle: the importer rejects it; nothing to read here either
      }
    }
  }
}

type Texts = [title: string, body: string, titleStem: string, bodyStem: string];

/** The importer's index text of every page, by path (untimed). */
async function analyse(root: string): Promise<Map<string, Texts>> {
  const parser = createParser();
  const texts = new Map<string, Texts>();
  const inFlight = new Set<Promise<void>>();
  try {
    for await (const unit of pages(root)) {
      const bytes = await unit.read().catch(() => null);
      if (!bytes) continue;
      const job = parser.parse(bytes, path.basename(unit.path)).then(({ analysis }) => {
        if (analysis) texts.set(unit.path, [analysis.title.norm, analysis.body.norm, analysis.title.stem, analysis.body.stem]);
      });
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await parser.close();
  }
  return texts;
}

function openFloorDb(file: string): Database.Database {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  // The archive's pragmas (core/archive/archive.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
  db.exec(`CREATE VIRTUAL TABLE floor_fts USING fts5(
    title, body, title_stem, body_stem,
    content = '', contentless_delete = 1,
    tokenize = 'ascii'
  )`);
  return db;
}

export async function measureFloor(root: string, dbFile: string): Promise<FloorFigures> {
  let t = performance.now();
  const texts = await analyse(root);
  const prepareSeconds = (performance.now() - t) / 1000;

  const db = openFloorDb(dbFile);
  const insert = db.prepare('INSERT INTO floor_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  let pagesRead = 0;
  let rowsInserted = 0;
  let inBatch = 0;
  t = performance.now();
  const cpu = process.cpuUsage();
  begin.run();
  for await (const unit of pages(root)) {
    const bytes = await unit.read().catch(() => null);
    if (!bytes) continue;
    pagesRead++;
    const row = texts.get(unit.path);
    if (row) {
      insert.run(++rowsInserted, ...row);
    }
    if (++inBatch === BATCH) {
      commit.run();
      begin.run();
      inBatch = 0;
    }
  }
  commit.run();
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  db.close();
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return { pagesRead, rowsInserted, seconds, cpuSeconds, prepareSeconds, dbMb: (size(dbFile) + size(`${dbFile}-wal`)) / 1_048_576 };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { values } = parseArgs({ options: { root: { type: 'string' }, db: { type: 'string' } } });
  if (!values.root || !values.db) throw new Error('usage: import-floor.ts --root DIR --db FILE');
  const figures = await measureFloor(values.root, values.db);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(values.db + suffix, { force: true });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
