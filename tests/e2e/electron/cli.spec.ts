/**
 * The `arshif` command of the packaged app, on the real Electron binary: `npm run dist:dir` output
 * (release/<platform>-unpacked), run through resources/bin/arshif (ELECTRON_RUN_AS_NODE with the Electron
 * build of better-sqlite3, `serve` reading the renderer from app.asar); and on macOS the app menu's
 * "Install Command Line Tool…". Skipped, saying why, where Electron's binary or the package is missing —
 * the same launcher runs in Linux and macOS layouts with a stand-in binary in
 * tests/integration/cli-command.test.ts, and the packaging config is checked in tests/static.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliToEnd, startServe, type CliCommand } from '../../helpers/arshif-serve.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const electronDist = path.join(repoRoot, 'node_modules', 'electron', 'dist');
const sample = path.join(repoRoot, 'tests', 'fixtures', 'pages', 'alazmenah-sample.txt');

/** resources/ of the unpacked package for this platform, if `npm run dist:dir` has made one. */
function packagedResources(): string | null {
  const release = path.join(repoRoot, 'release');
  const candidates =
    process.platform === 'darwin'
      ? ['mac', 'mac-arm64', 'mac-universal'].map((d) => path.join(release, d, 'Arshif.app', 'Contents', 'Resources'))
      : [path.join(release, `${process.platform === 'win32' ? 'win' : 'linux'}-unpacked`, 'resources')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'cli', 'arshif.mjs'))) ?? null;
}

const resources = packagedResources();
const launcher = resources ? path.join(resources, 'bin', process.platform === 'win32' ? 'arshif.cmd' : 'arshif') : null;

test.describe('the packaged arshif command', () => {
  const reason = !fs.existsSync(electronDist)
    ? 'Electron binary not installed (node_modules/electron/dist missing): it cannot be downloaded on this machine.'
    : 'No packaged app: run `npm run dist:dir` first (release/<platform>-unpacked).';
  if (!launcher && process.env.TEST_WORKER_INDEX === undefined) process.stderr.write(`Packaged CLI tests skipped: ${reason}\n`);
  test.skip(launcher === null, reason);

  test('imports, searches and serves on the app binary', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-e2e-packaged-cli-'));
    const cli: CliCommand = { file: launcher!, args: [], cwd: dir };
    const archive = path.join(dir, 'packaged.arshif');
    try {
      expect((await runCliToEnd(['import', sample, '--archive', archive], {}, cli)).code).toBe(0);
      const search = await runCliToEnd(['search', 'حلب', '--archive', archive, '--json'], {}, cli);
      expect(JSON.parse(search.stdout)).toMatchObject({ total: 1 });
      const served = await startServe(['--archive', archive, '--port', '0'], {}, 60_000, cli);
      try {
        const page = await fetch(served.url, { headers: served.auth });
        expect(page.status).toBe(200);
        expect(await page.text()).toMatch(/<html/);
      } finally {
        await served.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('Install Command Line Tool (macOS)', () => {
  const reason =
    process.platform !== 'darwin'
      ? 'macOS only: Linux packages put arshif on the PATH themselves (the menu template is checked in tests/unit/app).'
      : 'Electron binary not installed (node_modules/electron/dist missing).';
  test.skip(process.platform !== 'darwin' || !fs.existsSync(electronDist), reason);

  test('is in the app menu', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-e2e-menu-'));
    const app = await electron.launch({ args: [repoRoot], cwd: repoRoot, env: { ...process.env, ARSHIF_USER_DATA: userData } });
    try {
      await app.firstWindow();
      const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items[0]?.submenu?.items.map((item) => item.label) ?? []);
      expect(labels.some((label) => label === 'Install Command Line Tool…' || label === 'تثبيت أداة سطر الأوامر…')).toBe(true);
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});
