/**
 * How the search view behaves, whatever the engine answers: the host's `search` is replaced by a
 * scripted one (delays, problems, markup in snippets), so these run before and after the search
 * module lands. The real search is exercised in reading-room.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { messages } from '../../../src-renderer/lib/i18n.js';
import { guardNetwork, useHost } from './harness.js';

const ar = messages.ar;
const host = useHost();

interface Call {
  query: string;
  site?: string;
  from?: string;
  to?: string;
  sort?: string;
}

function hit(id: number, title: string, snippet: string, word: string) {
  const at = snippet.indexOf(word);
  const tat = title.indexOf(word);
  return {
    id,
    site: id % 2 ? 'alazmenah.com' : 'halabtoday.net',
    section: 'أخبار سورية',
    title,
    author: null,
    publishedAt: id % 2 ? '2016-12-16T15:24:14' : '2017-03-09T08:00:00',
    readCount: 100 * id,
    snippet,
    highlights: at >= 0 ? [{ start: at, end: at + word.length }] : [],
    titleHighlights: tat >= 0 ? [{ start: tat, end: tat + word.length }] : [],
    score: 1,
  };
}

async function scriptSearch(page: Page): Promise<Call[]> {
  const calls: Call[] = [];
  // Not an empty archive: the app opens on the browse view with its search box.
  await page.route('**/api/stats', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: { articles: 2, snapshots: 2, tickerDays: 0, imports: 1, sites: [], sections: [], years: [] } }),
    }),
  );
  await page.route('**/api/search', async (route) => {
    const args = JSON.parse(route.request().postData() ?? '{}') as Call;
    calls.push(args);
    const q = args.query;
    if (q === 'حل') await new Promise((r) => setTimeout(r, 900)); // a slow, stale answer
    let value;
    if (q === '-حلب') {
      value = {
        query: q,
        total: 0,
        limit: 30,
        offset: 0,
        hits: [],
        facets: { site: [], section: [], year: [], author: [] },
        timeline: [],
        problem: 'The query only excludes words (-word); add at least one word to search for.',
        problemCode: 'only-exclusions',
      };
    } else if (q === 'غريب') {
      value = { query: q, total: 0, limit: 30, offset: 0, hits: [], facets: { site: [], section: [], year: [], author: [] }, timeline: [], problem: 'Some new reason.' };
    } else {
      const hits = [
        hit(1, `نتيجة ${q} الأولى`, `…قال إن <b onmouseover="window.__arshifPwned=1">${q}</b> مدينة قديمة…`, q),
        hit(2, `نتيجة ${q} الثانية`, `سوق ${q} القديم`, q),
      ];
      value = {
        query: q,
        total: 2,
        limit: 30,
        offset: 0,
        hits,
        facets: {
          site: [{ value: 'alazmenah.com', count: 1 }, { value: 'halabtoday.net', count: 1 }],
          section: [{ value: 'أخبار سورية', count: 2 }],
          year: [{ value: '2016', count: 1 }, { value: '2017', count: 1 }],
          author: [],
        },
        timeline: [{ value: '2016-12', count: 1 }, { value: '2017-03', count: 1 }],
        problem: null,
      };
    }
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
  });
  return calls;
}

test('typing is debounced, a stale answer is dropped, and marks come from ranges — as text', async ({ page }) => {
  const outside = await guardNetwork(page);
  const calls = await scriptSearch(page);
  await page.goto(host().url);
  const box = page.getByRole('searchbox', { name: ar.searchLabel });
  await expect(box).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();

  // Five quick keystrokes: fewer requests than keystrokes (one on an unloaded machine), the last for the whole word.
  await box.pressSequentially('مدينة', { delay: 20 });
  // On a loaded machine a keystroke can come later than the debounce; the whole word is still asked last.
  await expect.poll(() => calls.at(-1)?.query).toBe('مدينة');
  await expect(page.locator('.hits h2').first()).toHaveText('نتيجة مدينة الأولى');
  expect(calls.length).toBeLessThan(5);
  calls.length = 0;

  // "حل" is answered late; "حلب" typed after it must win.
  await box.fill('حل');
  await page.waitForTimeout(300);
  await box.fill('حلب');
  await expect(page.locator('.hits h2').first()).toHaveText('نتيجة حلب الأولى');
  await page.waitForTimeout(1200);
  await expect(page.locator('.hits h2').first()).toHaveText('نتيجة حلب الأولى');
  expect(calls.map((c) => c.query)).toEqual(['حل', 'حلب']);

  // Marks: exactly the ranges, and the snippet's markup stays text.
  const first = page.locator('.hits > li').first();
  await expect(first.locator('h2 mark')).toHaveText('حلب');
  await expect(first.locator('.snippet mark')).toHaveText('حلب');
  await expect(first.locator('.snippet')).toContainText('<b onmouseover="window.__arshifPwned=1">');
  await expect(first.locator('.snippet b')).toHaveCount(0);
  expect(await first.locator('.snippet').evaluate((el) => el.children.length)).toBe(1);

  // Facets, the timeline and the sort go to the engine as filters.
  await page.getByRole('group', { name: ar.facetSite }).getByRole('button', { name: /halabtoday\.net/ }).click();
  await expect.poll(() => calls.at(-1)?.site).toBe('halabtoday.net');
  await page.locator('.timeline .bar[data-month="2016-12"]').click();
  await expect.poll(() => [calls.at(-1)?.from, calls.at(-1)?.to]).toEqual(['2016-12-01', '2016-12-31']);
  await expect(page.getByRole('group', { name: ar.activeFilters })).toContainText('كانون الأول ٢٠١٦');
  await page.getByRole('group', { name: ar.facetYear }).getByRole('button', { name: /٢٠١٧/ }).click();
  await expect.poll(() => [calls.at(-1)?.from, calls.at(-1)?.to]).toEqual(['2017-01-01', '2017-12-31']);
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('most-read');
  await expect.poll(() => calls.at(-1)?.sort).toBe('most-read');
  await page.getByRole('button', { name: ar.clearFilters }).click();
  await expect.poll(() => calls.at(-1)?.site).toBeUndefined();

  // Why nothing matched: said by its code in the reader's language; the engine's English words folded away.
  await box.fill('-حلب');
  await expect(page.getByText(ar['problem_only-exclusions'])).toBeVisible();
  await expect(page.getByText('The query only excludes words')).toBeHidden();
  await expect(page.getByText(ar.hintPhrase)).toBeVisible();
  // A reason without a known code: a general sentence, and the engine's words under "technical details".
  await box.fill('غريب');
  await expect(page.getByText(ar.problem_other)).toBeVisible();
  await expect(page.getByText('Some new reason.')).toBeHidden();
  await page.getByText(ar.technicalDetails).click();
  await expect(page.getByText('Some new reason.')).toBeVisible();

  // Escape clears the box and goes back to browsing.
  await box.focus();
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(page.getByRole('heading', { name: ar.results })).toBeHidden();

  expect(await page.evaluate(() => (window as unknown as { __arshifPwned?: unknown }).__arshifPwned)).toBeUndefined();
  expect(outside).toEqual([]);
});

test('a failing search says why, in words', async ({ page }) => {
  await page.route('**/api/search', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'archive-busy', message: 'The archive is being written.' } }) }),
  );
  await page.route('**/api/stats', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: { articles: 2, snapshots: 2, tickerDays: 0, imports: 1, sites: [], sections: [], years: [] } }),
    }),
  );
  await page.goto(host().url);
  await page.getByRole('searchbox', { name: ar.searchLabel }).fill('حلب');
  const alert = page.locator('.search-view').getByRole('alert');
  await expect(alert).toContainText(ar.err_busy);
  await expect(alert).toContainText('The archive is being written.');
});

test('when the host is gone, the window says so instead of going blank', async ({ page }) => {
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.goto(host().url);
  await expect(page.getByRole('alert').filter({ hasText: ar.offline })).toBeVisible();
  await expect(page.getByRole('button', { name: ar.retry, exact: true })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
});
