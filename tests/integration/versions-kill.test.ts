/**
 * Issue 12 acceptance: an import of edited scrapes killed with SIGKILL at random moments never leaves
 * a half version — after every kill the versions hold together (tests/helpers/version-invariants.ts)
 * — and, run to completion, it ends exactly like an uninterrupted import, every version included.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { exportArticles } from '../../src-main/core/archive/export.js';
import { Rng } from '../corpus/rng.js';
import { repoRoot } from '../corpus/source.js';
import { writeEditedCorpus, type EditedCorpus } from '../helpers/edited-corpus.js';
import { versionProblems } from '../helpers/version-invariants.js';

const ARTICLES = 600;
const KILL_ROUNDS = 6;
const CLI = path.join(repoRoot, 'src-main', 'cli', 'main.ts');

let dir: string;
let corpus: EditedCorpus;

function runCliImport(archiveFile: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; elapsed: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'import', corpus.root, '--archive', archiveFile, '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, elapsed: Date.now() - started });
    });
  });
}

/** The whole archive as comparable JSON: articles with their versions and snapshots, ids left out. */
function exportOf(file: string): string[] {
  const archive = openArchive(file);
  try {
    return [...exportArticles(archive)]
      .map(({ id: _id, ...a }) => JSON.stringify({ ...a, snapshots: [...a.snapshots].sort((x, y) => x.path.localeCompare(y.path)) }))
      .sort();
  } finally {
    archive.close();
  }
}

function problemsOf(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const archive = openArchive(file);
  try {
    return versionProblems(archive.db);
  } finally {
    archive.close();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-versions-kill-'));
  corpus = writeEditedCorpus(path.join(dir, 'scrapes'), ARTICLES);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`an import of ${ARTICLES} edited articles killed at random moments`, () => {
  it('never leaves a half version, and ends like an uninterrupted import', async () => {
    const fileA = path.join(dir, 'a.arshif');
    const a = await runCliImport(fileA);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ phase: 'finished', articlesAdded: ARTICLES, rejected: [] });
    expect(problemsOf(fileA)).toEqual([]);
    const reference = exportOf(fileA);
    expect(reference).toHaveLength(ARTICLES);
    const counts = reference.map((line) => (JSON.parse(line) as { versionCount: number }).versionCount);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(corpus.versions.reduce((x, y) => x + y, 0));

    const fileB = path.join(dir, 'b.arshif');
    const rng = new Rng('versions-kill', 12);
    const kills: string[] = [];
    let interrupted = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const at = Math.round(((round + rng.next()) / KILL_ROUNDS) * a.elapsed);
      const run = await runCliImport(fileB, at);
      if (run.signal === 'SIGKILL') interrupted++;
      else expect(run.code, run.stderr).toBe(0);
      const problems = problemsOf(fileB);
      kills.push(`${at} ms → ${run.signal ?? `exit ${run.code}`}`);
      expect(problems, `after the kill at ${at} ms`).toEqual([]);
    }
    console.log(`import A: ${a.elapsed} ms (${corpus.files} files); B: ${kills.join(', ')}`);
    expect(interrupted, kills.join(' ')).toBeGreaterThanOrEqual(3);
    const final = await runCliImport(fileB);
    expect(final.code, final.stderr).toBe(0);
    expect(problemsOf(fileB)).toEqual([]);
    const b = exportOf(fileB);
    expect(b.length).toBe(reference.length);
    const differing = b.filter((line, i) => line !== reference[i]);
    expect(differing.slice(0, 3)).toEqual([]);
  });
});
