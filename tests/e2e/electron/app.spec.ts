/**
 * The desktop shell itself, driven by Playwright's Electron support. Runs wherever the Electron binary
 * is installed and better-sqlite3 has been built for it; skipped (with the reason) elsewhere — the
 * layers below the shell are covered without Electron by the unit, integration and host tests.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { methodNames } from '../../../src-main/common/api.js';
import type { Result } from '../../../src-main/common/result.js';
import type { ImportProgress } from '../../../src-main/common/types.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const electronDist = path.join(repoRoot, 'node_modules', 'electron', 'dist');
const mainBundle = path.join(repoRoot, 'out', 'main', 'index.js');
const electronNative = path.join(repoRoot, 'out', 'electron-native', 'better_sqlite3.node');
const sample = path.join(repoRoot, 'tests', 'fixtures', 'pages', 'alazmenah-sample.txt');

const missing = [
  [electronDist, 'Electron binary not installed (node_modules/electron/dist missing): it cannot be downloaded on this machine. Run where `npx install-electron` (or npm install) can fetch it.'],
  [mainBundle, 'The app is not built (out/main/index.js missing): run `npm run build` first.'],
  [electronNative, 'better-sqlite3 is not built for Electron (out/electron-native/better_sqlite3.node missing): run `node resources/packaging/build-electron-native.mjs`.'],
].find(([file]) => !fs.existsSync(file!));
const skipReason = missing?.[1] ?? null;
// The list reporter does not show skip reasons, so say it plainly once.
if (skipReason && process.env.TEST_WORKER_INDEX === undefined) process.stderr.write(`Electron tests skipped: ${skipReason}\n`);
test.skip(skipReason !== null, skipReason ?? '');

let userData = '';
let app: ElectronApplication;
let page: Page;
const requests: string[] = [];

test.beforeAll(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-e2e-electron-'));
  // the repo folder is the app (package.json main → out/main/index.js), so app.getAppPath() finds out/renderer
  app = await electron.launch({ args: [repoRoot], cwd: repoRoot, env: { ...process.env, ARSHIF_USER_DATA: userData } });
  page = await app.firstWindow();
  page.on('request', (request) => requests.push(request.url()));
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) fs.rmSync(userData, { recursive: true, force: true });
});

async function call<T>(method: string, args: unknown = {}): Promise<Result<T>> {
  return page.evaluate(([m, a]) => (window as unknown as { arshif: Record<string, (x: unknown) => Promise<Result<T>>> }).arshif[m as string]!(a), [method, args] as const);
}

test('launches one sandboxed window served from app://, with the default archive created', async () => {
  expect(page.url()).toMatch(/^app:\/\/arshif\//);
  expect(app.windows()).toHaveLength(1);
  expect(fs.existsSync(path.join(userData, 'Arshif.arshif'))).toBe(true);
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((window as unknown as { arshif: object }).arshif).sort(),
  }));
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.bridge).toEqual([...methodNames, 'on', 'pathsForFiles'].sort());
  const info = await call<{ path: string }>('archiveInfo');
  expect(info).toMatchObject({ ok: true, value: { path: path.join(userData, 'Arshif.arshif') } });
});

test('imports a dropped folder with progress, then searches and opens the article', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-e2e-drop-'));
  fs.copyFileSync(sample, path.join(folder, '000_b99803806dd1b389.txt'));
  // A real drop hands the renderer File objects; the preload turns them into paths and the renderer
  // calls import with them. Playwright cannot synthesise an OS drop with paths, so call that last step.
  const phases = await page.evaluate(async (paths) => {
    const bridge = (window as unknown as { arshif: { on(e: string, l: (p: ImportProgress) => void): () => void; import(a: unknown): Promise<Result<{ importId: number }>> } }).arshif;
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      const off = bridge.on('importProgress', (p) => {
        seen.push(p.phase);
        if (p.phase === 'finished' || p.phase === 'failed' || p.phase === 'cancelled') {
          off();
          resolve();
        }
      });
    });
    const started = await bridge.import({ paths });
    if (!started.ok) return [`error: ${started.error.message}`];
    await done;
    return seen;
  }, [folder]);
  expect(phases).toContain('importing');
  expect(phases.at(-1)).toBe('finished');
  const found = await call<{ hits: Array<{ id: number; title: string }> }>('search', { query: 'حلب' });
  expect(found.ok).toBe(true);
  if (!found.ok) return;
  const hit = found.value.hits[0]!;
  expect(hit.title).toContain('حلب');
  const article = await call<{ paragraphs: string[] }>('show', { id: hit.id });
  expect(article).toMatchObject({ ok: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

test('denies navigation away, new windows and network access; rejects malformed IPC', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => window.open('app://arshif/index.html') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
  const fetched = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'sent';
    } catch {
      return 'blocked';
    }
  });
  expect(fetched).toBe('blocked');
  expect(await call('show', { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
});

test('made no network request at all', () => {
  const foreign = requests.filter((url) => !/^(app|data|devtools):/.test(url));
  expect(foreign).toEqual([]);
});
