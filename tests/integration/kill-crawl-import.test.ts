/**
 * Acceptance: an import of a WARC crawl killed with SIGKILL at random moments, then run again to
 * completion, leaves the archive exactly as one uninterrupted import does — intact database, no
 * duplicate articles or snapshots, no losses (revisits included).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { exportArticles } from '../../src-main/core/archive/export.js';
import { crawlRecords, fixtureArticles } from '../corpus/crawl-fixtures.js';
import { Rng } from '../corpus/rng.js';
import { repoRoot } from '../corpus/source.js';
import { buildWarc } from '../corpus/warc-writer.js';

const ARTICLES = 1500;
const REVISITS = 200;
const KILL_ROUNDS = 5;
const SEED = 13;
const CLI = path.join(repoRoot, 'src-main', 'cli', 'main.ts');

let dir: string;
let warc: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** ms from spawn to the first progress line of the import phase, or null. */
  importingAfter: number | null;
  elapsed: number;
}

/** `arshif import WARC --archive FILE --json`, SIGKILLed `killAfter` ms after its import phase began when given. */
function importWarc(archiveFile: string, killAfter?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'import', warc, '--archive', archiveFile, '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let importingAfter: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (importingAfter !== null || !stderr.includes('import: importing')) return;
      importingAfter = Date.now() - started;
      if (killAfter !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, importingAfter, elapsed: Date.now() - started });
    });
  });
}

/** Pages (articles and their revisits) already in the archive: snapshots linked to an article (0 before it exists). */
function articlesIn(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const archive = openArchive(file);
  try {
    const row = archive.db.prepare('SELECT count(*) AS n FROM snapshots WHERE article_id IS NOT NULL').get() as { n: number };
    return Math.min(ARTICLES + REVISITS, row.n);
  } finally {
    archive.close();
  }
}

function contents(file: string) {
  const archive = openArchive(file);
  try {
    const integrity = archive.db.pragma('integrity_check', { simple: true });
    const snapshots = archive.db.prepare('SELECT path, content_hash, article_id IS NOT NULL AS linked FROM snapshots ORDER BY path').all();
    const articles = [...exportArticles(archive)].map(({ id: _id, ...rest }) => rest);
    return { integrity, snapshots, articles };
  } finally {
    archive.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-kill-crawl-'));
  warc = path.join(dir, 'crawl.warc.gz');
  fs.writeFileSync(warc, buildWarc(crawlRecords(await fixtureArticles(ARTICLES, SEED), { revisits: REVISITS, extras: true }), 'record'));
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`an import of a WARC killed at random moments (${ARTICLES} pages, ${REVISITS} revisits)`, () => {
  it('ends, once run to completion, exactly like an uninterrupted import', async () => {
    const fileA = path.join(dir, 'a.arshif');
    const a = await importWarc(fileA);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ phase: 'finished', articlesAdded: ARTICLES, articlesUpdated: REVISITS, rejected: [] });
    const reference = contents(fileA);

    const fileB = path.join(dir, 'b.arshif');
    const rng = new Rng('kill-crawl', SEED);
    const importing = Math.max(500, a.elapsed - (a.importingAfter ?? 0));
    const kills: string[] = [];
    let interrupted = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      // A resumed run only has what is left to do: each round dies somewhere in the first two thirds of
      // the time the rest should take (from the reference run and the share already in the archive), so
      // it is killed mid-work however fast or loaded the machine is.
      const left = 1 - articlesIn(fileB) / (ARTICLES + REVISITS);
      const at = Math.round((0.1 + 0.55 * rng.next()) * importing * Math.max(0.1, left));
      const run = await importWarc(fileB, at);
      kills.push(`${at} ms→${run.signal ?? `exit ${run.code}`}`);
      if (run.signal === 'SIGKILL') interrupted++;
      else expect(run.code, run.stderr).toBe(0);
    }
    console.log(`WARC import A: ${a.elapsed} ms (importing from ${a.importingAfter} ms); B: ${kills.join(', ')}`);
    expect(interrupted, kills.join(' ')).toBeGreaterThanOrEqual(3);
    const final = await importWarc(fileB);
    expect(final.code, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout)).toMatchObject({ phase: 'finished', rejected: [] });

    const b = contents(fileB);
    expect(b.integrity).toBe('ok');
    expect(b.snapshots).toEqual(reference.snapshots);
    expect(b.articles.length).toBe(reference.articles.length);
    expect(b.articles).toEqual(reference.articles);
  });
});
