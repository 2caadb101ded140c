/**
 * The ~100,000-article archive that bench:search and bench:ui measure: built once with the corpus
 * generator and the real importer, cached under tests/.generated/search-bench/ and rebuilt when the
 * page count, seed, schema or Arabic analyser changes (an index built by another stemmer would not
 * match today's queries).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { latestVersion } from '../../src-main/core/archive/migrations/index.js';
import { runImport } from '../../src-main/core/importer/run-import.js';
import { generateCorpus } from '../corpus/generate.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const workDir = path.join(repoRoot, 'tests', '.generated', 'search-bench');

/** The generator's entries include junk, re-scrapes and byte copies: about 86% become articles. */
export function pagesFor(articles: number): number {
  return Math.round(articles / 0.864);
}

export function benchArchivePath(articles: number, seed: number): string {
  return path.join(workDir, `bench-${articles}-s${seed}.arshif`);
}

function analyserHash(): string {
  const dir = path.join(repoRoot, 'src-main', 'core', 'arabic');
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

/** Files of a build in progress, so an interrupted bench can remove them (see abandonBenchArchiveBuild). */
let buildingPaths: string[] = [];

export function abandonBenchArchiveBuild(): void {
  for (const partial of buildingPaths) fs.rmSync(partial, { recursive: true, force: true });
  buildingPaths = [];
}

/** Returns the path of an up-to-date bench archive, building it first if needed (several minutes). */
export async function ensureBenchArchive(articles: number, seed: number, log: (message: string) => void): Promise<string> {
  const archiveFile = benchArchivePath(articles, seed);
  const stampFile = `${archiveFile}.json`;
  const pages = pagesFor(articles);
  const stamp = JSON.stringify({ pages, seed, schema: latestVersion, analyser: analyserHash() });
  if (fs.existsSync(archiveFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    log(`archive: reusing ${path.relative(repoRoot, archiveFile)}`);
    return archiveFile;
  }
  fs.mkdirSync(workDir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '.json']) fs.rmSync(archiveFile + suffix, { force: true });
  const corpusDir = path.join(workDir, `corpus-${pages}-s${seed}`);
  fs.rmSync(corpusDir, { recursive: true, force: true });
  buildingPaths = [corpusDir, ...['', '-wal', '-shm'].map((suffix) => archiveFile + suffix)];
  let t = Date.now();
  log(`archive: generating ${pages} pages into ${corpusDir} (several minutes) …`);
  await generateCorpus({ outDir: corpusDir, pages, seed, log });
  log(`archive: generated in ${((Date.now() - t) / 1000).toFixed(0)} s; importing …`);
  t = Date.now();
  const archive = openArchive(archiveFile, { create: true });
  let lastLog = 0;
  try {
    const report = await runImport(archive, [path.join(corpusDir, 'corpus')], {
      onProgress: (p) => {
        if (Date.now() - lastLog < 10_000) return;
        lastLog = Date.now();
        log(`  ${p.filesDone}/${p.filesTotal} files, ${p.articlesAdded} articles`);
      },
    });
    archive.db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
    archive.db.exec("INSERT INTO titles_fts(titles_fts) VALUES ('optimize')");
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    log(`archive: imported ${report.articlesAdded} articles in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  } finally {
    archive.close();
  }
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.writeFileSync(stampFile, stamp);
  buildingPaths = [];
  return archiveFile;
}
