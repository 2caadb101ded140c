/**
 * The built `arshif` command the ways people get it: `npm install -g .` (what `npm link` does, into a
 * temporary prefix), the desktop app's launcher in a Linux and a macOS install layout, and
 * `npm run arshif` from sources. The app layouts are built in a temporary folder, away from any
 * node_modules, with a stand-in for the app binary that insists on ELECTRON_RUN_AS_NODE=1 and runs
 * this Node — so the bundle (out/cli) is proven self-contained but for the better-sqlite3 addon the
 * launcher names. Skipped until `npm run build` has run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliToEnd, startServe, type CliCommand } from '../helpers/arshif-serve.js';
import { repoRoot, samplePagePath } from '../helpers/tmp.js';

const cliDir = path.join(repoRoot, 'out', 'cli');
const rendererDir = path.join(repoRoot, 'out', 'renderer');
const built = fs.existsSync(path.join(cliDir, 'arshif.mjs')) && fs.existsSync(path.join(rendererDir, 'index.html'));
const nodeAddon = path.join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const launcherSource = path.join(repoRoot, 'resources', 'packaging', 'cli', 'arshif');

if (!built) process.stderr.write('cli-command tests skipped: out/cli or out/renderer is missing (run `npm run build`).\n');

/** A stand-in for Electron's binary: refuses to run unless asked to behave as Node, then is Node. */
function fakeAppBinary(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "ELECTRON_RUN_AS_NODE is not 1" >&2; exit 97; }\nexec '${process.execPath}' "$@"\n`,
    { mode: 0o755 },
  );
}

/** What electron-builder puts in resources/: bin/arshif, cli/*.mjs, native/better_sqlite3.node, app.asar (a folder here). */
function fakeResources(resources: string): void {
  fs.mkdirSync(path.join(resources, 'bin'), { recursive: true });
  fs.copyFileSync(launcherSource, path.join(resources, 'bin', 'arshif'));
  fs.chmodSync(path.join(resources, 'bin', 'arshif'), 0o755);
  fs.mkdirSync(path.join(resources, 'cli'));
  for (const file of fs.readdirSync(cliDir).filter((f) => f.endsWith('.mjs'))) fs.copyFileSync(path.join(cliDir, file), path.join(resources, 'cli', file));
  fs.mkdirSync(path.join(resources, 'native'));
  fs.copyFileSync(nodeAddon, path.join(resources, 'native', 'better_sqlite3.node'));
  fs.cpSync(rendererDir, path.join(resources, 'app.asar', 'out', 'renderer'), { recursive: true });
}

function command(file: string, cwd: string): CliCommand {
  return { file, args: [], cwd };
}

/** import, search, list, show and serve through one way of running arshif. */
async function exercise(cli: CliCommand, archive: string): Promise<void> {
  const imported = await runCliToEnd(['import', samplePagePath, '--archive', archive], {}, cli);
  expect(imported.stderr).not.toMatch(/Error|arshif:/);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/articles added 1/);
  const search = await runCliToEnd(['search', 'حلب', '--archive', archive, '--json'], {}, cli);
  expect(search.code).toBe(0);
  expect(JSON.parse(search.stdout)).toMatchObject({ total: 1 });
  const list = await runCliToEnd(['list', '--archive', archive], {}, cli);
  expect(list.stdout).toMatch(/^1 articles/);
  const show = await runCliToEnd(['show', '1', '--archive', archive], {}, cli);
  expect(show.stdout).toMatch(/تحرير حلب/);
  const served = await startServe(['--archive', archive, '--port', '0'], {}, 60_000, cli);
  try {
    const page = await fetch(served.url, { headers: served.auth });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/);
    const origin = new URL(served.url).origin;
    const answer = await fetch(new URL('/api/search', served.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...served.auth },
      body: JSON.stringify({ query: 'حلب' }),
    });
    expect(await answer.json()).toMatchObject({ ok: true, value: { total: 1 } });
  } finally {
    expect(await served.stop()).toBe(0);
  }
}

describe.skipIf(!built)('the arshif command', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is no node_modules away from the test folders (so the app layouts prove the bundle self-contained)', () => {
    for (let at = dir; at !== path.dirname(at); at = path.dirname(at)) expect(fs.existsSync(path.join(at, 'node_modules')), at).toBe(false);
  });

  it('installed with npm install -g . (as npm link does): import, search, list, show, serve', async () => {
    const prefix = path.join(dir, 'npm-prefix');
    execFileSync('npm', ['install', '-g', '.', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: repoRoot });
    const bin = path.join(prefix, 'bin', 'arshif');
    expect(fs.realpathSync(bin)).toBe(path.join(cliDir, 'arshif.mjs'));
    await exercise(command(bin, dir), path.join(dir, 'npm.arshif'));
  });

  it("from a Linux install (deb layout): /usr/bin/arshif → the launcher → the app's binary as Node", async () => {
    const opt = path.join(dir, 'opt', 'Arshif');
    fakeAppBinary(path.join(opt, 'arshif'));
    fakeResources(path.join(opt, 'resources'));
    const usrBin = path.join(dir, 'usr', 'bin');
    fs.mkdirSync(usrBin, { recursive: true });
    fs.symlinkSync('../../opt/Arshif/resources/bin/arshif', path.join(usrBin, 'arshif')); // a relative link, as update-alternatives may leave
    await exercise(command(path.join(usrBin, 'arshif'), dir), path.join(dir, 'linux.arshif'));
  });

  it('from a macOS install: /usr/local/bin/arshif → Arshif.app/Contents/Resources/bin/arshif → Contents/MacOS/Arshif', async () => {
    const contents = path.join(dir, 'Applications', 'Arshif.app', 'Contents');
    fakeAppBinary(path.join(contents, 'MacOS', 'Arshif'));
    fakeResources(path.join(contents, 'Resources'));
    const link = path.join(dir, 'usr', 'local', 'bin', 'arshif');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(contents, 'Resources', 'bin', 'arshif'), link);
    const archive = path.join(dir, 'mac.arshif');
    await runCliToEnd(['import', samplePagePath, '--archive', archive], {}, command(link, dir));
    const search = await runCliToEnd(['search', 'حلب', '--archive', archive, '--json'], {}, command(link, dir));
    expect(search.stderr).toBe('');
    expect(JSON.parse(search.stdout)).toMatchObject({ total: 1 });
  });

  it('from an install missing its better-sqlite3 addon: a clear message, exit 1', async () => {
    const opt = path.join(dir, 'broken', 'Arshif');
    fakeAppBinary(path.join(opt, 'arshif'));
    fakeResources(path.join(opt, 'resources'));
    fs.rmSync(path.join(opt, 'resources', 'native'), { recursive: true });
    const result = await runCliToEnd(['list', '--archive', path.join(dir, 'npm.arshif')], {}, command(path.join(opt, 'resources', 'bin', 'arshif'), dir));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ARSHIF_NATIVE_BINDING names .*better_sqlite3\.node, which does not exist: reinstall Arshif/);
  });

  it('from sources with npm run arshif, as before', async () => {
    const result = await runCliToEnd(['run', '--silent', 'arshif', '--', 'list', '--archive', path.join(dir, 'npm.arshif')], {}, command('npm', repoRoot));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 articles/);
  });
});
