/**
 * Where an import's CPU goes, stage by stage, on one thread (no workers, no overlap): the input to
 * optimising the importer against bench:import's floor.
 *
 *   node --max-old-space-size=8000 --import tsx tests/tools/import-cost.ts --root DIR [--limit N]
 *
 * Read side, per page: read, hash, decode, parse (readPage less decode), analyse (analyzeForIndex of
 * title and body, titleKey), structuredClone of the parse worker's answer (what postMessage pays to
 * serialise it; the writer pays about as much again to deserialise), JSON of the paragraphs.
 * Write side, the same pages with their analysis precomputed, each variant into a fresh file: the floor
 * (articles_fts only), the floor plus titles_fts, the importer's writer (ArchiveWriter, as run-import
 * applies it), and the writer with 1,024 pages a transaction, with the articles' secondary indexes
 * built after the pages, and with FTS5 automerge = 16.
 * DIR is a bench corpus (tests/.generated/bench-corpus-*\/corpus). CPU is process.cpuUsage (this
 * thread plus V8's helper threads); wall time is printed too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { analyzeForIndex, titleKey } from '../../src-main/core/arabic/index.js';
import { fingerprintOf } from '../../src-main/core/arabic/fingerprint.js';
import type { ProcessedPage } from '../../src-main/core/importer/process-page.js';
import { siteFromPath } from '../../src-main/core/importer/site-from-path.js';
import { ArchiveWriter } from '../../src-main/core/importer/writer.js';
import { NearDuplicateGrouper, comparedText } from '../../src-main/core/archive/groups.js';
import { sketchBands } from '../../src-main/core/archive/minhash.js';
import { decodeBytes } from '../../src-main/core/pages/decode.js';
import { readPage } from '../../src-main/core/pages/index.js';
import { pages } from '../bench/import-floor.js';

const { values } = parseArgs({ options: { root: { type: 'string' }, limit: { type: 'string', default: '20000' } } });
if (!values.root) throw new Error('usage: import-cost.ts --root DIR [--limit N]');
const root = path.resolve(values.root);
const limit = Number(values.limit);
const workDir = path.join(path.dirname(root), 'import-cost');

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Item {
  path: string;
  hash: string;
  bytes: number;
  processed: ProcessedPage;
}

async function readSide(): Promise<{ items: Item[]; stages: Record<string, number>; pagesSeen: number }> {
  const stages: Record<string, number> = { read: 0, hash: 0, decode: 0, parse: 0, analyse: 0, fingerprint: 0, bands: 0, clone: 0, json: 0 };
  const items: Item[] = [];
  let pagesSeen = 0;
  const time = <T>(stage: string, work: () => T): T => {
    const t = cpuNow();
    const result = work();
    stages[stage]! += cpuNow() - t;
    return result;
  };
  for await (const unit of pages(root)) {
    if (pagesSeen >= limit) break;
    const t = cpuNow();
    const bytes = await unit.read().catch(() => null);
    stages.read! += cpuNow() - t;
    if (!bytes) continue;
    pagesSeen++;
    const hash = time('hash', () => createHash('sha1').update(bytes).digest('hex'));
    const name = path.basename(unit.path);
    time('decode', () => decodeBytes(bytes, { markup: /\.html?$/i.test(name) }));
    const outcome = time('parse', () => readPage(bytes, name));
    let analysis: ProcessedPage['analysis'] = null;
    if (outcome.ok) {
      const page = outcome.page;
      const analysed = time('analyse', () => {
        const title = analyzeForIndex(page.title);
        const body = analyzeForIndex(page.paragraphs.join('\n'));
        return { titleKey: titleKey(page.title), title, body, tickerKeys: [] as string[], fingerprint: null as Uint8Array | null, bands: null as number[] | null, shingles: null as Uint32Array | null };
      });
      analysed.fingerprint = time('fingerprint', () => fingerprintOf(analysed.body.norm, analysed.title.norm));
      analysed.bands = time('bands', () => sketchBands(comparedText(analysed.body.norm, analysed.title.norm)));
      analysis = analysed;
      analysed.tickerKeys = page.ticker.map(() => ''); // ticker keys are cached per ticker in process-page.ts: not counted
      time('json', () => JSON.stringify(page.paragraphs));
    }
    const processed: ProcessedPage = { outcome, analysis };
    time('clone', () => structuredClone(processed));
    items.push({ path: unit.path, hash, bytes: bytes.length, processed });
  }
  stages.parse! -= stages.decode!; // readPage decodes too
  return { items, stages, pagesSeen };
}

interface Variant {
  name: string;
  batch: number;
  run(items: Item[], file: string, batch: number): void;
}

function floorVariant(name: string, withTitles: boolean): Variant {
  return {
    name,
    batch: 256,
    run(items, file, batch) {
      const db = new Database(file);
      for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'cache_size = -32000', 'temp_store = MEMORY']) db.pragma(p);
      db.exec("CREATE VIRTUAL TABLE a USING fts5(title, body, title_stem, body_stem, content = '', contentless_delete = 1, tokenize = 'ascii')");
      db.exec("CREATE VIRTUAL TABLE t USING fts5(title, title_stem, content = '', contentless_delete = 1, tokenize = 'ascii')");
      const insert = db.prepare('INSERT INTO a (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
      const insertTitle = db.prepare('INSERT INTO t (rowid, title, title_stem) VALUES (?, ?, ?)');
      const write = db.transaction((slice: Item[], first: number) => {
        slice.forEach((item, i) => {
          const a = item.processed.analysis;
          if (!a) return;
          insert.run(first + i, a.title.norm, a.body.norm, a.title.stem, a.body.stem);
          if (withTitles) insertTitle.run(first + i, a.title.norm, a.title.stem);
        });
      });
      for (let i = 0; i < items.length; i += batch) write.immediate(items.slice(i, i + batch), i + 1);
      db.close();
    },
  };
}

function writerVariant(name: string, batch: number, options: { indexesAfter?: boolean; automerge?: number; crisismerge?: number; hashsize?: number } = {}): Variant {
  return {
    name,
    batch,
    run(items, file, batchSize) {
      const archive = openArchive(file, { create: true });
      const db = archive.db;
      const importId = Number(db.prepare("INSERT INTO imports (started_at, status, roots) VALUES ('now', 'running', '[]')").run().lastInsertRowid);
      const indexes = options.indexesAfter
        ? (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL").pluck().all() as string[])
        : [];
      for (const sql of indexes) db.exec(`DROP INDEX ${/INDEX (\w+)/.exec(sql)![1]}`);
      for (const setting of ['automerge', 'crisismerge', 'hashsize'] as const) {
        const value = options[setting];
        if (value === undefined) continue;
        for (const t of ['articles_fts', 'titles_fts']) db.exec(`INSERT INTO ${t}(${t}, rank) VALUES ('${setting}', ${Math.trunc(value)})`);
      }
      const writer = new ArchiveWriter(archive, importId);
      const grouper = new NearDuplicateGrouper(db);
      const apply = (item: Item) => {
        if (writer.storeDuplicate(item.path, item.hash, item.bytes, null)) return;
        const { outcome, analysis } = item.processed;
        if (!outcome.ok || !analysis) {
          writer.recordProblem({ path: item.path, reason: outcome.ok ? 'not-article' : outcome.reason, message: 'rejected' });
          return;
        }
        const site = outcome.page.site ?? siteFromPath(item.path, root);
        const stored = writer.storePage({ path: item.path, hash: item.hash, bytes: item.bytes, site, page: outcome.page, encoding: outcome.encoding, analysis, replaces: null });
        if (stored === 'added') grouper.added(analysis);
      };
      const write = db.transaction((slice: Item[]) => {
        slice.forEach(apply);
        grouper.groupNew();
      });
      for (let i = 0; i < items.length; i += batchSize) write.immediate(items.slice(i, i + batchSize));
      for (const sql of indexes) db.exec(sql);
      archive.close();
    },
  };
}

const VARIANTS: Variant[] = [
  floorVariant('floor: articles_fts only', false),
  floorVariant('floor + titles_fts', true),
  writerVariant('writer (the importer’s, 256/txn)', 256),
  writerVariant('writer, 1024/txn', 1024),
  writerVariant('writer, FTS5 automerge 16', 256, { automerge: 16 }),
  writerVariant('writer, 512/txn, FTS5 hashsize 8 MB', 512, { hashsize: 8 << 20 }),
  writerVariant('writer, 1024/txn, FTS5 hashsize 16 MB', 1024, { hashsize: 16 << 20 }),
  writerVariant('writer, 1024/txn, hashsize 16 MB, automerge 8', 1024, { hashsize: 16 << 20, automerge: 8 }),
  writerVariant('writer (the importer’s, 256/txn) again', 256),
];

async function main(): Promise<void> {
  fs.mkdirSync(workDir, { recursive: true });
  const wall = performance.now();
  const { items, stages, pagesSeen } = await readSide();
  const out = process.stdout;
  out.write(`read side: ${pagesSeen} pages, ${((performance.now() - wall) / 1000).toFixed(1)} s wall; CPU ms per page:\n`);
  const readTotal = Object.values(stages).reduce((a, b) => a + b, 0);
  for (const [stage, ms] of Object.entries(stages)) out.write(`  ${stage.padEnd(8)} ${(ms / pagesSeen).toFixed(3)}  (${((100 * ms) / readTotal).toFixed(1)}%)\n`);
  out.write(`  total    ${(readTotal / pagesSeen).toFixed(3)}\n`);
  out.write('write side (CPU ms per page, wall ms per page, file MB):\n');
  for (const variant of VARIANTS) {
    const file = path.join(workDir, 'variant.sqlite');
    for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
    const t = performance.now();
    const c = cpuNow();
    variant.run(items, file, variant.batch);
    const cpu = cpuNow() - c;
    const w = performance.now() - t;
    const mb = ['', '-wal'].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0) / 1_048_576;
    out.write(`  ${variant.name.padEnd(40)} ${(cpu / pagesSeen).toFixed(3)}  ${(w / pagesSeen).toFixed(3)}  ${mb.toFixed(1)}\n`);
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}

await main();
