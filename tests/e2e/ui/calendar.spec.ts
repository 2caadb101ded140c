/**
 * Dates as the reader reads them: Gregorian month names by region (a setting, "auto" from the
 * system's languages), and the Hijri calendar (Umm al-Qura) for dates, the year and month filters and
 * the addresses they make.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { SearchResult } from '../../../src-main/common/types.js';
import { hijriMonthOfDay, hijriMonthRange, hijriYearRange } from '../../../src-renderer/lib/calendar.js';
import { fill, messages, pluralTemplate } from '../../../src-renderer/lib/i18n.js';
import { articleId, importFixture } from './fixture-archive.js';
import { useHost } from './harness.js';

const ar = messages.ar;
const host = useHost();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await importFixture(host());
});

test.afterEach(async () => {
  await host().call('setSettings', { calendar: 'gregorian', monthNames: 'auto', language: 'ar', digits: 'arabic' });
});

const monthOptions = (page: import('@playwright/test').Page) => page.getByRole('combobox', { name: ar.month }).locator('option');

for (const [locale, january, august] of [
  ['ar-SY', 'كانون الثاني', 'آب'],
  ['ar-EG', 'يناير', 'أغسطس'],
  ['ar-DZ', 'جانفي', 'أوت'],
  ['ar-MA', 'يناير', 'غشت'],
] as const) {
  test(`month names follow the system's region by default (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(host().url);
    await expect(monthOptions(page).nth(1)).toHaveText(january);
    await expect(monthOptions(page).nth(8)).toHaveText(august);
    await context.close();
  });
}

test('month names are a setting; the reader and the filters follow it', async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('button', { name: ar.settings }).click();
  const dialog = page.getByRole('dialog', { name: ar.settingsTitle });
  const group = dialog.getByRole('group', { name: ar.monthNames });
  await expect(group.getByRole('radio')).toHaveCount(5);
  await group.getByLabel(new RegExp(ar.monthNames_maghrebi)).check();
  await page.keyboard.press('Escape');
  await expect(monthOptions(page).nth(7)).toHaveText('جويلية');
  const id = await articleId(host(), 'قلعة حلب تستقبل أول مهرجان للموسيقى منذ سنوات');
  await page.goto(`${host().url}#/article/${id}`);
  await expect(page.locator('article.reading .article-meta')).toContainText('جوان ٢٠١٨');
  expect((await host().call<{ monthNames: string }>('getSettings')).ok).toBe(true);
  expect(((await host().call<{ monthNames: string }>('getSettings')) as { value: { monthNames: string } }).value.monthNames).toBe('maghrebi');
});

test('with the Hijri calendar, the year and month filters are Hijri and select the right days', async ({ page }) => {
  await host().call('setSettings', { calendar: 'hijri' });
  await page.goto(host().url);
  const year = page.getByRole('combobox', { name: ar.year });
  // The fixture's Gregorian years 2016–2018 are Hijri 1437–1440.
  await expect(year.locator('option')).toHaveText([ar.anyYear, '١٤٤٠ هـ', '١٤٣٩ هـ', '١٤٣٨ هـ', '١٤٣٧ هـ']);
  await year.selectOption('1438');
  const range = hijriYearRange(1438);
  const expected = await host().call<{ total: number }>('list', { ...range, limit: 1 });
  if (!expected.ok) throw new Error(expected.error.message);
  const count = page.locator('.browse .count');
  await expect(count).toContainText(expected.value.total.toLocaleString('ar', { numberingSystem: 'arab' } as Intl.NumberFormatOptions));
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/?year=1438');

  const month = page.getByRole('combobox', { name: ar.month });
  await expect(month.locator('option').nth(1)).toHaveText('محرم');
  await expect(month.locator('option').nth(9)).toHaveText('رمضان');
  await month.selectOption('3');
  const monthRange = hijriMonthRange(1438, 3);
  const inMonth = await host().call<{ total: number; articles: Array<{ publishedAt: string }> }>('list', { ...monthRange, limit: 100 });
  if (!inMonth.ok) throw new Error(inMonth.error.message);
  expect(inMonth.value.total).toBeGreaterThan(0);
  await expect(page.getByRole('listbox', { name: ar.articleList }).getByRole('option')).toHaveCount(inMonth.value.total);
  // Every row shown is dated in Rabi' al-Awwal 1438.
  for (const time of await page.locator('.article-row time').allTextContents()) expect(time).toContain('ربيع الأول ١٤٣٨');

  // Switching back to Gregorian drops the Hijri year (it would mean another span of days).
  await host().call('setSettings', { calendar: 'gregorian' });
  await expect(year).toHaveValue('');
  await expect(count).toHaveText('٢٢ مقالة');
});

test('with the Hijri calendar, the search timeline and year facet count Hijri months and years, and filter by them', async ({ page }) => {
  const query = 'حلب';
  const probe = await host().call<SearchResult>('search', { query, limit: 1 });
  test.skip(!probe.ok, 'the host answers search with an error');
  // What the bars must count, worked out here from every matching article's day (not from the engine's timeline).
  const all = await host().call<SearchResult>('search', { query, collapse: false, limit: 1000 });
  if (!all.ok) throw new Error(all.error.message);
  const expected = new Map<string, number>();
  for (const hit of all.value.hits) {
    const month = hit.publishedAt ? hijriMonthOfDay(hit.publishedAt.slice(0, 10)) : null;
    if (month) expected.set(month, (expected.get(month) ?? 0) + 1);
  }
  expect(expected.size).toBeGreaterThan(1);

  await host().call('setSettings', { calendar: 'hijri' });
  await page.goto(`${host().url}#/search?q=${encodeURIComponent(query)}`);
  const timeline = page.getByRole('figure', { name: ar.timelineHijri });
  await expect(timeline).toBeVisible();
  await expect(page.getByText(ar.timelineGregorian)).toHaveCount(0);
  await expect(page.getByRole('group', { name: ar.facetYearGregorian })).toHaveCount(0);

  // Every Hijri month with hits has its bar, counting exactly those hits, named in Hijri.
  const bars = timeline.locator('.bar:not([disabled])');
  await expect(bars).toHaveCount(expected.size);
  const shown = await bars.evaluateAll((els) => els.map((e) => [e.getAttribute('data-month') ?? '', e.getAttribute('aria-label') ?? ''] as const));
  expect(new Set(shown.map(([month]) => month))).toEqual(new Set(expected.keys()));
  const [busiest, busiestCount] = [...expected].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const [year, month] = busiest.split('-').map(Number) as [number, number];
  const range = hijriMonthRange(year, month);
  const label = shown.find(([m]) => m === busiest)![1];
  expect(label).toContain(new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura', { timeZone: 'UTC', month: 'long' }).format(new Date(`${range.from}T00:00:00Z`)));
  expect(label).toContain(fill(pluralTemplate('ar', 'results', busiestCount), { n: busiestCount.toLocaleString('ar', { numberingSystem: 'arab' } as Intl.NumberFormatOptions) }));

  // The year facet is by Hijri year, with its era.
  const years = page.getByRole('group', { name: ar.facetYearHijri });
  await expect(years).toBeVisible();
  const expectedYears = [...new Set([...expected.keys()].map((m) => m.slice(0, 4)))].sort().reverse();
  await expect(years.getByRole('button')).toHaveText(expectedYears.map((y) => new RegExp(`^${Number(y).toLocaleString('ar', { numberingSystem: 'arab', useGrouping: false } as Intl.NumberFormatOptions)} هـ`)));

  // A bar filters by the Gregorian days of its Hijri month, and the chip names the Hijri month.
  await timeline.locator(`.bar[data-month="${busiest}"]`).click();
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain(`from=${range.from}&to=${range.to}`);
  await expect(timeline.locator(`.bar[data-month="${busiest}"]`)).toHaveAttribute('aria-pressed', 'true');
  const chips = page.getByRole('group', { name: ar.activeFilters });
  const inMonth = await host().call<SearchResult>('search', { query, ...range, limit: 1 });
  if (!inMonth.ok) throw new Error(inMonth.error.message);
  const chipName = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura', { timeZone: 'UTC', month: 'long', year: 'numeric', numberingSystem: 'arab' }).format(new Date(`${range.from}T00:00:00Z`));
  await expect(chips.getByRole('button', { name: new RegExp(chipName) })).toBeVisible();
  // Exactly the results the engine gives for those days, every one of them dated in the month.
  await expect
    .poll(async () => {
      const days = await page.locator('.hits > li').evaluateAll((rows) => rows.map((row) => (row.querySelector('time')?.getAttribute('datetime') ?? '').slice(0, 10)));
      return days.length === Math.min(30, inMonth.value.total) && days.every((day) => day >= range.from && day <= range.to);
    })
    .toBe(true);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // A Hijri year of the facet filters by its days, and the chip says so.
  await chips.getByRole('button', { name: new RegExp(chipName) }).click();
  await expect(chips).toBeHidden();
  const firstYear = Number(expectedYears[0]);
  await years.getByRole('button').first().click();
  const yearRange = hijriYearRange(firstYear);
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain(`from=${yearRange.from}&to=${yearRange.to}`);
  await expect(years.getByRole('button').first()).toHaveAttribute('aria-pressed', 'true');
  await expect(chips).toContainText(`${firstYear.toLocaleString('ar', { numberingSystem: 'arab', useGrouping: false } as Intl.NumberFormatOptions)} هـ`);

  // Back to Gregorian: the engine is asked again, and the timeline and facet are Gregorian months and years.
  await host().call('setSettings', { calendar: 'gregorian' });
  await expect(page.getByRole('group', { name: ar.facetYear })).toBeVisible();
  await expect(page.getByRole('group', { name: ar.facetYearHijri })).toHaveCount(0);
});
