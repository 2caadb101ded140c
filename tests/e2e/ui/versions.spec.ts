/**
 * Versions in the reading room (issue 12): an article edited between scrapes carries the "edited"
 * badge in the list and the reader; its diff marks the deleted and inserted words (struck through and
 * underlined, with screen-reader words), inline and side by side; a snapshot opens its own version and
 * from there its diff; search finds earlier wording when asked; the ticker history shows the scrape
 * days. axe finds nothing serious. Screenshots of the diff in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { messages, plurals } from '../../../src-renderer/lib/i18n.js';
import { SCRAPES, TITLE_1, TITLE_2, writeScrape } from '../../helpers/edited-article.js';
import { fixtureCorpus, guardNetwork, screenshotPath, useHost } from './harness.js';

const ar = messages.ar;
const host = useHost();

test.describe.configure({ mode: 'serial' });

let page: Page;
let outside: string[] = [];
const pageErrors: string[] = [];

const digits = (n: number) => n.toLocaleString('ar-SY', { numberingSystem: 'arab' } as Intl.NumberFormatOptions);
const list = () => page.getByRole('listbox', { name: ar.articleList });
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

async function expectNoSeriousViolations(label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `[${v.impact}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
  expect(serious.length, `${label}:\n${report}`).toBe(0);
}

test.beforeAll(async ({ browser }) => {
  const scrapes = path.join(host().dir, 'edited');
  for (const i of [0, 1, 2]) writeScrape(scrapes, i);
  const started = await host().call<{ importId: number }>('import', { paths: [fixtureCorpus, scrapes] });
  if (!started.ok) throw new Error(started.error.message);
  await expect
    .poll(async () => {
      const status = await host().call<{ phase: string } | null>('importStatus');
      return status.ok ? status.value?.phase : 'error';
    }, { timeout: 120_000 })
    .toBe('finished');
  await host().call('setSettings', { theme: 'light', language: 'ar', digits: 'arabic' });
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'ar', reducedMotion: 'reduce' });
  page = await context.newPage();
  outside = await guardNetwork(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  fs.mkdirSync(path.dirname(screenshotPath('diff-light')), { recursive: true });
});

test.afterAll(async () => {
  await page?.context().close();
});

test('the edited article carries the badge; the browse filter and sort find it', async () => {
  await page.goto(host().url);
  const row = list().getByRole('option').filter({ hasText: TITLE_2 });
  await expect(row).toBeVisible();
  await expect(row.locator('.edited-badge')).toContainText(ar.editedShort);
  await expect(list().getByRole('option').filter({ hasText: 'بوتين' }).locator('.edited-badge')).toHaveCount(0);

  await page.getByRole('button', { name: ar.editedOnly }).click();
  await expect(page.getByRole('button', { name: ar.editedOnly })).toHaveAttribute('aria-pressed', 'true');
  await expect(list().getByRole('option').first()).toHaveAttribute('aria-setsize', '1');
  await expect(page.locator('.browse .count')).toHaveText(plurals.ar.articles.one!);
  await page.getByRole('button', { name: ar.editedOnly }).click();
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('most-edited');
  await expect(list().getByRole('option').first()).toContainText(TITLE_2);
});

test('the reader shows the badge and the diff: deleted words struck through, inserted underlined', async () => {
  await list().getByRole('option').filter({ hasText: TITLE_2 }).click();
  await expect(page.locator('#article-title')).toHaveText(TITLE_2);
  await expect(page.locator('.reading .edited-badge')).toContainText(ar.editedBadge);
  await page.getByRole('button', { name: ar.whatChanged }).click();

  const inline = page.getByTestId('diff-inline');
  await expect(inline).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: fill(ar.diffSummary, { deleted: '', inserted: '' }).slice(0, 8) })).toBeVisible();
  const deleted = await inline.locator('del').allTextContents();
  const inserted = await inline.locator('ins').allTextContents();
  const visible = (texts: string[]) => texts.map((x) => x.replace(/\[[^\]]*\]/g, '').trim());
  // The headline's changed words, the changed figure, the removed paragraph.
  expect(visible(deleted)).toEqual(expect.arrayContaining(['300', 'وزارة الصحة تفتتح']));
  expect(visible(inserted)).toEqual(expect.arrayContaining(['250', 'افتتاح']));
  expect(visible(deleted).some((x) => x.startsWith('وأضاف الوزير أن المستشفى سيخدم'))).toBe(true);
  await expect(inline.getByText(ar.diffParagraphRemoved)).toBeVisible();
  // Not by colour alone: struck through and underlined, and words for screen readers.
  expect(await inline.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
  expect(await inline.locator('ins').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
  expect(await inline.locator('del .visually-hidden').first().textContent()).toBe(`[${ar.diffDeletedStart}] `);
  expect(await inline.locator('ins .visually-hidden').first().textContent()).toBe(`[${ar.diffInsertedStart}] `);
  // Unchanged words are plain text.
  await expect(inline).toContainText('افتتحت وزارة الصحة اليوم مستشفى جديدا');
  await expectNoSeriousViolations('the reader with the inline diff');

  await page.getByRole('button', { name: ar.diffSide }).click();
  const side = page.getByTestId('diff-side');
  await expect(side).toBeVisible();
  await expect(side.getByRole('columnheader').first()).toHaveText(fill(ar.diffOlder, { n: digits(1) }));
  const firstCells = side.getByRole('row').nth(1).getByRole('cell');
  // The older side holds the old headline's words and not the new ones; the newer side the reverse.
  await expect(firstCells.nth(0)).toContainText('تفتتح');
  await expect(firstCells.nth(0)).not.toContainText('بحضور');
  await expect(firstCells.nth(1)).toContainText('بحضور');
  await expect(firstCells.nth(1)).not.toContainText('تفتتح');
  await expectNoSeriousViolations('the reader with the side-by-side diff');
  await page.getByRole('button', { name: ar.diffInline }).click();
});

test('screenshots of the diff, light and dark', async () => {
  for (const theme of ['light', 'dark'] as const) {
    await host().call('setSettings', { theme, language: 'ar', digits: 'arabic' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.locator('.reader-scroll').evaluate((el) => el.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath(`diff-${theme}`) });
    if (theme === 'dark') await expectNoSeriousViolations('the diff in the dark theme');
  }
  await host().call('setSettings', { theme: 'light', language: 'ar', digits: 'arabic' });
});

test('a snapshot opens its own version, and from there its diff', async () => {
  await page.getByRole('button', { name: ar.backToArticle }).click();
  await expect(page.locator('.reading .para').first()).toBeVisible();
  const versions = page.locator('.snapshot-versions');
  await expect(versions.getByRole('heading', { name: ar.versionsTitle })).toBeVisible();
  await expect(versions.locator('.version')).toHaveCount(3);
  // The first scrape's file: its read count, and its text.
  await expect(versions.locator('.version').first()).toContainText(digits(SCRAPES[0]!.readCount));
  await versions.locator('.version').first().getByRole('button', { name: ar.openCopy, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(ar.readingVersion, { n: digits(1), total: digits(3) }) })).toBeVisible();
  await expect(page.locator('#version-title')).toHaveText(TITLE_1);
  await page.getByRole('button', { name: ar.compareWithShown }).click();
  await expect(page.getByTestId('diff-inline')).toBeVisible();
  await expect(page.getByRole('combobox', { name: ar.diffFrom })).toHaveValue('1');
  await expect(page.getByRole('combobox', { name: ar.diffTo })).toHaveValue('3');
  // Version 2 → 3: only the figure and the paragraph; the headline did not change.
  await page.getByRole('combobox', { name: ar.diffFrom }).selectOption('2');
  await expect(page.getByTestId('diff-inline').locator('h3 del')).toHaveCount(0);
  await expect(page.getByTestId('diff-inline').locator('p del').first()).toContainText('300');
});

test('search finds earlier wording only when asked, and the hit opens the diff', async () => {
  await page.getByRole('searchbox', { name: ar.searchLabel }).fill('بسعة');
  await expect(page.locator('.search-view')).toContainText(ar.noResults);
  await page.getByRole('checkbox', { name: ar.allVersions }).check();
  const hit = page.locator('.hits > li').first();
  await expect(hit).toContainText(fill(ar.earlierWording, { n: digits(1) }));
  await expect(hit.locator('mark')).toHaveText('بسعة');
  await hit.getByRole('button').first().click();
  await expect(page.getByTestId('diff-inline')).toBeVisible();
  await expect(page.getByRole('combobox', { name: ar.diffFrom })).toHaveValue('1');
  await page.getByRole('button', { name: ar.clearSearch }).click().catch(() => undefined);
});

test('the ticker history shows the scrape days, a day’s headlines and one headline’s days', async () => {
  await page.goto(host().url);
  await page.getByRole('combobox', { name: ar.tickerSite }).selectOption('alazmenah.com');
  await page.getByRole('button', { name: ar.tickerHistory }).click();
  const view = page.locator('.ticker-history');
  await expect(view.getByRole('heading', { name: fill(ar.tickerHistoryOf, { site: 'alazmenah.com' }) })).toBeVisible();
  // Go to July 2018, the month of the edited article's scrapes.
  for (let i = 0; i < 24 && !(await view.locator('.month').textContent())?.includes('تموز'); i++) await page.getByRole('button', { name: ar.tickerMonthPrev }).click();
  // 23 July: the third scrape's ticker (4 headlines); the other days' tickers come from the fixture pages.
  const day = view.getByRole('button', { name: `٢٣ ${fill(ar.tickerDayCell, { month: 'تموز ٢٠١٨' })} ${digits(4)}`, exact: true });
  await expect(day).toBeVisible();
  await expect(view.locator('button.day.scraped')).toHaveCount(4);
  await day.click();
  await expect(day).toHaveAttribute('aria-pressed', 'true');
  await expect(view.locator('.headlines > li')).toHaveCount(4);
  await view.getByRole('button', { name: TITLE_2, exact: true }).click();
  await expect(view.getByRole('heading', { name: fill(ar.tickerHeadlineDays, { headline: TITLE_2 }) })).toBeVisible();
  await expect(view.locator('table.track tbody tr')).toHaveCount(1);
  await expect(view.locator('table.track tbody tr').first()).toContainText('٢٣ تموز ٢٠١٨');
  await expect(view.getByRole('heading', { name: ar.tickerLeftEarly })).toBeVisible();
  await expectNoSeriousViolations('the ticker history');
  expect(pageErrors).toEqual([]);
  expect(outside).toEqual([]);
});
