/**
 * Small windows: at 1366, 1024, 800, 720 and 600 px wide (and 1366×768 at 200% zoom), in Arabic and
 * English, the browse list, the search results and the reader never scroll sideways, and the first
 * result is in the first screen. Below 900 px the sidebar is a drawer and the search filters a
 * disclosure above the results. Screenshots go to test-results/ (and a chosen few to docs/screenshots/).
 */
import { expect, test, type Page } from '@playwright/test';
import { messages, type Lang } from '../../../src-renderer/lib/i18n.js';
import { articleId, importFixture } from './fixture-archive.js';
import { screenshotPath, useHost } from './harness.js';

const host = useHost();
let searchReady = false;
let readerId = 0;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await importFixture(host());
  searchReady = (await host().call('search', { query: 'حلب', limit: 1 })).ok;
  readerId = await articleId(host(), 'بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية');
});

const SIZES = [
  { width: 1366, height: 768, zoom: 1 },
  { width: 1024, height: 768, zoom: 1 },
  { width: 800, height: 700, zoom: 1 },
  { width: 720, height: 700, zoom: 1 },
  { width: 600, height: 700, zoom: 1 },
  // 1366×768 at 200%: the page lays out in half the CSS pixels.
  { width: 683, height: 384, zoom: 2 },
];
/** The ones kept in docs/screenshots/ (the others go to test-results/). */
const KEPT = new Set(['800-ar', '800-en', '1366-en', '600-ar']);

/** Nothing on the page is wider than the window: the document and each scrolling part. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    const check = (el: Element, name: string) => {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${name}: ${el.scrollWidth} > ${el.clientWidth}`);
    };
    check(document.documentElement, 'document');
    check(document.body, 'body');
    for (const sel of ['.app-header', '.ticker-band', '.browse', '.toolbar', '.search-view', '.reader', '.reader-bar', '.reader-scroll', '.column', 'main']) {
      for (const el of document.querySelectorAll(sel)) check(el, sel);
    }
    return out;
  });
  expect(overflow, where).toEqual([]);
}

async function expectInFirstScreen(page: Page, selector: string, where: string): Promise<void> {
  const target = page.locator(selector).first();
  await expect(target, where).toBeVisible();
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, where).not.toBeNull();
  expect(box!.y, `${where}: the first result starts below the first screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + Math.min(box!.height, 40), `${where}: the first result starts below the first screen`).toBeLessThanOrEqual(viewport.height);
}

for (const lang of ['ar', 'en'] as const) {
  for (const size of SIZES) {
    const name = `${size.width}${size.zoom > 1 ? 'x2' : ''}-${lang}`;
    test(`${size.width}×${size.height}${size.zoom > 1 ? ' (200% zoom)' : ''}, ${lang}: no sideways scroll; the first result in the first screen`, async ({ browser }) => {
      await host().call('setSettings', { language: lang, digits: lang === 'ar' ? 'arabic' : 'western', theme: 'light' });
      const m = messages[lang as Lang];
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.zoom, locale: 'ar', reducedMotion: 'reduce' });
      const page = await context.newPage();
      const shot = (view: string) => ({ path: KEPT.has(name) && size.zoom === 1 ? screenshotPath(`${view}-${name}`) : test.info().outputPath(`${view}-${name}.png`) });
      try {
        await page.goto(host().url);
        await expectInFirstScreen(page, '.article-row:not(.placeholder)', `browse ${name}`);
        await expectNoSidewaysScroll(page, `browse ${name}`);
        // The sidebar, or — below 900 px — a drawer that replaces it.
        const narrow = size.width < 900;
        await expect(page.getByRole('navigation', { name: m.mainNav })).toBeVisible({ visible: !narrow });
        await page.screenshot(shot('browse'));
        if (narrow) {
          await page.getByRole('button', { name: m.openNav }).click();
          const drawer = page.getByRole('dialog', { name: m.mainNav });
          await expect(drawer.getByRole('navigation')).toBeVisible();
          await expectNoSidewaysScroll(page, `the drawer ${name}`);
          await drawer.getByRole('button', { name: /halabtoday\.net/ }).click();
          await expect(drawer).toBeHidden();
          await expect(page.locator('#browse-heading')).toHaveText('halabtoday.net');
        }

        if (searchReady) {
          await page.goto(`${host().url}#/search?q=${encodeURIComponent('حلب')}`);
          await expectInFirstScreen(page, '.hits .hit-title', `search ${name}`);
          await expectNoSidewaysScroll(page, `search ${name}`);
          // Narrow: the filters wait in a closed disclosure above the results.
          await expect(page.locator('.filters-disclosure')).toHaveCount(narrow ? 1 : 0);
          if (narrow) await expect(page.locator('.filters-disclosure')).not.toHaveAttribute('open');
          await page.screenshot(shot('search'));
        }

        await page.goto(`${host().url}#/article/${readerId}`);
        await expectInFirstScreen(page, '#article-title', `reader ${name}`);
        await expectNoSidewaysScroll(page, `reader ${name}`);
        await page.screenshot(shot('reader'));
      } finally {
        await context.close();
      }
    });
  }
}
