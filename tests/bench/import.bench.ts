/**
 * Import benchmark: builds (or reuses) a generated corpus under tests/.generated/, imports it into a
 * fresh archive in this process and prints throughput, peak memory and archive size — and, in the same
 * run on the same pages, the floor (import-floor.ts: read each page, insert its index text into a
 * contentless FTS5 table, no parsing) and the importer's ratio to it.
 *
 *   npm run bench:import -- [--pages N] [--seed S] [--workers W] [--no-floor] [--profile] [--warc-mb N | --no-warc]
 *
 * Then, unless --no-warc, the crawl formats: bench:warc in a child process (a generated `.warc.gz` of
 * --warc-mb megabytes, 1024 by default) prints WARC throughput (MB/s, pages/s) and its own peak RSS.
 *
 * --profile then imports the pages once more with the built CLI (out/cli, `npm run build:cli`) under
 * `node --cpu-prof` and prints the top self-time functions of each thread (the writer: the main
 * thread; the parse workers); the .cpuprofile files stay in tests/.generated/profiles/.
 *
 * Targets: ≥ 0.8 of the floor, ≥ 1,500 pages/s, peak RSS ≤ 400 MB, archive ≤ 1.5 × the pages. The
 * corpus is generated in a child process, so its memory never counts against the import's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { runImport } from '../../src-main/core/importer/run-import.js';
import { CORPUS_DIR, GENERATOR_VERSION, readManifestHead } from '../corpus/manifest.js';
import { defaultSource, repoRoot } from '../corpus/source.js';
import { selfTimes } from '../tools/cpuprofile-top.js';
import type { FloorFigures } from './import-floor.js';

const TARGET_PAGES_PER_SECOND = 1500;
const TARGET_PEAK_RSS_MB = 400;
const TARGET_FLOOR_RATIO = 0.8;
const TARGET_ARCHIVE_RATIO = 1.5;
const MB = 1024 * 1024;

interface Args {
  pages: number;
  seed: number;
  workers: number | undefined;
  floor: boolean;
  profile: boolean;
  /** Megabytes of the generated WARC crawl to import after the pages; 0: none. */
  warcMb: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { pages: 20_000, seed: 1, workers: undefined, floor: true, profile: false, warcMb: 1024 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-warc') {
      args.warcMb = 0;
      continue;
    }
    if (argv[i] === '--no-floor' || argv[i] === '--profile') {
      if (argv[i] === '--no-floor') args.floor = false;
      else args.profile = true;
      continue;
    }
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
      case '--warc-mb':
        args.warcMb = value;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (use --pages N, --seed S, --workers W, --no-floor, --profile, --warc-mb N, --no-warc)`);
    }
    i++;
    if (!Number.isInteger(value) || value < 0) throw new Error(`${argv[i - 1]} needs a whole number`);
  }
  return args;
}

/**
 * CPU seconds of each thread of this process (Linux: /proc/self/task), sampled while the import runs
 * so that parse workers, which end with it, are counted: the writer's thread against the others.
 */
class ThreadCpu {
  private readonly start = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private readonly tick = 100; // USER_HZ

  constructor() {
    for (const [tid, s] of this.read()) this.start.set(tid, s);
  }

  private read(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    let tids: string[] = [];
    try {
      tids = fs.readdirSync('/proc/self/task');
    } catch {
      return out;
    }
    for (const tid of tids) {
      try {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.push([tid, (Number(fields[11]) + Number(fields[12])) / this.tick]);
      } catch {
        // the thread ended
      }
    }
    return out;
  }

  sample(): void {
    for (const [tid, s] of this.read()) this.last.set(tid, s);
  }

  /** CPU seconds since construction: the main thread's, and all other threads' together; null where unknown. */
  used(): { main: number; others: number } | null {
    this.sample();
    if (this.last.size === 0) return null;
    let main = 0;
    let others = 0;
    for (const [tid, s] of this.last) {
      const used = s - (this.start.get(tid) ?? 0);
      if (tid === String(process.pid)) main += used;
      else others += used;
    }
    return { main, others };
  }
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
  const threadCpu = new ThreadCpu();
  const threadSampler = setInterval(() => threadCpu.sample(), 200);
  const started = process.hrtime.bigint();
  const cpuAtStart = process.cpuUsage(); // this thread and the parse workers (threads of this process)
  let lastLine = 0;
  // When each tenth of the files was done, and the RSS then: does speed or memory drift with the archive's size?
  const tenths: Array<{ seconds: number; rssMb: number; heapMb: number; externalMb: number }> = [];
  const report = await runImport(archive, [root], {
    ...(args.workers !== undefined ? { parseWorkers: args.workers } : {}),
    onProgress: (p) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      while (p.filesTotal > 0 && p.phase === 'importing' && p.filesDone >= ((tenths.length + 1) * p.filesTotal) / 10) {
        const memory = process.memoryUsage();
        tenths.push({
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
          rssMb: Math.round(memory.rss / MB),
          heapMb: Math.round(memory.heapTotal / MB),
          externalMb: Math.round(memory.external / MB),
        });
      }
      if (Date.now() - lastLine > 2000) {
        lastLine = Date.now();
        process.stderr.write(`  ${p.phase} ${p.filesDone}/${p.filesTotal} · ${Math.round(p.pagesPerSecond)} pages/s\n`);
      }
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuUsed = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  clearInterval(threadSampler);
  const byThread = threadCpu.used();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  archive.close();

  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const archiveMb = (fileSize(archiveFile) + fileSize(`${archiveFile}-wal`)) / MB;
  const floor = args.floor ? measureFloorInChild(root) : null;
  const pagesPerSecond = corpus.pages / seconds;
  const floorPagesPerSecond = floor ? corpus.pages / floor.seconds : null;
  const inputMb = corpus.bytes / MB;
  const figures = {
    bench: 'import',
    pages: corpus.pages,
    filesDone: report.filesDone,
    articlesAdded: report.articlesAdded,
    rejected: report.rejected,
    phase: report.phase,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Math.round(pagesPerSecond),
    floorSeconds: floor ? Number(floor.seconds.toFixed(2)) : null,
    floorPagesPerSecond: floorPagesPerSecond === null ? null : Math.round(floorPagesPerSecond),
    floorRatio: floorPagesPerSecond === null ? null : Number((pagesPerSecond / floorPagesPerSecond).toFixed(2)),
    floorRows: floor?.rowsInserted ?? null,
    cpuMsPerPage: Number(((cpuSeconds * 1000) / corpus.pages).toFixed(2)),
    floorCpuMsPerPage: floor ? Number(((floor.cpuSeconds * 1000) / corpus.pages).toFixed(2)) : null,
    writerThreadCpuMsPerPage: byThread ? Number(((byThread.main * 1000) / corpus.pages).toFixed(2)) : null,
    otherThreadsCpuMsPerPage: byThread ? Number(((byThread.others * 1000) / corpus.pages).toFixed(2)) : null,
    inputMb: Number(inputMb.toFixed(1)),
    mbPerSecond: Number((inputMb / seconds).toFixed(1)),
    peakRssMb: Math.round(Math.max(maxRssMb, peakRss / MB)),
    maxRssMb: Math.round(maxRssMb),
    sampledPeakRssMb: Math.round(peakRss / MB),
    archiveMb: Number(archiveMb.toFixed(1)),
    archiveRatio: Number((archiveMb / inputMb).toFixed(2)),
    floorDbMb: floor ? Number(floor.dbMb.toFixed(1)) : null,
    corpusReused: corpus.reused,
    cpus: os.cpus().length,
    loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
    targets: { floorRatio: TARGET_FLOOR_RATIO, pagesPerSecond: TARGET_PAGES_PER_SECOND, peakRssMb: TARGET_PEAK_RSS_MB, archiveRatio: TARGET_ARCHIVE_RATIO },
  };
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const out = process.stdout;
  out.write(`pages          ${figures.pages} (${report.articlesAdded} articles added, ${report.rejected} rejected, phase ${report.phase}); ${figures.cpus} CPUs, load average ${figures.loadAverage}\n`);
  out.write(`seconds        ${figures.seconds}\n`);
  out.write(`pages/s        ${figures.pagesPerSecond}   (target ≥ ${TARGET_PAGES_PER_SECOND}: ${verdict(figures.pagesPerSecond >= TARGET_PAGES_PER_SECOND)})\n`);
  if (floor && figures.floorRatio !== null) {
    out.write(`floor pages/s  ${figures.floorPagesPerSecond}   (${figures.floorSeconds} s: read every page, ${floor.rowsInserted} rows of index text into FTS5, no parsing)\n`);
    out.write(`ratio to floor ${figures.floorRatio}   (target ≥ ${TARGET_FLOOR_RATIO}: ${verdict(figures.floorRatio >= TARGET_FLOOR_RATIO)})\n`);
    out.write(`CPU ms/page    importer ${figures.cpuMsPerPage} (all threads), floor ${figures.floorCpuMsPerPage}   (less sensitive to other load)\n`);
  }
  if (figures.writerThreadCpuMsPerPage !== null) {
    out.write(`CPU by thread  writer (main thread) ${figures.writerThreadCpuMsPerPage} ms/page, parse workers and helpers ${figures.otherThreadsCpuMsPerPage} ms/page\n`);
  }
  if (tenths.length === 10) {
    const rates = tenths.map((t, i) => Math.round(corpus.pages / 10 / (t.seconds - (i === 0 ? 0 : tenths[i - 1]!.seconds))));
    out.write(`pages/s by tenth of the files  ${rates.join(' ')}\n`);
    out.write(`memory by tenth: RSS MB ${tenths.map((t) => t.rssMb).join(' ')}; writer's JS heap MB ${tenths.map((t) => t.heapMb).join(' ')}; external MB ${tenths.map((t) => t.externalMb).join(' ')}\n`);
  }
  out.write(`MB/s           ${figures.mbPerSecond}   (${figures.inputMb} MB of input)\n`);
  out.write(`peak RSS MB    ${figures.peakRssMb}   (maxRSS ${figures.maxRssMb}, sampled ${figures.sampledPeakRssMb}; target ≤ ${TARGET_PEAK_RSS_MB}: ${verdict(figures.peakRssMb <= TARGET_PEAK_RSS_MB)})\n`);
  out.write(`archive MB     ${figures.archiveMb}   (${figures.archiveRatio} × the pages; target ≤ ${TARGET_ARCHIVE_RATIO}: ${verdict(figures.archiveRatio <= TARGET_ARCHIVE_RATIO)})\n`);
  out.write(`${JSON.stringify(figures)}\n`);
  if (args.profile) profileImport(root, args);
  if (args.warcMb > 0) measureWarc(args);
}

/** WARC throughput and memory: bench:warc in a child process, so its memory is its own. */
function measureWarc(args: Args): void {
  process.stdout.write(`
WARC crawl (${args.warcMb} MB, npm run bench:warc; --no-warc to skip):
`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'warc.bench.ts'), '--mb', String(args.warcMb), ...(args.workers !== undefined ? ['--workers', String(args.workers)] : [])],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`the WARC bench failed (exit ${run.status})`);
}

/** The floor, in a child process: its memory (the index text of every page) must not count against the importer's. */
function measureFloorInChild(root: string): FloorFigures {
  process.stderr.write('floor: analysing the pages (untimed), then reading them and writing the index text (timed) …\n');
  const db = path.join(repoRoot, 'tests', '.generated', 'bench-import-floor.sqlite');
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-floor.ts'), '--root', root, '--db', db], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`the floor failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as FloorFigures;
}

/**
 * Imports the pages again with the built CLI under --cpu-prof (one profile per thread: the main thread
 * reads, hashes and writes; each parse worker decodes, parses and analyses) and prints each one's top.
 */
function profileImport(root: string, args: Args): void {
  const cli = path.join(repoRoot, 'out', 'cli', 'arshif.mjs');
  if (!fs.existsSync(cli)) throw new Error('--profile needs the built CLI: run npm run build:cli');
  const dir = path.join(repoRoot, 'tests', '.generated', 'profiles', `import-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const archiveFile = path.join(dir, 'profiled.arshif');
  fs.mkdirSync(dir, { recursive: true });
  process.stderr.write(`profiling: importing again under --cpu-prof into ${path.relative(repoRoot, dir)} …\n`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, 'import', root, '--archive', archiveFile, ...(args.workers !== undefined ? ['--workers', String(args.workers)] : [])],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  if (run.status !== 0) throw new Error(`the profiled import failed (exit ${run.status})`);
  const seconds = (Date.now() - started) / 1000;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(archiveFile + suffix, { force: true });
  const out = process.stdout;
  out.write(`\nprofiled import: ${seconds.toFixed(1)} s (${Math.round(args.pages / seconds)} pages/s under the profiler)\n`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  for (const file of files) {
    const thread = Number(file.split('.')[4]); // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile
    const summary = selfTimes(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    out.write(`\n${thread === 0 ? 'main thread (read, hash, write)' : `parse worker (thread ${thread})`}: ${(summary.total / 1000).toFixed(1)} s busy, ${(summary.idle / 1000).toFixed(1)} s idle — ${file}\n`);
    for (const f of summary.byFunction.slice(0, 15)) out.write(`  ${f.percent.toFixed(1).padStart(5)}%  ${f.name}  ${f.file}\n`);
    out.write(`  by file: ${summary.byFile.slice(0, 8).map((f) => `${f.name} ${f.percent.toFixed(0)}%`).join(', ')}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
