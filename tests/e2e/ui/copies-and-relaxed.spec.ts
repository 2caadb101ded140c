/**
 * Issue 10 in the UI, against the real host and search: a story published on three sites is one
 * search row with "also on" and a disclosure of its copies, and the reader links them; a query no
 * article fully matches shows the relaxed line and a "did you mean" with the split it used.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { messages, pluralTemplate } from '../../../src-renderer/lib/i18n.js';
import { writePages, type TestArticle } from '../../unit/search/fixture.js';
import { ensureRendererBuilt, guardNetwork, startHost, type RunningHost } from './harness.js';

test.describe.configure({ mode: 'serial' });

const ar = messages.ar;
const STORY = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب.',
  'وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المنطقة الغربية، وإن العمل فيه استغرق ثلاث سنوات.',
];
const ARTICLES: TestArticle[] = [
  { title: 'عام / افتتاح مستشفى جديد في جدة', paragraphs: STORY, site: 'spa.gov.sa', published: '2016-12-10 09:00:00' },
  { title: 'اقتصادي / افتتاح مستشفى جديد في جدة', paragraphs: STORY, site: 'okaz.com.sa', published: '2016-12-10 11:00:00' },
  { title: 'افتتاح مستشفى جديد بجدة', paragraphs: STORY, site: 'alriyadh.com', published: '2016-12-11 06:00:00' },
  { title: 'حريق قرب القنصلية في إسطنبول', paragraphs: ['اشتعلت نار في مبنى مجاور للقنصلية في إسطنبول صباح اليوم وهرعت فرق الإطفاء.'] },
  { title: 'فنار الميناء القديم', paragraphs: ['يعد فنار الميناء من أقدم المعالم في المدينة الساحلية.'] },
];

let host: RunningHost;
let page: Page;
let dir = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  ensureRendererBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-ui-copies-'));
  const archive = openArchive(path.join(dir, 'copies.arshif'), { create: true });
  try {
    await runImport(archive, [writePages(dir, ARTICLES)], { parseWorkers: 0 });
  } finally {
    archive.close();
  }
  host = await startHost({ archive: path.join(dir, 'copies.arshif') });
  const context = await browser.newContext();
  await host.signIn(context);
  page = await context.newPage();
  await guardNetwork(page);
  await page.goto(host.url);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const searchBox = () => page.getByRole('searchbox').first();

test('a story on three sites is one row: also on, its copies, and the copies in the reader', async () => {
  await searchBox().fill('افتتاح مستشفى جدة');
  const hits = page.locator('.hits > li');
  await expect(hits).toHaveCount(1, { timeout: 30_000 });
  const row = hits.first();
  await expect(row).toContainText(ar.alsoOn);
  const disclosure = row.getByRole('button', { name: pluralTemplate('ar', 'copiesShow', 2) });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await disclosure.click();
  await expect(row.getByRole('button', { name: ar.copiesHide })).toHaveAttribute('aria-expanded', 'true');
  const copies = row.getByRole('list', { name: ar.copiesList }).getByRole('listitem');
  await expect(copies).toHaveCount(2);
  const axe = await new AxeBuilder({ page }).include('.hits').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const copyTitle = (await copies.first().getByRole('button').textContent())?.trim() ?? '';
  await copies.first().getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(copyTitle);
  const elsewhere = page.getByRole('region', { name: ar.readerCopies });
  await expect(elsewhere.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Escape');
});

test('no article has all the words: the relaxed line, and "did you mean" with the split it used', async () => {
  await searchBox().fill('والقنصلية فإـسطنبول فنار');
  await expect(page.getByText(ar.relaxedLine)).toBeVisible();
  const suggestion = page.getByRole('button', { name: ar.searchFor.replace('{query}', 'والقنصلية فإـسطنبول ف نار') });
  await expect(suggestion).toContainText('ف + نار');
  await expect(page.locator('.hits > li').first()).toContainText('حريق قرب القنصلية في إسطنبول');
  await suggestion.click();
  await expect(searchBox()).toHaveValue('والقنصلية فإـسطنبول ف نار');
  await expect(page.locator('.hits > li').first()).toContainText('حريق قرب القنصلية في إسطنبول');
});

test('browsing: the story is one row until "every copy" is pressed; then each copy is its own row, and the address keeps it', async () => {
  await page.goto(host.url);
  const rows = page.getByRole('listbox', { name: ar.articleList }).getByRole('option');
  await expect(rows).toHaveCount(ARTICLES.length - 2);
  await expect(rows.filter({ hasText: 'مستشفى' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'مستشفى' })).toContainText(ar.alsoOn);
  const everyCopy = page.getByRole('button', { name: ar.everyCopy });
  await expect(everyCopy).toHaveAttribute('aria-pressed', 'false');
  await everyCopy.click();
  await expect(everyCopy).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(ARTICLES.length);
  await expect(rows.filter({ hasText: 'مستشفى' })).toHaveCount(3);
  expect(new URL(page.url()).hash).toContain('copies=all');
  await page.reload();
  await expect(page.getByRole('button', { name: ar.everyCopy })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(ARTICLES.length);
  const axe = await new AxeBuilder({ page }).include('.browse').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
