/**
 * A received archive on read-only media: a file of mode 0444 in a writable folder, and one in a
 * read-only folder (as on a DVD or a read-only share), both in WAL mode as Arshif writes them. Each is
 * browsed with `list`, `search` and `serve` by a user who may not write it, and not a byte changes.
 * As root (where permissions do not bind) the commands run as the user `nobody`.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, samplePagePath } from '../helpers/tmp.js';
import { sha256, writeGoodArchive } from '../unit/security/hostile-archives.js';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const identity: Pick<SpawnOptions, 'uid' | 'gid'> = asRoot ? { uid: NOBODY, gid: NOBODY } : {};

let base = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src-main/cli/main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...identity,
  });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = cli(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

async function serve(archive: string, extra: string[] = []): Promise<{ url: string; auth: Record<string, string>; stop(): Promise<void> }> {
  const child = cli(['serve', '--archive', archive, '--port', '0', ...extra]);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const signIn = new URL(line);
  return {
    url: `${signIn.origin}/`,
    auth: { Authorization: `Bearer ${signIn.searchParams.get('token')}`, 'Content-Type': 'application/json' },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('archives that may not be written', () => {
  let writableFolderFile = '';
  let readOnlyFolderFile = '';
  let canSwitchUser = true;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-readonly-'));
    fs.chmodSync(base, 0o755);
    const config = path.join(base, 'config');
    fs.mkdirSync(config, { mode: 0o777 });
    fs.chmodSync(config, 0o777);
    env = { XDG_CONFIG_HOME: config, HOME: config };

    const shared = path.join(base, 'shared');
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o777); // others may create files here, but not change the archive
    writableFolderFile = path.join(shared, 'received.arshif');
    await writeGoodArchive(writableFolderFile);
    fs.chmodSync(writableFolderFile, 0o444);

    const dvd = path.join(base, 'dvd');
    fs.mkdirSync(dvd);
    readOnlyFolderFile = path.join(dvd, 'received.arshif');
    await writeGoodArchive(readOnlyFolderFile);
    fs.chmodSync(readOnlyFolderFile, 0o444);
    fs.chmodSync(dvd, 0o555);

    if (asRoot) {
      const probe = await run(['--help']).catch(() => null);
      canSwitchUser = probe?.code === 0;
      if (!canSwitchUser) console.log('skipped: running as root, and cannot run commands as the user nobody here');
    }
  });

  afterAll(() => {
    if (base) {
      fs.chmodSync(path.join(base, 'dvd'), 0o755);
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  it('a mode-0444 archive in a writable folder: list, search and serve work; the archive is unchanged', async ({ skip }) => {
    if (!canSwitchUser) skip();
    const before = sha256(writableFolderFile);
    const list = await run(['list', '--archive', writableFolderFile]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^1 articles/);
    const search = await run(['search', 'حلب', '--archive', writableFolderFile]);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toMatch(/^1 articles match/);
    const served = await serve(writableFolderFile);
    try {
      const info = (await (await fetch(`${served.url}api/archiveInfo`, { method: 'POST', headers: served.auth, body: '{}' })).json()) as { value: { readonly: boolean; articles: number } };
      expect(info.value).toMatchObject({ articles: 1, readonly: true });
    } finally {
      await served.stop();
    }
    expect(sha256(writableFolderFile)).toBe(before);
    expect(fs.statSync(writableFolderFile).mode & 0o777).toBe(0o444);
  });

  it('an archive in a read-only folder (a DVD): list, search and serve work from a copy in memory; import says why not', async ({ skip }) => {
    if (!canSwitchUser) skip();
    const folder = path.dirname(readOnlyFolderFile);
    const before = sha256(readOnlyFolderFile);
    const files = listing(folder);
    const list = await run(['list', '--archive', readOnlyFolderFile, '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 1 });
    const search = await run(['search', 'حلب', '--archive', readOnlyFolderFile, '--json']);
    expect(search.code, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout)).toMatchObject({ total: 1 });
    const served = await serve(readOnlyFolderFile, ['--allow-file-access']);
    try {
      const call = async (method: string, args: unknown = {}) =>
        (await fetch(`${served.url}api/${method}`, { method: 'POST', headers: served.auth, body: JSON.stringify(args) })).json();
      expect(await call('archiveInfo')).toMatchObject({ ok: true, value: { articles: 1, readonly: true } });
      expect(await call('search', { query: 'حلب' })).toMatchObject({ ok: true, value: { total: 1 } });
      expect(await call('import', { paths: [samplePagePath] })).toMatchObject({
        ok: false,
        error: { code: 'permission-denied', message: expect.stringMatching(/read-only here .* browsed and searched, not imported into/) },
      });
    } finally {
      await served.stop();
    }
    const importing = await run(['import', samplePagePath, '--archive', readOnlyFolderFile]);
    expect(importing.code).toBe(1);
    expect(importing.stderr.trim().split('\n')).toHaveLength(1);
    expect(importing.stderr).toMatch(/cannot be written here|permission denied/);
    expect(sha256(readOnlyFolderFile)).toBe(before);
    expect(listing(folder)).toEqual(files);
  });

  it('a read-only folder holding changes in the archive\'s -wal file: refused with what to do, not shown without them', async ({ skip }) => {
    if (!canSwitchUser) skip();
    const source = path.join(base, 'source.arshif');
    await writeGoodArchive(source);
    const writer = new Database(source);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("UPDATE articles SET title = 'changed in the wal'").run();
    const folder = path.join(base, 'dvd-with-wal');
    fs.mkdirSync(folder);
    fs.copyFileSync(source, path.join(folder, 'received.arshif'));
    fs.copyFileSync(`${source}-wal`, path.join(folder, 'received.arshif-wal'));
    writer.close();
    fs.chmodSync(folder, 0o555);
    try {
      const list = await run(['list', '--archive', path.join(folder, 'received.arshif')]);
      expect(list.code).toBe(1);
      expect(list.stderr).toMatch(/changes in received\.arshif-wal that were never merged, and its folder is read-only; copy the archive with its -wal file to a writable folder/);
    } finally {
      fs.chmodSync(folder, 0o755);
    }
  });
});
