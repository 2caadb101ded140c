/**
 * A full disk, on a small tmpfs (root only; skipped with the reason elsewhere): an import into an
 * archive there and an export onto it each end with one sentence saying the disk is full, nothing
 * half-written is left, and the archive still opens and holds everything committed before.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity, openArchive } from '../../src-main/core/archive/archive.js';
import { runCliToEnd } from '../helpers/arshif-serve.js';
import { writePages } from '../unit/security/hostile-archives.js';

let base = '';
let mountPoint = '';
let mounted = false;
let skipReason = '';

function tryMount(size: string): void {
  if (process.platform !== 'linux') {
    skipReason = 'tmpfs is Linux only';
    return;
  }
  if (process.getuid?.() !== 0) {
    skipReason = 'mounting a small tmpfs needs root';
    return;
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    skipReason = `mount -t tmpfs is not permitted here (${(error as Error).message.split('\n')[0]})`;
  }
}

describe('a full disk', () => {
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-full-'));
    mountPoint = path.join(base, 'small-disk');
    fs.mkdirSync(mountPoint);
    tryMount('3m');
    if (!mounted) console.log(`disk-full tests skipped: ${skipReason}`);
    writePages(path.join(base, 'pages'), 1500);
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint]);
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('import into an archive on a full disk: one sentence, and the archive keeps what was committed', async ({ skip }) => {
    if (!mounted) skip();
    const archive = path.join(mountPoint, 'news.arshif');
    const env = { XDG_CONFIG_HOME: path.join(base, 'config') };
    const result = await runCliToEnd(['import', path.join(base, 'pages'), '--archive', archive], env);
    console.log(`import onto a 3 MB disk: exit ${result.code}; ${result.stderr.trim().split('\n').pop()}`);
    expect(result.code).toBe(1);
    const last = result.stderr.trim().split('\n').pop()!;
    expect(last).toBe(`arshif: The disk holding ${archive} is full; free some space and try again (nothing half-written was kept).`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // checked on a copy with room to spare (the search index's own check needs a writing connection)
    const copy = path.join(base, 'copy.arshif');
    for (const suffix of ['', '-wal']) if (fs.existsSync(archive + suffix)) fs.copyFileSync(archive + suffix, copy + suffix);
    const reopened = openArchive(copy);
    try {
      const problems = checkIntegrity(reopened);
      expect(problems, problems.join('; ')).toEqual([]);
      const counted = reopened.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
      const recorded = reopened.db.prepare('SELECT articles_added AS n FROM imports').get() as { n: number };
      console.log(`committed before the disk filled: ${counted.n} articles (the import's own count: ${recorded.n})`);
      expect(counted.n).toBeGreaterThan(0);
      expect(counted.n).toBe(recorded.n);
    } finally {
      reopened.close();
    }
    const list = await runCliToEnd(['list', '--archive', archive, '--json'], env);
    expect(list.code, list.stderr).toBe(0);
  });

  it('export onto a full disk: one sentence, no partial file left', async ({ skip }) => {
    if (!mounted) skip();
    for (const name of fs.readdirSync(mountPoint)) fs.rmSync(path.join(mountPoint, name), { force: true });
    const archive = path.join(base, 'news.arshif');
    const env = { XDG_CONFIG_HOME: path.join(base, 'config') };
    const imported = await runCliToEnd(['import', path.join(base, 'pages'), '--archive', archive], env);
    expect(imported.code, imported.stderr).toBe(0);
    const out = path.join(mountPoint, 'articles.jsonl');
    const result = await runCliToEnd(['export', '--archive', archive, '--out', out], env);
    console.log(`export onto a 3 MB disk: exit ${result.code}; ${result.stderr.trim()}`);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`arshif: The disk is full: ${out} could not be written; nothing was left behind.`);
    expect(fs.readdirSync(mountPoint)).toEqual([]);
  });
});
