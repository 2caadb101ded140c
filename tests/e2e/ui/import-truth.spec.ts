/**
 * The import panel tells the truth: a path that does not exist is refused before anything starts;
 * progress moves file by file (not per batch of 256); a cancelled run says after how many of how many
 * files, its bar is not full, and its report does not claim that everything was imported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ImportProgress, ImportReport } from '../../../src-main/common/types.js';
import { messages } from '../../../src-renderer/lib/i18n.js';
import { fixtureCorpus, useHost } from './harness.js';

const ar = messages.ar;
const host = useHost();
// Enough that the import is still running when the test presses Cancel, on a fast machine too (it runs at 1,000+ pages/s).
const FILES = 12_000;
let many = '';

test.beforeAll(() => {
  // Many pages (copies of the fixture's, each a little different), so an import lasts long enough to watch and cancel.
  many = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-many-'));
  const sources = fs
    .readdirSync(path.join(fixtureCorpus, 'halabtoday.net'))
    .map((name) => fs.readFileSync(path.join(fixtureCorpus, 'halabtoday.net', name), 'utf8'));
  const site = path.join(many, 'halabtoday.net');
  fs.mkdirSync(site);
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(site, `${String(i).padStart(5, '0')}.txt`), `${sources[i % sources.length]}\n${'\u00a0'.repeat(i % 97)}${'\u2009'.repeat(Math.floor(i / 97))}`);
});

test.afterAll(() => {
  if (many) fs.rmSync(many, { recursive: true, force: true });
});

test('a path that does not exist is refused before the import starts, naming the path', async ({ page }) => {
  await page.goto(host().url);
  const missing = path.join(os.tmpdir(), 'arshif-no-such-folder', 'alazmenah.com');
  await page.getByLabel(ar.importPathLabel).fill(missing);
  await page.getByRole('button', { name: ar.importStart }).click();
  const alert = page.getByRole('alert').filter({ hasText: ar.importPathMissing });
  await expect(alert).toBeVisible();
  await alert.getByText(ar.technicalDetails).click();
  await expect(alert).toContainText(missing);
  // Nothing ran: no progress, no "finished, 1 of 1 files".
  await expect(page.locator('progress')).toHaveCount(0);
  await expect(page.getByText(ar.importPhase_finished)).toHaveCount(0);
  expect((await host().call<ImportProgress | null>('importStatus')).ok).toBe(true);
  expect(((await host().call<ImportProgress | null>('importStatus')) as { value: ImportProgress | null }).value).toBeNull();
});

test('progress moves between batches; a cancelled run says after how many files, and its bar is not full', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(host().url);
  // Every progress event the page hears, and every figure the panel shows.
  await page.evaluate(() => {
    const w = window as unknown as { __events: Array<{ phase: string; filesDone: number; filesTotal: number; t: number }>; __shown: string[] };
    w.__events = [];
    w.__shown = [];
    new EventSource('/api/events').addEventListener('importProgress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as { phase: string; filesDone: number; filesTotal: number };
      w.__events.push({ phase: p.phase, filesDone: p.filesDone, filesTotal: p.filesTotal, t: Date.now() });
    });
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="import-files"]')?.textContent;
      if (text && w.__shown.at(-1) !== text) w.__shown.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel(ar.importPathLabel).fill(many);
  await page.getByRole('button', { name: ar.importStart }).click();
  // Let it run a while (well past the first batch), then cancel.
  await expect
    .poll(() => page.evaluate(() => Math.max(0, ...(window as unknown as { __events: Array<{ filesDone: number }> }).__events.map((e) => e.filesDone))), {
      timeout: 120_000,
    })
    .toBeGreaterThan(600);
  await page.getByRole('button', { name: ar.importCancel }).click();

  const heading = page.locator('#import-progress-title');
  await expect(heading).toContainText('أُلغي الاستيراد بعد', { timeout: 60_000 });
  const status = await host().call<ImportProgress>('importStatus');
  if (!status.ok || !status.value) throw new Error('no import status');
  const report = await host().call<ImportReport>('importReport', { importId: status.value.importId });
  if (!report.ok) throw new Error(report.error.message);
  expect(report.value.phase).toBe('cancelled');
  const { filesDone, filesTotal } = report.value;
  expect(filesTotal).toBe(FILES);
  expect(filesDone).toBeGreaterThan(0);
  expect(filesDone).toBeLessThan(filesTotal);
  const digits = (n: number) => n.toLocaleString('ar', { numberingSystem: 'arab' } as Intl.NumberFormatOptions);
  await expect(heading).toHaveText(`أُلغي الاستيراد بعد ${digits(filesDone)} من ${digits(filesTotal)} ملف.`);
  // The bar shows how far it got (it goes by bytes read), not a full bar.
  const bar = page.locator('.progress progress');
  expect(report.value.bytesDone).toBeLessThan(report.value.bytesTotal);
  expect(Number(await bar.getAttribute('value'))).toBe(report.value.bytesDone);
  expect(Number(await bar.getAttribute('max'))).toBe(report.value.bytesTotal);
  // What was imported is said; "everything was imported" is not.
  await expect(page.getByText(ar.importCancelledNote)).toBeVisible();
  await expect(page.getByText(ar.importNoRejections)).toHaveCount(0);

  // Progress moved file by file between batches (the importer writes 256 files per batch).
  const events = await page.evaluate(() => (window as unknown as { __events: Array<{ phase: string; filesDone: number; t: number }> }).__events);
  const importing = events.filter((e) => e.phase === 'importing');
  expect(importing.filter((e) => e.filesDone % 256 !== 0).length).toBeGreaterThan(2);
  const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
  expect(shown.length).toBeGreaterThan(3);
});
