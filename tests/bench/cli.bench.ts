/**
 * Start-up of the built `arshif` command: `node -e 0` and `arshif search` over a 3,000-article
 * archive, run alternately in one run (so both see the same machine load), several times each.
 * Prints both medians and their ratio, and the source run (`npm run arshif`, tsx) for comparison.
 *
 *   npm run bench:cli [-- --runs 21 --articles 3000 --no-build --tsx-runs 3]
 *
 * Target: median(arshif search) ≤ 2.5 × median(node -e 0). The CLI is rebuilt first (npm run
 * build:cli) so the bundle measured is today's; the archive is the cached bench archive
 * (tests/bench/bench-archive.ts). Each search is a different query, two words of a headline of the
 * archive, as people type what they read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { isStopword, tokenize } from '../../src-main/core/arabic/index.js';
import { Rng } from '../corpus/rng.js';
import { ensureBenchArchive } from './bench-archive.js';

const TARGET_RATIO = 2.5;
const WARMUP_RUNS = 3;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    articles: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    'tsx-runs': { type: 'string', default: '3' },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const ARTICLES = Number(values.articles);
const SEED = Number(values.seed);
const TSX_RUNS = Math.max(0, Number(values['tsx-runs']));

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const bundle = path.join(repoRoot, 'out', 'cli', 'arshif.mjs');

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc/self/stat
 * (Linux; 10 ms ticks), or null elsewhere. Less sensitive than wall time to what else the machine runs.
 */
function childrenCpuMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime, cstime (fields 16 and 17), at 100 ticks/s
  } catch {
    return null;
  }
}

interface Timing {
  wallMs: number;
  cpuMs: number | null;
}

/** Wall and CPU time of one process run, in ms; fails loudly when the command fails. */
function timed(command: string, args: string[], check?: (stdout: string) => boolean, cwd = os.tmpdir()): Timing {
  const cpuBefore = childrenCpuMs();
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (run.status !== 0 || (check && !check(run.stdout))) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
  return { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Distinct two-word queries from the archive's headlines (content words, no stop-words). */
function headlineQueries(archiveFile: string, count: number): string[] {
  const archive = openArchive(archiveFile, { readonly: true });
  try {
    const rng = new Rng('cli-bench', SEED);
    const maxId = archive.db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
    const titleAt = archive.db.prepare('SELECT title FROM articles WHERE id >= ? ORDER BY id LIMIT 1').pluck();
    const queries = new Set<string>();
    for (let tries = 0; queries.size < count && tries < count * 50; tries++) {
      const title = titleAt.get(rng.int(1, maxId)) as string;
      const words = tokenize(title)
        .filter((t) => t.norm.length >= 3 && !isStopword(t.norm) && !/^\d+$/.test(t.norm))
        .map((t) => title.slice(t.start, t.end));
      if (words.length >= 2) queries.add(rng.shuffle(words).slice(0, 2).join(' '));
    }
    return [...queries];
  } finally {
    archive.close();
  }
}

async function main(): Promise<void> {
  if (!values['no-build']) {
    log('building the CLI (npm run build:cli) …');
    const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build:cli failed');
  }
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build:cli`);
  const archiveFile = await ensureBenchArchive(ARTICLES, SEED, log);
  const queries = headlineQueries(archiveFile, WARMUP_RUNS + RUNS);
  if (queries.length < WARMUP_RUNS + RUNS) throw new Error('the archive has too few headlines to draw queries from');
  const matched = (stdout: string) => / articles match /.test(stdout);
  const search = (query: string) => timed(process.execPath, [bundle, 'search', query, '--archive', archiveFile], matched);
  const bare = () => timed(process.execPath, ['-e', '0']);

  for (let i = 0; i < WARMUP_RUNS; i++) {
    bare();
    search(queries[i]!);
  }
  const nodeRuns: Timing[] = [];
  const searchRuns: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    const query = queries[WARMUP_RUNS + i]!;
    // Alternate the order, so neither side always runs right after the other.
    if (i % 2 === 0) {
      nodeRuns.push(bare());
      searchRuns.push(search(query));
    } else {
      searchRuns.push(search(query));
      nodeRuns.push(bare());
    }
  }
  const tsxMs: number[] = [];
  for (let i = 0; i < TSX_RUNS; i++) {
    const args = ['--import', 'tsx', path.join(repoRoot, 'src-main', 'cli', 'main.ts'), 'search', queries[i]!, '--archive', archiveFile];
    tsxMs.push(timed(process.execPath, args, matched, repoRoot).wallMs);
  }

  const wall = (runs: Timing[]) => runs.map((r) => r.wallMs);
  const cpu = (runs: Timing[]) => (runs.every((r) => r.cpuMs !== null) ? runs.map((r) => r.cpuMs!) : null);
  const nodeMedian = median(wall(nodeRuns));
  const searchMedian = median(wall(searchRuns));
  const ratio = searchMedian / nodeMedian;
  const nodeCpu = cpu(nodeRuns);
  const searchCpu = cpu(searchRuns);
  const cpuRatio = nodeCpu && searchCpu && median(nodeCpu) > 0 ? median(searchCpu) / median(nodeCpu) : null;
  const figures = {
    bench: 'cli',
    articles: ARTICLES,
    runs: RUNS,
    nodeMedianMs: Math.round(nodeMedian),
    searchMedianMs: Math.round(searchMedian),
    ratio: Number(ratio.toFixed(2)),
    targetRatio: TARGET_RATIO,
    met: ratio <= TARGET_RATIO,
    nodeMinMs: Math.round(Math.min(...wall(nodeRuns))),
    searchMinMs: Math.round(Math.min(...wall(searchRuns))),
    nodeCpuMedianMs: nodeCpu ? median(nodeCpu) : null,
    searchCpuMedianMs: searchCpu ? median(searchCpu) : null,
    cpuRatio: cpuRatio === null ? null : Number(cpuRatio.toFixed(2)),
    tsxMedianMs: tsxMs.length ? Math.round(median(tsxMs)) : null,
    cpus: os.cpus().length,
    loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
  };
  const out = process.stdout;
  out.write(`cli bench: ${ARTICLES}-article archive, ${RUNS} runs each, alternating, ${figures.cpus} CPUs, load average ${figures.loadAverage}\n`);
  out.write(`node -e 0          median ${figures.nodeMedianMs} ms   (min ${figures.nodeMinMs})\n`);
  out.write(`arshif search      median ${figures.searchMedianMs} ms   (min ${figures.searchMinMs})\n`);
  out.write(`ratio              ${figures.ratio}×   (target ≤ ${TARGET_RATIO}×: ${figures.met ? 'met' : 'NOT met'})\n`);
  if (figures.cpuRatio !== null) {
    out.write(`CPU (user+sys)     node -e 0 ${figures.nodeCpuMedianMs} ms, arshif search ${figures.searchCpuMedianMs} ms: ${figures.cpuRatio}× (medians; less sensitive to load)\n`);
  }
  if (figures.tsxMedianMs !== null) out.write(`from sources (tsx) median ${figures.tsxMedianMs} ms over ${TSX_RUNS} runs\n`);
  out.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
