/**
 * WARC import benchmark: generates (or reuses) a crawl of `--mb` megabytes on disk (`.warc.gz`, one gzip
 * member per record; see bench-warc.ts), reads it once with the WARC reader alone, then imports it into a
 * fresh archive in this process, printing throughput (MB/s of the file, pages/s), what the crawl's other
 * records counted as, and peak memory.
 *
 *   npm run bench:warc -- [--mb 1024] [--seed S] [--workers W] [--warcio]
 *
 * Target: peak RSS ≤ 400 MB on the 1 GB crawl (memory must not grow with the file). `--warcio` also
 * times Webrecorder's warcio.js reading the same file, the library this reader was measured against.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { runImport } from '../../src-main/core/importer/run-import.js';
import { ByteInput } from '../../src-main/core/importer/sources/byte-input.js';
import { readWarcRecords } from '../../src-main/core/importer/sources/warc-reader.js';
import { defaultSource, repoRoot } from '../corpus/source.js';

const TARGET_PEAK_RSS_MB = 400;
const MB = 1024 * 1024;

interface Args {
  mb: number;
  seed: number;
  workers: number | undefined;
  warcio: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { mb: 1024, seed: 1, workers: undefined, warcio: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--warcio') {
      args.warcio = true;
      continue;
    }
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number`);
    if (name === '--mb') args.mb = value;
    else if (name === '--seed') args.seed = value;
    else if (name === '--workers') args.workers = value;
    else throw new Error(`unknown argument ${name} (use --mb N, --seed S, --workers W, --warcio)`);
  }
  return args;
}

/** The crawl for these arguments, generated in a child process (its memory is not the import's) unless present. */
function ensureWarc(args: Args): { file: string; reused: boolean } {
  const dir = path.join(repoRoot, 'tests', '.generated');
  const file = path.join(dir, `bench-crawl-${args.mb}mb-s${args.seed}-${defaultSource()}.warc.gz`);
  if (fs.existsSync(file)) return { file, reused: true };
  fs.mkdirSync(dir, { recursive: true });
  process.stderr.write(`generating a ${args.mb} MB crawl in ${path.relative(repoRoot, file)} (minutes)…\n`);
  const gen = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests', 'bench', 'bench-warc.ts'), '--out', file, '--mb', String(args.mb), '--seed', String(args.seed)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (gen.status !== 0) throw new Error(`crawl generation failed (exit ${gen.status})`);
  return { file, reused: false };
}

/** Reads every record (payloads of HTML responses only), as the importer's reader does. */
async function readerSeconds(file: string): Promise<{ seconds: number; records: number }> {
  const started = process.hrtime.bigint();
  let records = 0;
  const wantHtml = (_head: unknown, http: { status: number; headers: Map<string, string> } | null) =>
    http?.status === 200 && (http.headers.get('content-type') ?? '').startsWith('text/html');
  for await (const _record of readWarcRecords(ByteInput.fromFile(file), wantHtml, 8 * MB)) records++;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, records };
}

async function warcioSeconds(file: string): Promise<number> {
  const { WARCParser } = await import('warcio');
  const started = process.hrtime.bigint();
  for await (const record of new WARCParser(fs.createReadStream(file, { highWaterMark: MB }))) {
    const type = record.httpHeaders?.headers.get('content-type') ?? '';
    if (record.warcType === 'response' && type.startsWith('text/html')) await record.readFully(true);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { file, reused } = ensureWarc(args);
  const fileMb = fs.statSync(file).size / MB;

  const reader = await readerSeconds(file);
  process.stderr.write(`reader alone: ${reader.records} records in ${reader.seconds.toFixed(1)} s\n`);
  const warcio = args.warcio ? await warcioSeconds(file) : null;

  const archiveFile = path.join(repoRoot, 'tests', '.generated', `bench-warc-${args.mb}.arshif`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(archiveFile + suffix, { force: true });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const archive = openArchive(archiveFile, { create: true });
  const started = process.hrtime.bigint();
  let lastLine = 0;
  let etaSeen = false;
  const report = await runImport(archive, [file], {
    ...(args.workers !== undefined ? { parseWorkers: args.workers } : {}),
    onProgress: (p) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (p.etaMs !== null) etaSeen = true;
      if (Date.now() - lastLine < 5000) return;
      lastLine = Date.now();
      const eta = p.etaMs === null ? '' : `, ETA ${Math.round(p.etaMs / 1000)} s`;
      process.stderr.write(`  ${(p.bytesDone / MB).toFixed(0)}/${(p.bytesTotal / MB).toFixed(0)} MB, ${p.recordsDone} records, ${p.articlesAdded} articles${eta}\n`);
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  archive.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  const figures = {
    bench: 'warc',
    fileMb: Number(fileMb.toFixed(0)),
    records: report.recordsDone,
    pages: report.articlesAdded,
    revisits: report.articlesUpdated,
    skipped: report.skipped,
    rejected: report.rejected,
    phase: report.phase,
    seconds: Number(seconds.toFixed(1)),
    mbPerSecond: Number((fileMb / seconds).toFixed(1)),
    pagesPerSecond: Math.round(report.articlesAdded / seconds),
    readerMbPerSecond: Number((fileMb / reader.seconds).toFixed(1)),
    warcioMbPerSecond: warcio === null ? null : Number((fileMb / warcio).toFixed(1)),
    etaShown: etaSeen,
    peakRssMb: Math.round(Math.max(maxRssMb, peakRss / MB)),
    crawlReused: reused,
    target: { peakRssMb: TARGET_PEAK_RSS_MB },
  };
  const out = process.stdout;
  out.write(`crawl          ${figures.fileMb} MB, ${figures.records} records (${figures.pages} pages, ${figures.revisits} revisits; skipped ${JSON.stringify(figures.skipped)}; ${figures.rejected} rejected)\n`);
  out.write(`import         ${figures.seconds} s: ${figures.mbPerSecond} MB/s, ${figures.pagesPerSecond} pages/s (phase ${figures.phase})\n`);
  out.write(`reader alone   ${figures.readerMbPerSecond} MB/s${warcio === null ? '' : `   (warcio.js: ${figures.warcioMbPerSecond} MB/s)`}\n`);
  out.write(`peak RSS MB    ${figures.peakRssMb}   (target ≤ ${TARGET_PEAK_RSS_MB}: ${figures.peakRssMb <= TARGET_PEAK_RSS_MB ? 'met' : 'NOT met'})\n`);
  out.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
