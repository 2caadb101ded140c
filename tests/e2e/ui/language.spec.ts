/**
 * The user's language, all of it: every screen of the Arabic UI is walked and no Latin-letter word
 * may show outside archive text (marked translate="no") and site names; counts take their plural
 * forms; mixed-direction pieces are isolated, so an English UI with Arabic-Indic digits keeps dates,
 * counts and quoted names in order.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { fill, messages, pluralTemplate } from '../../../src-renderer/lib/i18n.js';
import { ensureRendererBuilt, fixtureCorpus, startHost, type RunningHost } from './harness.js';

const ar = messages.ar;
const en = messages.en;

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let context: BrowserContext;
let page: Page;
let searchReady = false;
const seen: string[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  ensureRendererBuilt();
  host = await startHost();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar', permissions: ['clipboard-read', 'clipboard-write'] });
  await host.signIn(context);
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await host?.stop();
});

/**
 * Latin-letter words the page shows (text, and the names and hints given to assistive technology),
 * outside archive text (translate="no") and site names (alazmenah.com).
 */
async function latinWords(where: string): Promise<void> {
  seen.push(where);
  expect(await findLatin(), `Latin words on ${where}`).toEqual([]);
}

async function findLatin(): Promise<string[]> {
  return page.evaluate(() => {
    const site = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
    const out: string[] = [];
    const foreign = (el: Element | null) => !!el?.closest('[translate="no"]');
    const words = (text: string, context: string) => {
      for (const word of text.match(/[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*/g) ?? []) if (!site.test(word)) out.push(`${word}  (${context.slice(0, 80)})`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || foreign(el) || el.closest('script, style, template')) continue;
      // Shown, or read out (visually hidden text is read by screen readers); not folded away or display:none.
      if (!el.checkVisibility({ visibilityProperty: true }) && !el.closest('option')) continue;
      words(node.nodeValue ?? '', node.nodeValue ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
      if (foreign(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = el.getAttribute(attr);
        if (value) words(value, `${attr}="${value}"`);
      }
    }
    return out;
  });
}

test('every screen of the Arabic UI is in Arabic (archive text and site names aside)', async () => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: ar.firstRunTitle })).toBeVisible();
  await latinWords('the first run');

  // A path that does not exist: refused before anything starts, said in Arabic, the path kept aside.
  await page.getByLabel(ar.importPathLabel).fill('/no/such/folder/anywhere');
  await page.getByRole('button', { name: ar.importStart }).click();
  await expect(page.getByText(ar.importPathMissing)).toBeVisible();
  await latinWords('an import of a missing path');
  await expect(page.locator('progress')).toHaveCount(0);

  await page.getByLabel(ar.importPathLabel).fill(fixtureCorpus);
  await page.getByRole('button', { name: ar.importStart }).click();
  const dialog = page.getByRole('dialog', { name: ar.importTitle });
  await expect(dialog.getByRole('heading', { name: ar.importPhase_finished })).toBeVisible({ timeout: 60_000 });
  // Rejections by reason, in Arabic; the engine's English words folded under "technical details".
  await expect(dialog.getByText(ar.reason_empty, { exact: true })).toBeVisible();
  await latinWords('the import report');
  await dialog.getByText(ar.technicalDetails).first().click();
  await expect(dialog.locator('details[open] code')).toBeVisible();
  await dialog.getByRole('button', { name: ar.close }).click();

  await expect(page.getByRole('listbox', { name: ar.articleList }).getByRole('option').first()).toBeVisible();
  await latinWords('browse');
  await page.getByRole('navigation', { name: ar.mainNav }).getByRole('button', { name: /alazmenah\.com/ }).click();
  await page.getByRole('combobox', { name: ar.year }).selectOption('2018');
  await latinWords('browse, one site and a year');

  await page.getByRole('listbox', { name: ar.articleList }).getByRole('option').first().click();
  await expect(page.locator('#article-title')).toBeVisible();
  await latinWords('the reader (the hostile page, whose markup is archive text)');
  await page.getByRole('button', { name: ar.copyCitation }).click();
  await expect(page.getByText(ar.citationCopied)).toBeVisible();
  await latinWords('the reader with a notification');

  searchReady = (await host.call('search', { query: 'حلب', limit: 1 })).ok;
  if (searchReady) {
    await page.getByRole('searchbox', { name: ar.searchLabel }).fill('حلب');
    await expect(page.locator('.hits > li').first()).toBeVisible();
    await latinWords('search results');
    await page.locator('.hits .hit-title button').first().click();
    await expect(page.locator('article.reading mark').first()).toBeVisible();
    await latinWords('the reader opened from a search');
    await page.goBack();
    await page.getByRole('searchbox', { name: ar.searchLabel }).fill('-حلب');
    await expect(page.getByText(ar['problem_only-exclusions'])).toBeVisible();
    await latinWords('a search that cannot match');
    await page.getByRole('searchbox', { name: ar.searchLabel }).fill('زقزقةمستحيلة');
    await expect(page.getByText(ar.noResults)).toBeVisible();
    await latinWords('a search without results');
    await page.getByRole('button', { name: ar.clearSearch }).click();
  }

  await page.getByRole('button', { name: ar.settings }).click();
  await expect(page.getByRole('dialog', { name: ar.settingsTitle })).toBeVisible();
  await latinWords('the settings');
  await page.keyboard.press('Escape');

  await page.goto(`${host.url}#/article/424242`);
  await expect(page.getByRole('heading', { name: ar.articleNotFoundTitle })).toBeVisible();
  await latinWords('a missing article');
  await page.goto(`${host.url}#/nowhere`);
  await latinWords('an address that leads nowhere');

  // The connection lost: no "list: Failed to fetch", a notice in Arabic.
  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: ar.articleList }).getByRole('option').first()).toBeVisible();
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('oldest');
  await expect(page.getByText(ar.disconnected)).toBeVisible();
  await latinWords('a lost connection');
  await page.unroute('**/api/**');

  // A narrow window: the sites drawer.
  await page.setViewportSize({ width: 640, height: 800 });
  await page.getByRole('button', { name: ar.openNav }).click();
  await expect(page.getByRole('dialog', { name: ar.mainNav })).toBeVisible();
  await latinWords('the sites drawer');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the walk itself finds Latin words in text and in names, and lets archive text and site names be', async () => {
  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: ar.articleList })).toBeVisible();
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<p>list: Failed to fetch</p><button aria-label="Close">×</button><p translate="no">archive text</p><p>من موقع alazmenah.com</p>';
    document.querySelector('main')!.append(probe);
  });
  const found = await findLatin();
  expect(found.map((w) => w.split(' ')[0])).toEqual(['list', 'Failed', 'to', 'fetch', 'Close']);
});

test('counts take the plural form of their number', async () => {
  const say = (key: 'articles' | 'sites' | 'results', n: number) =>
    fill(pluralTemplate('ar', key, n), { n: n.toLocaleString('ar', { numberingSystem: 'arab' } as Intl.NumberFormatOptions) });
  await page.goto(host.url);
  await expect(page.locator('.browse .count')).toHaveText(say('articles', 22));
  await expect(page.getByRole('navigation', { name: ar.mainNav })).toContainText(`${say('articles', 22)} من ${say('sites', 3)}`);
  await page.getByRole('navigation', { name: ar.mainNav }).getByRole('button', { name: /halabtoday\.net/ }).click();
  await expect(page.locator('.browse .count')).toHaveText('٧ مقالات');
  await page.getByRole('navigation', { name: ar.mainNav }).getByRole('button', { name: /levantpost\.com/ }).click();
  await expect(page.locator('.browse .count')).toHaveText('٦ مقالات');
  if (searchReady) {
    await page.getByRole('searchbox', { name: ar.searchLabel }).fill('"قلعة حلب تستقبل"');
    await expect(page.locator('.search-view .summary')).toContainText('نتيجة واحدة');
    await page.getByRole('button', { name: ar.clearSearch }).click();
  }
});

test('in English with Arabic-Indic digits, dates, counts and quoted names keep their order', async () => {
  await host.call('setSettings', { language: 'en', digits: 'arabic' });
  try {
    await page.goto(host.url);
    const row = page.getByRole('listbox', { name: en.articleList }).getByRole('option').first();
    await expect(row).toBeVisible();
    // Each piece of the row is its own isolate: a date never swaps places with a read count.
    for (const selector of ['time', '.reads', '.site', '.where bdi']) {
      const isolated = await row.locator(selector).first().evaluate((el) => getComputedStyle(el).unicodeBidi);
      expect(isolated, selector).toMatch(/isolate/);
    }
    // "٢٠ July ٢٠١٨": the day is drawn left of the month, the month left of the year.
    const order = await row.locator('time').evaluate((el) => {
      const text = el.firstChild as Text;
      const at = (part: string) => {
        const range = document.createRange();
        const i = text.data.indexOf(part);
        range.setStart(text, i);
        range.setEnd(text, i + part.length);
        return range.getBoundingClientRect().left;
      };
      const [day, month, year] = text.data.replace(/\u200e/g, '').split(' ');
      return [at(day!), at(month!), at(year!)];
    });
    expect(order[0]).toBeLessThan(order[1]!);
    expect(order[1]).toBeLessThan(order[2]!);

    // A publication time: "٢ March ٢٠١٨, ٠٩:٣٠" — the year before the hour, left to right.
    await page.goto(`${host.url}#/article/1`);
    const when = page.locator('article.reading .article-meta time');
    await expect(when).toBeVisible();
    const yearLeftOfHour = await when.evaluate((el) => {
      const text = el.firstChild as Text;
      const clean = text.data;
      const comma = clean.indexOf(',');
      const range = (from: number, to: number) => {
        const r = document.createRange();
        r.setStart(text, from);
        r.setEnd(text, to);
        return r.getBoundingClientRect().left;
      };
      return range(comma - 4, comma) < range(clean.length - 5, clean.length);
    });
    expect(yearLeftOfHour).toBe(true);
    // An author's name is isolated inside "By …", so its quotes stay with it.
    const author = page.locator('.article-meta .author bdi');
    if ((await author.count()) > 0) await expect(author.first()).toHaveAttribute('translate', 'no');
  } finally {
    await host.call('setSettings', { language: 'ar', digits: 'arabic' });
  }
});
