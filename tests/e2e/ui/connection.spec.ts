/**
 * When the engine cannot be reached (the host gone, the worker stopped): a notice says so and counts
 * down to the next try, the tries space out, no view shows a total it did not get or grey rows
 * forever, and when the connection returns every view loads again what it shows.
 */
import { expect, test, type Page } from '@playwright/test';
import { fill, messages, pluralTemplate } from '../../../src-renderer/lib/i18n.js';
import { importFixture } from './fixture-archive.js';
import { useHost } from './harness.js';

const ar = messages.ar;
const host = useHost();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await importFixture(host());
});

/** Cuts the page off from the API (every call fails as a network error); returns the times of the calls tried. */
async function cut(page: Page): Promise<number[]> {
  const tries: number[] = [];
  await page.route('**/api/**', (route) => {
    if (route.request().url().endsWith('/api/archiveInfo')) tries.push(Date.now());
    return route.abort('connectionrefused');
  });
  return tries;
}

test('a lost connection is said, retried with growing pauses, and every view reloads when it returns', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host().url);
  const list = page.getByRole('listbox', { name: ar.articleList });
  await expect(list.getByRole('option').first()).toBeVisible();
  await expect(page.locator('.browse .count')).toHaveText('٢٢ مقالة');

  const tries = await cut(page);
  // A change of filter needs the engine: the list says it could not load; it shows no count it did not get.
  await page.getByRole('navigation', { name: ar.mainNav }).getByRole('button', { name: /halabtoday\.net/ }).click();
  const notice = page.getByRole('region', { name: ar.connectionState });
  await expect(notice.getByRole('alert')).toHaveText(ar.disconnected);
  await expect(page.getByText(ar.listFailed)).toBeVisible();
  await expect(page.locator('.browse .count')).toHaveText('');
  await expect(list).toHaveCount(0);
  // Never the engine's or the browser's English ("list: Failed to fetch").
  await expect(page.getByText(/Failed to fetch/)).toBeHidden();
  // A countdown to the next try.
  await expect(notice).toContainText(/إعادة المحاولة (بعد|الآن)/);

  // The tries space out: each pause at least about twice the one before.
  await expect.poll(() => tries.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const gaps = tries.slice(1).map((t, i) => t - tries[i]!);
  expect(gaps[0]).toBeGreaterThan(1500);
  expect(gaps[1]).toBeGreaterThan(gaps[0]! * 1.5);

  // Back: "try now" reconnects, and the list loads what it shows (the site chosen meanwhile).
  await page.unroute('**/api/**');
  await notice.getByRole('button', { name: ar.retryNow }).click();
  await expect(notice).toBeHidden();
  await expect(page.locator('#browse-heading')).toHaveText('halabtoday.net');
  await expect(page.locator('.browse .count')).toHaveText(fill(pluralTemplate('ar', 'articles', 7), { n: '٧' }));
  await expect(list.getByRole('option')).toHaveCount(7);
  await expect(page.getByRole('marquee')).toBeVisible();
});

test('the reader and the list reload by themselves when the connection comes back', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host().url);
  const list = page.getByRole('listbox', { name: ar.articleList });
  await list.getByRole('option').first().click();
  const heading = page.locator('#article-title');
  await expect(heading).toBeVisible();
  const first = await heading.textContent();

  await cut(page);
  await page.getByRole('button', { name: ar.next, exact: true }).click();
  await expect(page.getByRole('region', { name: ar.connectionState })).toBeVisible();
  // No "try again" button that cannot work while disconnected; the notice tries by itself.
  await page.unroute('**/api/**');
  await expect(page.getByRole('region', { name: ar.connectionState })).toBeHidden({ timeout: 20_000 });
  await expect(heading).toBeVisible();
  await expect(heading).not.toHaveText(first ?? '');
  await page.getByRole('button', { name: ar.backToList }).click();
  await expect(list.getByRole('option').first()).toBeVisible();
});

test('rows of a page that failed say so instead of staying grey', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.route('**/api/list', async (route) => {
    const args = JSON.parse(route.request().postData() ?? '{}') as { offset?: number };
    if ((args.offset ?? 0) === 0) {
      const articles = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, site: 'a.com', section: null, title: `مقالة ${i + 1}`, author: null, publishedAt: null, readCount: null }));
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { total: 300, limit: 100, offset: 0, articles } }) });
    }
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'archive-busy', message: 'busy' } }) });
  });
  await page.goto(host().url);
  const list = page.getByRole('listbox', { name: ar.articleList });
  await expect(list.getByRole('option').first()).toContainText('مقالة 1');
  await list.evaluate((el) => (el.scrollTop = 72 * 150));
  await expect(list.getByText(ar.rowFailed).first()).toBeVisible();
  await expect(list.locator('.skeleton')).toHaveCount(0);
});
