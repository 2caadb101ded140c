/**
 * Import benchmark: builds (or reuses) a generated corpus under tests/.generated/, imports it into a
 * fresh archive in this process and prints throughput, peak memory and archive size.
 *
 *   npm run bench:import -- [--pages N] [--seed S] [--workers W]
 *
 * Targets: ≥ 1,500 pages/s, peak RSS ≤ 400 MB. The corpus is generated in a child process, so its
 * memory never counts against the import's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { runImport } from '../../src-main/core/importer/run-import.js';
import { CORPUS_DIR, GENERATOR_VERSION, readManifestHead } from '../corpus/manifest.js';
import { defaultSource, repoRoot } from '../corpus/source.js';

const TARGET_PAGES_PER_SECOND = 1500;
const TARGET_PEAK_RSS_MB = 400;
const MB = 1024 * 1024;

interface Args {
  pages: number;
  seed: number;
  workers: number | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { pages: 20_000, seed: 1, workers: undefined };
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    switch (argv[i]) {
      case '--pages':
        args.pages = value;
        break;
      case '--seed':
        args.seed = value;
        break;
      case '--workers':
        args.workers = value;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (use --pages N, --seed S, --workers W)`);
    }
    i++;
    if (!Number.isInteger(value) || value < 0) throw new Error(`${argv[i - 1]} needs a whole number`);
  }
  return args;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The corpus folder for these arguments, generated (in a child process) unless a matching one exists. */
function ensureCorpus(args: Args): { dir: string; bytes: number; pages: number; reused: boolean } {
  const source = defaultSource();
  const dir = path.join(repoRoot, 'tests', '.generated', `bench-corpus-${args.pages}-s${args.seed}-${source}`);
  const matches = () => {
    const head = readManifestHead(dir);
    return head !== null && head.generator === GENERATOR_VERSION && head.seed === args.seed && head.pages === args.pages && head.source === source
      ? head
      : null;
  };
  let head = matches();
  const reused = head !== null && fs.existsSync(path.join(dir, CORPUS_DIR));
  if (!reused) {
    process.stderr.write(`generating a ${args.pages}-page corpus (${source}) in ${path.relative(repoRoot, dir)}…\n`);
    const gen = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'tests', 'corpus', 'generate.ts'), '--out', dir, '--pages', String(args.pages), '--seed', String(args.seed), '--source', source],
      { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (gen.status !== 0) throw new Error(`corpus generation failed (exit ${gen.status})`);
    head = matches();
    if (!head) throw new Error('the generated corpus has no readable manifest');
  }
  if (!head) throw new Error('unreachable');
  return { dir, bytes: head.stats.bytes, pages: head.pages, reused };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const corpus = ensureCorpus(args);
  const root = path.join(corpus.dir, CORPUS_DIR);
  const archiveFile = path.join(repoRoot, 'tests', '.generated', `bench-import-${args.pages}.arshif`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(archiveFile + suffix, { force: true });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const archive = openArchive(archiveFile, { create: true });
  const started = process.hrtime.bigint();
  let lastLine = 0;
  const report = await runImport(archive, [root], {
    ...(args.workers !== undefined ? { parseWorkers: args.workers } : {}),
    onProgress: (p) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (Date.now() - lastLine > 2000) {
        lastLine = Date.now();
        process.stderr.write(`  ${p.phase} ${p.filesDone}/${p.filesTotal} · ${Math.round(p.pagesPerSecond)} pages/s\n`);
      }
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  archive.close();

  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const archiveMb = (fileSize(archiveFile) + fileSize(`${archiveFile}-wal`)) / MB;
  const figures = {
    bench: 'import',
    pages: corpus.pages,
    filesDone: report.filesDone,
    articlesAdded: report.articlesAdded,
    rejected: report.rejected,
    phase: report.phase,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Math.round(corpus.pages / seconds),
    inputMb: Number((corpus.bytes / MB).toFixed(1)),
    mbPerSecond: Number((corpus.bytes / MB / seconds).toFixed(1)),
    peakRssMb: Math.round(Math.max(maxRssMb, peakRss / MB)),
    maxRssMb: Math.round(maxRssMb),
    sampledPeakRssMb: Math.round(peakRss / MB),
    archiveMb: Number(archiveMb.toFixed(1)),
    corpusReused: corpus.reused,
    targets: { pagesPerSecond: TARGET_PAGES_PER_SECOND, peakRssMb: TARGET_PEAK_RSS_MB },
  };
  const speedOk = figures.pagesPerSecond >= TARGET_PAGES_PER_SECOND;
  const memoryOk = figures.peakRssMb <= TARGET_PEAK_RSS_MB;
  const out = process.stdout;
  out.write(`pages          ${figures.pages} (${report.articlesAdded} articles added, ${report.rejected} rejected, phase ${report.phase})\n`);
  out.write(`seconds        ${figures.seconds}\n`);
  out.write(`pages/s        ${figures.pagesPerSecond}   (target ≥ ${TARGET_PAGES_PER_SECOND}: ${speedOk ? 'met' : 'NOT met'})\n`);
  out.write(`MB/s           ${figures.mbPerSecond}   (${figures.inputMb} MB of input)\n`);
  out.write(`peak RSS MB    ${figures.peakRssMb}   (maxRSS ${figures.maxRssMb}, sampled ${figures.sampledPeakRssMb}; target ≤ ${TARGET_PEAK_RSS_MB}: ${memoryOk ? 'met' : 'NOT met'})\n`);
  out.write(`archive MB     ${figures.archiveMb}\n`);
  out.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
