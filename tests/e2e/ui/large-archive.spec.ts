/**
 * The browse list at 100,000 articles (the host's list/stats answers are replaced by synthetic ones,
 * so no archive that big has to be built), and the ticker under reduced motion.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { messages } from '../../../src-renderer/lib/i18n.js';
import { guardNetwork, useHost } from './harness.js';

const ar = messages.ar;
const TOTAL = 100_000;
/** The scroll from top to bottom, in steps of a frame each. */
const SCROLL_STEPS = 150;

const host = useHost();

function envelope(value: unknown) {
  return { contentType: 'application/json', body: JSON.stringify({ ok: true, value }) };
}

interface FakeArchive {
  /** The list pages asked for, by offset. */
  offsets: number[];
  /** How long the list takes to answer (a busy archive). */
  listDelayMs: number;
}

/** Answers stats/list/ticker as an archive of TOTAL articles would; records the list pages asked for. */
async function fakeLargeArchive(page: Page): Promise<FakeArchive> {
  const fake: FakeArchive = { offsets: [], listDelayMs: 0 };
  const { offsets } = fake;
  await page.route('**/api/stats', (route) =>
    route.fulfill(
      envelope({
        articles: TOTAL,
        snapshots: TOTAL,
        tickerDays: 1,
        imports: 1,
        sites: [{ value: 'big.example', count: TOTAL }],
        sections: [{ site: 'big.example', value: 'أخبار', count: TOTAL }],
        years: [{ value: '2018', count: TOTAL }],
      }),
    ),
  );
  await page.route('**/api/list', async (route: Route) => {
    const args = JSON.parse(route.request().postData() ?? '{}') as { limit?: number; offset?: number };
    const limit = args.limit ?? 50;
    const offset = args.offset ?? 0;
    offsets.push(offset);
    const articles = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => {
      const n = offset + i + 1;
      return { id: n, site: 'big.example', section: 'أخبار', title: `مقالة رقم ${n}`, author: null, publishedAt: '2018-07-21T10:00:00', readCount: n };
    });
    if (fake.listDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.listDelayMs));
    await route.fulfill(envelope({ total: TOTAL, limit, offset, articles }));
  });
  await page.route('**/api/tickerDays', (route) => route.fulfill(envelope([{ site: 'big.example', dates: ['2018-07-21'] }])));
  await page.route('**/api/ticker', (route) =>
    route.fulfill(
      envelope({
        site: 'big.example',
        date: '2018-07-21',
        headlines: Array.from({ length: 12 }, (_, i) => ({ position: i + 1, headline: `عنوان عاجل رقم ${i + 1} في شريط الأخبار`, articleId: i + 1 })),
      }),
    ),
  );
  return fake;
}

test('100,000 rows: only the visible rows exist, pages load as they scroll into view, scrolling stays smooth', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 850 });
  const outside = await guardNetwork(page);
  const fake = await fakeLargeArchive(page);
  const { offsets } = fake;
  await page.goto(host().url);
  const list = page.getByRole('listbox', { name: ar.articleList });
  const rows = list.getByRole('option');
  await expect(rows.first()).toContainText('مقالة رقم 1');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(TOTAL));
  expect(await rows.count()).toBeLessThan(40);

  // Scroll through the whole list, one big step a frame, timing the frames.
  const frames = await list.evaluate(async (el, steps) => {
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < steps; i++) {
      el.scrollTop += el.scrollHeight / steps;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.sort((a, b) => a - b);
  }, SCROLL_STEPS);
  const p90 = frames[Math.floor(frames.length * 0.9)] ?? Infinity;
  expect(p90).toBeLessThan(100);
  expect(await rows.count()).toBeLessThan(40);

  // At the end: the last page was fetched, and only pages that were on screen — at most the two that
  // one screen spans, at the start, at each step (as many steps as the frame rate lets the fetch
  // throttle see) and at the end — never the thousand pages scrolled past.
  const last = rows.last();
  await expect(last).toContainText('مقالة رقم 100000');
  await expect(last).toHaveAttribute('aria-posinset', String(TOTAL));
  expect(offsets).toContain(0);
  expect(offsets).toContain(TOTAL - 100);
  expect(new Set(offsets).size).toBeLessThanOrEqual(2 * (SCROLL_STEPS + 2));

  // Keyboard: Home and End jump; the active row is announced through aria-activedescendant.
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list).toHaveAttribute('aria-activedescendant', 'article-row-0');
  await expect(rows.first()).toContainText('مقالة رقم 1');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowDown');
  const active = await list.getAttribute('aria-activedescendant');
  expect(Number(active?.replace('article-row-', ''))).toBeGreaterThan(5);
  // In a fresh list (another order) only the first page is here. End, then Enter at once, on an
  // archive slow to answer: the last row opens when its page arrives.
  await page.route('**/api/show', async (route) => {
    const { id } = JSON.parse(route.request().postData() ?? '{}') as { id: number };
    await route.fulfill(
      envelope({ id, site: 'big.example', section: 'أخبار', title: `مقالة رقم ${id}`, author: null, publishedAt: '2018-07-21T10:00:00', readCount: id, paragraphs: ['نص.'], snapshots: [] }),
    );
  });
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption({ label: ar.sortOldest });
  await expect(rows.first()).toContainText('مقالة رقم 1');
  fake.listDelayMs = 400;
  await list.focus();
  await page.keyboard.press('End');
  await expect(list).toHaveAttribute('aria-activedescendant', `article-row-${TOTAL - 1}`);
  await page.keyboard.press('Enter');
  await expect(page.locator('#article-title')).toHaveText('مقالة رقم 100000');
  fake.listDelayMs = 0;
  // The reader's previous goes to the row before it.
  await page.keyboard.press('k');
  await expect(page.locator('#article-title')).toHaveText('مقالة رقم 99999');
  await page.keyboard.press('Escape');
  await expect(list).toBeVisible();
  expect(outside).toEqual([]);
});

test('reduced motion: the ticker is a still, scrollable row', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await fakeLargeArchive(page);
  await page.goto(host().url);
  const marquee = page.getByRole('marquee');
  await expect(marquee.getByRole('button', { name: 'عنوان عاجل رقم 1 في شريط الأخبار' })).toBeVisible();
  const track = marquee.locator('.track');
  await expect(track).toHaveCSS('animation-name', 'none');
  await expect(marquee).toHaveCSS('overflow-x', 'auto');
  // Only one copy of the headlines (the looping copy is hidden and inert).
  await expect(marquee.locator('.copy')).toBeHidden();
  await expect(page.getByRole('button', { name: ar.tickerPause })).toBeHidden();
});
