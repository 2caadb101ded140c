/**
 * Acceptance: an import killed with SIGKILL at random moments, then run again to completion, leaves the
 * archive exactly as one uninterrupted import does — intact database and search index, no duplicates,
 * no losses.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { exportArticles } from '../../src-main/core/archive/export.js';
import { comparable, diffArticles, identityOf } from '../corpus/compare.js';
import { generateCorpus, type Manifest } from '../corpus/generate.js';
import { Rng } from '../corpus/rng.js';
import { repoRoot } from '../corpus/source.js';

const PAGES = 3000;
const SEED = 77;
const KILL_ROUNDS = 6;
const CLI = path.join(repoRoot, 'src-main', 'cli', 'main.ts');

let dir: string;
let root: string;
let manifest: Manifest;

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** ms from spawn to the first progress line of the importing phase (null if none). */
  importingAfter: number | null;
  elapsed: number;
}

/** When to SIGKILL a run: ms after spawn, or ms after its import phase began (first "import: importing" line). */
type KillAt = { afterSpawn: number } | { afterImporting: number };

/** Runs `arshif import ROOT --archive FILE --json` as a child process, SIGKILLed at `kill` if given. */
function runCliImport(archiveFile: string, kill?: KillAt): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'import', root, '--archive', archiveFile, '--json'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let importingAfter: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    const killIn = (ms: number) => {
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    if (kill && 'afterSpawn' in kill) killIn(kill.afterSpawn);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (importingAfter === null && stderr.includes('import: importing')) {
        importingAfter = Date.now() - started;
        if (kill && 'afterImporting' in kill) killIn(kill.afterImporting);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, importingAfter, elapsed: Date.now() - started });
    });
  });
}

function exportOf(file: string) {
  const archive = openArchive(file);
  try {
    return [...exportArticles(archive)].map((a) => comparable(a));
  } finally {
    archive.close();
  }
}

/** Articles in the archive so far (0 when the killed run had not created it yet). */
function articleCount(file: string): number {
  if (!fs.existsSync(file)) return 0;
  try {
    const archive = openArchive(file, { readonly: true });
    try {
      return (archive.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      archive.close();
    }
  } catch {
    return 0;
  }
}

function checkIntegrity(file: string): void {
  const archive = openArchive(file);
  try {
    const rows = archive.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    expect(rows.map((r) => r.integrity_check)).toEqual(['ok']);
    expect(() => archive.db.prepare("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')").run()).not.toThrow();
    const fk = archive.db.pragma('foreign_key_check') as unknown[];
    expect(fk).toEqual([]);
  } finally {
    archive.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-kill-import-'));
  manifest = await generateCorpus({ outDir: path.join(dir, 'gen'), pages: PAGES, seed: SEED });
  root = path.join(dir, 'gen', manifest.root);
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`an import killed at random moments (${PAGES} pages)`, () => {
  it('ends, once run to completion, exactly like an uninterrupted import', async () => {
    // A: one uninterrupted import — the reference.
    const fileA = path.join(dir, 'a.arshif');
    const a = await runCliImport(fileA);
    expect(a.code, a.stderr).toBe(0);
    const reportA = JSON.parse(a.stdout) as { phase: string; articlesAdded: number };
    expect(reportA.phase).toBe('finished');
    expect(reportA.articlesAdded).toBe(manifest.articles.length);
    const reference = exportOf(fileA);
    expect(reference).toHaveLength(manifest.articles.length);

    // B: killed at seeded random moments — once while it starts (creating the archive), then spread
    // over the import phase — then run to completion.
    const fileB = path.join(dir, 'b.arshif');
    const rng = new Rng('kill-import', SEED);
    const startup = a.importingAfter ?? Math.floor(a.elapsed / 3);
    const importing = Math.max(500, a.elapsed - startup);
    const kills: string[] = [];
    let interrupted = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      // Stratified: round r (1…) dies somewhere in the r-th slice of the reference import's duration.
      const slice = (round - 1 + rng.next()) / (KILL_ROUNDS - 1);
      const at: KillAt = round === 0 ? { afterSpawn: Math.round(rng.next() * startup) } : { afterImporting: Math.round(slice * importing) };
      const run = await runCliImport(fileB, at);
      kills.push(`${JSON.stringify(at)}→${run.signal ?? `exit ${run.code}`} (${articleCount(fileB)} articles)`);
      if (run.signal === 'SIGKILL') interrupted++;
      else expect(run.code, run.stderr).toBe(0);
    }
    console.log(`import A: ${a.elapsed} ms, importing from ${a.importingAfter} ms; B: ${kills.join(', ')}`);
    expect(interrupted, `kills: ${kills.join(' ')}`).toBeGreaterThanOrEqual(3);
    const final = await runCliImport(fileB);
    expect(final.code, final.stderr).toBe(0);
    expect((JSON.parse(final.stdout) as { phase: string }).phase).toBe('finished');

    checkIntegrity(fileB);
    const b = exportOf(fileB);
    const ids = b.map(identityOf);
    expect(new Set(ids).size).toBe(ids.length);
    const problems = diffArticles(reference, b);
    expect(problems.slice(0, 25), `${problems.length} difference(s); kills: ${kills.join(' ')}`).toEqual([]);
    expect(b).toHaveLength(reference.length);
  });
});
