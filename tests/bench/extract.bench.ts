/**
 * Extraction benchmark on real saved news pages (`../shared/corpora/realpages/`, 345 pages with truth:
 * body, title, date). Every page goes through the importer's own path — the parse-worker pool running
 * `processPage` (decode, recognise/extract, analyse) — and is scored as the corpus README says.
 *
 *   npm run bench:extract -- [--workers W] [--rounds R] [--worst N]
 *
 * Prints per set and overall: found %, title exact %, body word precision / recall / F1 (mean and
 * median), date exact % (pages whose truth has a date), pages/s through the pool and CPU ms per page;
 * the summary line comes last. Targets: found ≥ 99 %, F1 mean ≥ 0.95, title exact ≥ 90 %, date exact
 * ≥ 93 %, ≥ 60 pages/s. Rounds after the first time the same pages again (scores come from the first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workerParser } from '../../src-main/core/importer/parse-pool.js';
import type { ProcessedPage } from '../../src-main/core/importer/process-page.js';
import { dateExact, loadTruth, mean, median, REALPAGES_DIR, scoreBody, titleExact, type TruthRow } from './realpages.js';

const TARGETS = { found: 99, f1: 0.95, title: 90, date: 93, pagesPerSecond: 60 };
/** Pages in flight at once, like the importer's read-ahead. */
const IN_FLIGHT = 64;

interface Args {
  workers: number;
  rounds: number;
  worst: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { workers: os.availableParallelism(), rounds: 3, worst: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${argv[i]} needs a whole number`);
    if (argv[i] === '--workers' && value > 0) args.workers = value;
    else if (argv[i] === '--rounds' && value > 0) args.rounds = value;
    else if (argv[i] === '--worst') args.worst = value;
    else throw new Error(`unknown argument ${argv[i]} (use --workers W, --rounds R, --worst N)`);
  }
  return args;
}

interface Scored {
  row: TruthRow;
  found: boolean;
  titleOk: boolean;
  dateOk: boolean;
  precision: number;
  recall: number;
  f1: number;
  title: string | null;
  reason: string | null;
}

function score(row: TruthRow, processed: ProcessedPage): Scored {
  const page = processed.outcome.ok ? processed.outcome.page : null;
  const body = scoreBody(page?.paragraphs ?? null, row.body);
  return {
    row,
    found: page !== null,
    titleOk: titleExact(page?.title ?? null, row.title),
    dateOk: dateExact(page?.publishedAt ?? null, row.date),
    ...body,
    title: page?.title ?? null,
    reason: processed.outcome.ok ? null : processed.outcome.message,
  };
}

const pct = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

function line(label: string, scored: readonly Scored[]): string {
  const dated = scored.filter((s) => s.row.date !== null);
  const f1 = scored.map((s) => s.f1);
  return (
    `${label.padEnd(12)} pages ${String(scored.length).padStart(3)} · found ${pct(scored.filter((s) => s.found).length, scored.length)}` +
    ` · title ${pct(scored.filter((s) => s.titleOk).length, scored.length)}` +
    ` · body P ${mean(scored.map((s) => s.precision)).toFixed(3)} R ${mean(scored.map((s) => s.recall)).toFixed(3)}` +
    ` F1 ${mean(f1).toFixed(3)} (median P ${median(scored.map((s) => s.precision)).toFixed(3)} R ${median(scored.map((s) => s.recall)).toFixed(3)} F1 ${median(f1).toFixed(3)})` +
    ` · date ${pct(dated.filter((s) => s.dateOk).length, dated.length)} of ${dated.length}`
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const truth = loadTruth();
  if ('missing' in truth) {
    process.stdout.write(`bench:extract skipped: ${truth.missing}\n`);
    return;
  }
  const pages = truth.rows.map((row) => ({ row, bytes: new Uint8Array(fs.readFileSync(path.join(REALPAGES_DIR, 'pages', row.file))) }));
  const totalBytes = pages.reduce((n, p) => n + p.bytes.length, 0);
  const parser = workerParser(args.workers);
  const results: ProcessedPage[] = new Array<ProcessedPage>(pages.length);
  const roundSeconds: number[] = [];
  const roundCpuMs: number[] = [];
  const cpuStart = process.cpuUsage();
  try {
    for (let round = 0; round < args.rounds; round++) {
      const started = process.hrtime.bigint();
      const roundCpu = process.cpuUsage();
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < pages.length) {
          const i = next++;
          const page = pages[i];
          if (page === undefined) continue;
          // A copy per job: the pool transfers nothing, but each page is sent as a fresh buffer, as the importer does.
          const processed = await parser.parse(page.bytes.slice(), path.basename(page.row.file));
          if (round === 0) results[i] = processed;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
      roundSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      const used = process.cpuUsage(roundCpu);
      roundCpuMs.push((used.user + used.system) / 1000);
    }
  } finally {
    await parser.close();
  }
  const cpu = process.cpuUsage(cpuStart);

  const scored = pages.map((p, i) => score(p.row, results[i] as ProcessedPage));
  const sets = [...new Set(truth.rows.map((r) => r.set))];
  const out = process.stdout;
  out.write(`real pages: ${pages.length} (${(totalBytes / pages.length / 1024).toFixed(0)} KB average) from ${path.relative(process.cwd(), REALPAGES_DIR)}\n`);
  for (const set of sets) out.write(`${line(set, scored.filter((s) => s.row.set === set))}\n`);
  out.write(`${line('overall', scored)}\n`);

  const seconds = roundSeconds.reduce((a, b) => a + b, 0);
  const pagesPerSecond = (pages.length * args.rounds) / seconds;
  const firstRound = pages.length / (roundSeconds[0] ?? 1);
  const cpuMsPerPage = (cpu.user + cpu.system) / 1000 / (pages.length * args.rounds);
  // The last round shows the pool at work once its threads have started and compiled: CPU per page
  // (all threads of the process) and the pages/s the machine's cores give at that cost when idle.
  const steadyCpuMs = (roundCpuMs[roundCpuMs.length - 1] ?? 0) / pages.length;
  const cores = Math.min(args.workers, os.availableParallelism());
  out.write(
    `speed        ${pagesPerSecond.toFixed(0)} pages/s through ${args.workers} parse worker(s), ${args.rounds} round(s)` +
      ` (first round ${firstRound.toFixed(0)} pages/s; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores)\n` +
      `cpu          ${cpuMsPerPage.toFixed(1)} CPU ms per page in all; last round ${steadyCpuMs.toFixed(1)} ms` +
      ` → ${((1000 * cores) / Math.max(steadyCpuMs, 0.001)).toFixed(0)} pages/s on ${cores} idle core(s)\n`,
  );

  if (args.worst > 0) {
    out.write(`\nworst ${args.worst} by body F1:\n`);
    for (const s of [...scored].sort((a, b) => a.f1 - b.f1).slice(0, args.worst)) {
      out.write(`  ${s.f1.toFixed(2)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)}  ${s.row.id}${s.reason ? `  (${s.reason})` : ''}\n`);
    }
    out.write('titles not exact:\n');
    for (const s of scored.filter((x) => !x.titleOk)) out.write(`  ${s.row.id}: ${JSON.stringify(s.title)} ≠ ${JSON.stringify(s.row.title)}\n`);
  }

  const found = (100 * scored.filter((s) => s.found).length) / scored.length;
  const title = (100 * scored.filter((s) => s.titleOk).length) / scored.length;
  const f1 = mean(scored.map((s) => s.f1));
  const dated = scored.filter((s) => s.row.date !== null);
  const date = (100 * dated.filter((s) => s.dateOk).length) / dated.length;
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const summary = {
    bench: 'extract',
    pages: pages.length,
    foundPct: Number(found.toFixed(1)),
    titleExactPct: Number(title.toFixed(1)),
    bodyF1Mean: Number(f1.toFixed(3)),
    bodyF1Median: Number(median(scored.map((s) => s.f1)).toFixed(3)),
    dateExactPct: Number(date.toFixed(1)),
    pagesPerSecond: Math.round(pagesPerSecond),
    workers: args.workers,
    cpuMsPerPage: Number(cpuMsPerPage.toFixed(1)),
    steadyCpuMsPerPage: Number(steadyCpuMs.toFixed(1)),
    loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
  };
  out.write(`${JSON.stringify(summary)}\n`);
  out.write(
    `summary: found ${found.toFixed(1)}% (≥ ${TARGETS.found}: ${met(found >= TARGETS.found)}) · title exact ${title.toFixed(1)}% (≥ ${TARGETS.title}: ${met(title >= TARGETS.title)})` +
      ` · body F1 ${f1.toFixed(3)} (≥ ${TARGETS.f1}: ${met(f1 >= TARGETS.f1)}) · date exact ${date.toFixed(1)}% (≥ ${TARGETS.date}: ${met(date >= TARGETS.date)})` +
      ` · ${pagesPerSecond.toFixed(0)} pages/s with ${args.workers} worker(s) (≥ ${TARGETS.pagesPerSecond}: ${met(pagesPerSecond >= TARGETS.pagesPerSecond)})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
