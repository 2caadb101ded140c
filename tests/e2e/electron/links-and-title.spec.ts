/**
 * arshif:// links and the window title in the desktop shell, driven by Playwright's Electron support.
 * Runs wherever the Electron binary is installed and the app is built; skipped (with the reason)
 * elsewhere. The link parser and the renderer's routes are covered without Electron
 * (tests/unit/app/deep-link.test.ts, tests/e2e/ui/addresses.spec.ts, tests/static/deep-links.test.ts).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const electronDist = path.join(repoRoot, 'node_modules', 'electron', 'dist');
const mainBundle = path.join(repoRoot, 'out', 'main', 'index.js');
const electronNative = path.join(repoRoot, 'out', 'electron-native', 'better_sqlite3.node');

const missing = [
  [electronDist, 'Electron binary not installed (node_modules/electron/dist missing): it cannot be downloaded on this machine.'],
  [mainBundle, 'The app is not built (out/main/index.js missing): run `npm run build` first.'],
  [electronNative, 'better-sqlite3 is not built for Electron (out/electron-native/better_sqlite3.node missing).'],
].find(([file]) => !fs.existsSync(file!));
const skipReason = missing?.[1] ?? null;
if (skipReason && process.env.TEST_WORKER_INDEX === undefined) process.stderr.write(`Electron link tests skipped: ${skipReason}\n`);
test.skip(skipReason !== null, skipReason ?? '');

let userData = '';
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-e2e-links-'));
  // Started with a link, as the system starts it when one is opened.
  app = await electron.launch({ args: [repoRoot, 'arshif://article/123456'], cwd: repoRoot, env: { ...process.env, ARSHIF_USER_DATA: userData } });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) fs.rmSync(userData, { recursive: true, force: true });
});

test('a link the app is started with opens its place; the window title follows the page', async () => {
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/article/123456');
  // The default archive is empty: the first-run screen shows; the address is kept for after the import.
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle());
  expect(title).toBe(await page.title());
});

test('a link opened while running (macOS open-url) changes the place without reloading the page', async () => {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await app.evaluate(({ app: electronApp }) => {
    electronApp.emit('open-url', { preventDefault() {} }, 'arshif://search?q=%D8%AD%D9%84%D8%A8');
  });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/search?q=%D8%AD%D9%84%D8%A8');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // Anything that is not a place in the app is ignored.
  await app.evaluate(({ app: electronApp }) => {
    electronApp.emit('open-url', { preventDefault() {} }, 'arshif://settings?token=x');
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => location.hash)).toBe('#/search?q=%D8%AD%D9%84%D8%A8');
});
