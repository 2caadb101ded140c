/**
 * The reading room against the real host: first run and import, browsing, the ticker, the reader,
 * search, settings, and a hostile page that must stay inert. One archive, one page, in order.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { fill, messages, pluralTemplate } from '../../../src-renderer/lib/i18n.js';
import { ensureRendererBuilt, fixtureCorpus, guardNetwork, screenshotPath, startHost, type RunningHost } from './harness.js';

const ar = messages.ar;
const en = messages.en;

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let context: BrowserContext;
let page: Page;
let outside: string[] = [];
const pageErrors: string[] = [];
let searchReady = false;

const list = () => page.getByRole('listbox', { name: ar.articleList });
const rows = () => list().getByRole('option');
const nav = () => page.getByRole('navigation', { name: ar.mainNav });
const heading = () => page.locator('#article-title');
const searchBox = () => page.getByRole('searchbox', { name: ar.searchLabel });
const digits = (n: number) => n.toLocaleString('ar-SY', { numberingSystem: 'arab' } as Intl.NumberFormatOptions);
/** The list holds `n` articles (only the rows in view are in the DOM: the count is in aria-setsize). */
async function expectTotal(n: number): Promise<void> {
  await expect(page.locator('.browse .count')).toHaveText(fill(pluralTemplate('ar', 'articles', n), { n: digits(n) }));
  await expect(rows().first()).toHaveAttribute('aria-setsize', String(n));
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  ensureRendererBuilt();
  host = await startHost();
  context = await browser.newContext({ viewport: { width: 1360, height: 850 }, locale: 'ar', permissions: ['clipboard-read', 'clipboard-write'] });
  await host.signIn(context);
  page = await context.newPage();
  outside = await guardNetwork(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

test.afterAll(async () => {
  await context?.close();
  await host?.stop();
});

test('first run explains itself; a folder imported by path shows progress and a report', async () => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: ar.firstRunTitle })).toBeVisible();
  await expect(page.getByText(ar.firstRunLine1)).toBeVisible();
  await expect(page.getByText(ar.firstRunLine2)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  // Every phase heading the progress section shows, in order.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __phases: string[] }).__phases = seen;
    new MutationObserver(() => {
      const text = document.getElementById('import-progress-title')?.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
      if (document.querySelector('progress')) (window as unknown as { __sawProgress: boolean }).__sawProgress = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await page.getByLabel(ar.importPathLabel).fill(fixtureCorpus);
  await page.getByRole('button', { name: ar.importStart }).click();

  const dialog = page.getByRole('dialog', { name: ar.importTitle });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('heading', { name: ar.importPhase_finished })).toBeVisible();
  await expect(dialog.getByTestId('import-files')).toHaveText('الملفات: ٢٤ من ٢٤');
  await expect(dialog.getByTestId('import-articles')).toContainText('مقالات جديدة: ٢٢');
  await expect(dialog.locator('progress')).toBeVisible();
  // The report names each rejected file and why.
  await expect(dialog.getByRole('heading', { name: new RegExp(ar.importRejected) })).toBeVisible();
  await expect(dialog.getByText(ar.reason_empty, { exact: true })).toBeVisible();
  await expect(dialog.getByText(ar['reason_error-page'], { exact: true })).toBeVisible();
  await expect(dialog.getByText('902_notfound00000000.txt', { exact: false })).toBeVisible();

  const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
  expect(phases[0]).toBe(ar.importPhase_scanning);
  expect(phases.at(-1)).toBe(ar.importPhase_finished);
  expect(await page.evaluate(() => (window as unknown as { __sawProgress?: boolean }).__sawProgress)).toBe(true);

  await dialog.getByRole('button', { name: ar.close }).click();
  await expect(dialog).toBeHidden();
  // The list refreshed by itself when the import ended.
  await expect(list()).toBeVisible();
  await expect(page.locator('.browse .count')).toHaveText('٢٢ مقالة');
});

test('browse by site, section, year and month, with sorts', async () => {
  await nav().getByRole('button', { name: /halabtoday\.net/ }).click();
  await expect(page.locator('#browse-heading')).toHaveText('halabtoday.net');
  await expectTotal(7);
  await expect(rows()).toHaveCount(7);

  await nav().getByRole('button', { name: /^ثقافة\s/ }).click();
  await expect(page.locator('#browse-heading')).toHaveText('ثقافة');
  await expect(rows()).toHaveCount(1);
  await expect(rows().first()).toContainText('قلعة حلب تستقبل أول مهرجان للموسيقى منذ سنوات');
  await expect(rows().first()).toContainText('٣٬١٢٠ قراءة');

  await nav().getByRole('button', { name: new RegExp(`^${ar.allSites}`) }).click();
  await expectTotal(22);
  expect(await rows().count()).toBeLessThan(22);
  // Every row carries title, site, section, date and read count.
  await expect(rows().first()).toContainText('alazmenah.com');
  await expect(rows().first()).toContainText('أخبار سورية');
  await expect(rows().first()).toContainText('٢٠ تموز ٢٠١٨');

  await page.getByRole('combobox', { name: ar.year }).selectOption('2017');
  await expectTotal(8);
  await page.getByRole('combobox', { name: ar.month }).selectOption('8');
  await expect(rows()).toHaveCount(2);
  for (const text of ['افتتاح معرض الكتاب السنوي في مكتبة الأسد', 'أزمة النفايات تعود إلى شوارع بيروت']) {
    await expect(list().getByText(text)).toBeVisible();
  }
  await page.getByRole('combobox', { name: ar.year }).selectOption('');
  await expectTotal(22);

  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('most-read');
  await expect(rows().first()).toContainText('قلعة حلب تستقبل');
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('oldest');
  await expect(rows().first()).toContainText('انطلاق العام الدراسي الجديد في مدارس حلب');
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('newest');
  await expect(rows().first()).toContainText('تقرير: عودة الكهرباء');

  // Keyboard: the list takes focus, arrows move, Enter opens, Escape comes back.
  await list().focus();
  await page.keyboard.press('ArrowDown');
  await expect(list()).toHaveAttribute('aria-activedescendant', 'article-row-1');
  await page.keyboard.press('Enter');
  await expect(heading()).toHaveText('المصرف المركزي يثبت سعر صرف الليرة');
  await page.keyboard.press('Escape');
  await expect(list()).toBeFocused();
  await expect(list()).toHaveAttribute('aria-activedescendant', 'article-row-1');
});

test('the ticker moves right, pauses, stands still on request, and its headlines open articles', async () => {
  const marquee = page.getByRole('marquee');
  await expect(marquee).toHaveAttribute('aria-label', /halabtoday\.net/);
  await expect(marquee).toHaveAttribute('aria-label', /٢٣ تموز ٢٠١٨/);
  const track = marquee.locator('.track');
  // A compositor animation on transform, moving to the right (Arabic tickers enter from the left).
  const animation = await track.evaluate((el) => {
    const style = getComputedStyle(el);
    return { name: style.animationName, state: style.animationPlayState };
  });
  expect(animation.name).not.toBe('none');
  expect(animation.state).toBe('running');
  const x0 = await track.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
  await page.waitForTimeout(600);
  const x1 = await track.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
  expect(x1).toBeGreaterThan(x0);
  // Hover pauses it.
  await marquee.hover();
  await expect.poll(() => track.evaluate((el) => getComputedStyle(el).animationPlayState)).toBe('paused');
  await page.mouse.move(10, 500);

  // The day picker walks the stored days of each site.
  const day = page.getByRole('combobox', { name: ar.tickerDay });
  await expect(day.locator('option')).toHaveCount(2);
  await page.getByRole('button', { name: ar.tickerOlder }).click();
  await expect(marquee).toHaveAttribute('aria-label', /٢١ تموز ٢٠١٨/);
  await page.getByRole('combobox', { name: ar.tickerSite }).selectOption('alazmenah.com');
  await expect(marquee).toHaveAttribute('aria-label', /alazmenah\.com.*٢٢ تموز ٢٠١٨/);
  await page.getByRole('combobox', { name: ar.tickerSite }).selectOption('halabtoday.net');
  await expect(marquee).toHaveAttribute('aria-label', /٢٣ تموز ٢٠١٨/);

  // Still: one copy, scrollable by hand; a linked headline opens its article.
  await page.getByRole('button', { name: ar.tickerPause }).click();
  await expect(track).toHaveCSS('animation-name', 'none');
  await marquee.getByRole('button', { name: 'قلعة حلب تستقبل أول مهرجان للموسيقى منذ سنوات' }).click();
  await expect(heading()).toHaveText('قلعة حلب تستقبل أول مهرجان للموسيقى منذ سنوات');

  // A headline with no archived article searches for itself.
  await marquee.getByRole('button', { name: 'عودة التيار الكهربائي إلى أحياء حلب القديمة' }).click();
  await expect(searchBox()).toHaveValue('عودة التيار الكهربائي إلى أحياء حلب القديمة');
  await expect(page.getByRole('heading', { name: ar.results })).toBeVisible();
  await page.getByRole('button', { name: ar.tickerPlay }).click();
  await expect(track).not.toHaveCSS('animation-name', 'none');
  await page.getByRole('button', { name: ar.clearSearch }).click();
  await expect(list()).toBeVisible();
});

test('the reader: Naskh measure, Levantine dates, previous/next by button and key, citation', async () => {
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('oldest');
  await rows().nth(1).click();
  await expect(heading()).toHaveText('معرض بيروت الدولي للكتاب يفتح أبوابه');
  const article = page.locator('article.reading');
  await expect(article.locator('.article-meta')).toContainText('٢ كانون الأول ٢٠١٦');
  await expect(article.locator('.article-meta')).toContainText('levantpost.com');
  await expect(article.locator('p.para')).toHaveCount(2);
  await expect(page.getByText('٢ من ٢٢')).toBeVisible();
  const font = await article.evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('Noto Naskh Arabic');

  // RTL: the left arrow goes forward, the right arrow back; j/k too; and the buttons.
  await page.keyboard.press('ArrowLeft');
  await expect(heading()).toHaveText('بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية');
  await expect(page.getByText('٣ من ٢٢')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(heading()).toHaveText('معرض بيروت الدولي للكتاب يفتح أبوابه');
  await page.keyboard.press('j');
  await expect(heading()).toHaveText('بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية');
  await page.keyboard.press('k');
  await expect(heading()).toHaveText('معرض بيروت الدولي للكتاب يفتح أبوابه');
  await page.getByRole('button', { name: ar.next, exact: true }).click();
  await expect(heading()).toHaveText('بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية');
  await expect(page.locator('article.reading .article-meta')).toContainText('١٦ كانون الأول ٢٠١٦');
  await page.getByRole('button', { name: ar.previous, exact: true }).click();
  await page.getByRole('button', { name: ar.previous, exact: true }).click();
  await expect(page.getByText('١ من ٢٢')).toBeVisible();
  await expect(page.getByRole('button', { name: ar.previous, exact: true })).toBeDisabled();
  await page.getByRole('button', { name: ar.next, exact: true }).click();

  // Snapshots: the file it came from.
  await expect(page.getByRole('region', { name: ar.snapshots })).toContainText('levantpost.com/017_');

  await page.getByRole('button', { name: ar.copyCitation }).click();
  await expect(page.getByRole('status').filter({ hasText: ar.citationCopied })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('«معرض بيروت الدولي للكتاب يفتح أبوابه»');
  expect(copied).toContain('levantpost.com');
  expect(copied).toContain('٢ كانون الأول ٢٠١٦');
  // Where it was archived, in the UI's digits; never a path on this computer.
  expect(copied).toMatch(/محفوظ في أرشيف بتاريخ [٠-٩]+ /);
  expect(copied).not.toContain('ui-corpus');

  await page.getByRole('button', { name: ar.backToList }).click();
  await expect(list()).toBeVisible();
  await page.getByRole('combobox', { name: ar.sortBy }).selectOption('newest');
});

test('a hostile HTML page is shown as text: nothing runs, nothing navigates, nothing leaves', async () => {
  await rows().first().click();
  await expect(heading()).toContainText('تقرير: عودة الكهرباء إلى أحياء حلب الشرقية');
  // Markup in the page is text here.
  await expect(heading()).toContainText(`<img src=x onerror="window.__arshifPwned='title'">`);
  const article = page.locator('article.reading');
  await expect(article).toContainText("<script>window.__arshifPwned='text'</script>");
  await expect(article.locator('img, a, iframe, script, svg, form, object, embed')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __arshifPwned?: unknown }).__arshifPwned)).toBeUndefined();
  expect(page.url().split('#')[0]).toBe(host.url);
  expect(outside).toEqual([]);
  await page.getByRole('button', { name: ar.backToList }).click();
});

test('importing the same folder again from the header: nothing new, everything unchanged', async () => {
  await page.getByRole('button', { name: ar.importFolder }).click();
  const dialog = page.getByRole('dialog', { name: ar.importTitle });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(ar.importPathLabel).fill(`"${fixtureCorpus}"`);
  await dialog.getByRole('button', { name: ar.importStart }).click();
  await expect(dialog.getByRole('heading', { name: ar.importPhase_finished })).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('دون تغيير: ٢٢');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectTotal(22);
});

test('API errors become readable messages, never a blank screen; a missing article says so', async () => {
  await page.route('**/api/show', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'archive-busy', message: 'The archive is being written.' } }) }),
  );
  await rows().nth(1).click();
  const alert = page.locator('.reader').getByRole('alert');
  await expect(alert).toContainText(ar.err_busy);
  // The engine's own words are kept, folded under "technical details".
  await expect(alert.getByText('The archive is being written.')).toBeHidden();
  await alert.getByText(ar.technicalDetails).click();
  await expect(alert.getByText('The archive is being written.')).toBeVisible();
  await page.unroute('**/api/show');
  await page.getByRole('button', { name: ar.retry, exact: true }).click();
  await expect(heading()).toHaveText('المصرف المركزي يثبت سعر صرف الليرة');

  await page.route('**/api/show', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'not-found', message: 'No article with id 2' } }) }),
  );
  await page.getByRole('button', { name: ar.next, exact: true }).click();
  await expect(page.getByRole('heading', { name: ar.articleNotFoundTitle })).toBeVisible();
  await page.unroute('**/api/show');
  await page.getByRole('button', { name: ar.backToList }).click();
});

test.describe('search', () => {
  test.beforeAll(async () => {
    const probe = await host.call('search', { query: 'حلب', limit: 1 });
    searchReady = probe.ok;
  });

  test('results as you type, with marked snippets, across Arabic spellings', async () => {
    test.skip(!searchReady, 'the search module has not landed yet (search answers an error)');
    await page.keyboard.press('/');
    await expect(searchBox()).toBeFocused();
    await page.keyboard.type('حلب');
    await expect(page.getByRole('heading', { name: ar.results })).toBeVisible();
    const hits = page.locator('.hits > li');
    await expect(hits.first()).toBeVisible();
    await expect(hits.first().locator('mark').first()).toBeVisible();
    const marked = await page.locator('.hits mark').allTextContents();
    expect(marked.some((m) => m.includes('حلب'))).toBe(true);
    // بحلب in a body is found by حلب, and بحلب finds حلب.
    await expect(page.locator('.hits')).toContainText('أمطار غزيرة تغمر عدة أحياء بحلب');
    await searchBox().fill('بحلب');
    await expect(page.locator('.hits')).toContainText('قلعة حلب تستقبل أول مهرجان للموسيقى منذ سنوات');
    // Without the hamza: اعادة finds إعادة.
    await searchBox().fill('اعادة افتتاح');
    await expect(page.locator('.hits')).toContainText('إعادة افتتاح سوق المدينة القديم في حلب بعد ترميمه');
    // With and without harakat.
    await searchBox().fill('تستعيد اسواقها');
    await expect(page.locator('.hits')).toContainText('حَلَبُ تَسْتَعِيدُ أَسْوَاقَهَا القَدِيمَةَ');
    await searchBox().fill('تَسْتَعِيدُ');
    await expect(page.locator('.hits')).toContainText('حَلَبُ تَسْتَعِيدُ أَسْوَاقَهَا القَدِيمَةَ');
    await expect(page.locator('.hits mark').first()).toBeVisible();

    // Nothing matches: the empty state says so.
    await searchBox().fill('زقزقةمستحيلة');
    await expect(page.getByText(ar.noResults)).toBeVisible();

    // A hit opens in the reader, and previous/next walk the results.
    await searchBox().fill('حلب');
    await expect(hits.first()).toBeVisible();
    const first = (await hits.first().locator('h2').textContent())?.trim() ?? '';
    const second = (await hits.nth(1).locator('h2').textContent())?.trim() ?? '';
    await hits.first().locator('h2 button').click();
    await expect(heading()).toHaveText(first);
    await page.keyboard.press('ArrowLeft');
    await expect(heading()).toHaveText(second);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: ar.results })).toBeVisible();
  });

  test('facets and the month timeline filter the results', async () => {
    test.skip(!searchReady, 'the search module has not landed yet (search answers an error)');
    const facets = page.getByRole('complementary', { name: ar.facets });
    const siteFacet = facets.getByRole('group', { name: ar.facetSite });
    await siteFacet.getByRole('button', { name: /halabtoday\.net/ }).click();
    const chips = page.getByRole('group', { name: ar.activeFilters });
    await expect(chips.getByRole('button', { name: /halabtoday\.net/ })).toBeVisible();
    await expect.poll(async () => [...new Set(await page.locator('.hits .site').allTextContents())]).toEqual(['halabtoday.net']);

    const bars = page.locator('.timeline .bar:not([disabled])');
    await expect(bars.first()).toBeVisible();
    const month = await bars.first().getAttribute('data-month');
    await bars.first().click();
    await expect(bars.first()).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(async () => {
        const times = await page.locator('.hits time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
        return times.length > 0 && times.every((time) => time.startsWith(`${month}-`));
      })
      .toBe(true);
    await chips.getByRole('button', { name: ar.clearFilters }).click();
    await expect(chips).toBeHidden();

    const yearFacet = facets.getByRole('group', { name: ar.facetYear });
    await yearFacet.getByRole('button').first().click();
    await expect(page.getByRole('group', { name: ar.activeFilters })).toBeVisible();
    await page.getByRole('button', { name: ar.clearSearch }).click();
  });
});

test('screenshots of browse, search and reader, light and dark', async () => {
  test.setTimeout(120_000);
  for (const theme of ['light', 'dark'] as const) {
    await host.call('setSettings', { theme, language: 'ar', digits: 'arabic' });
    await page.emulateMedia({ reducedMotion: 'reduce' }); // a still ticker makes a steady picture
    await page.goto(host.url);
    await expect(list()).toBeVisible();
    await expect(rows().first()).toContainText('تقرير');
    await page.screenshot({ path: screenshotPath(`browse-${theme}`) });

    if (searchReady) {
      await searchBox().fill('حلب');
      await expect(page.locator('.hits > li').first()).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: screenshotPath(`search-${theme}`) });
      await page.getByRole('button', { name: ar.clearSearch }).click();
    }

    await nav().getByRole('button', { name: /alazmenah\.com/ }).click();
    await list().getByText('بوتين يؤكد أن تحرير حلب').click();
    await expect(heading()).toBeVisible();
    await page.locator('.reader-scroll').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`reader-${theme}`) });
  }
  await page.emulateMedia({ reducedMotion: null });
});

test('settings — theme, font size, digits, language — persist across a reload', async () => {
  await host.call('setSettings', { theme: 'light', language: 'ar', digits: 'arabic', fontSize: 18 });
  await page.goto(host.url);
  await page.getByRole('button', { name: ar.settings }).click();
  const dialog = page.getByRole('dialog', { name: ar.settingsTitle });
  await dialog.getByLabel(ar.themeSepia).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await dialog.getByLabel(ar.themeDark).check();
  await dialog.getByRole('button', { name: ar.larger }).click();
  await dialog.getByRole('button', { name: ar.larger }).click();
  await expect(dialog.getByTestId('font-size')).toHaveText('٢٠');
  await dialog.getByLabel(ar.digitsWestern).check();
  await expect(dialog.getByTestId('font-size')).toHaveText('20');
  await dialog.getByLabel(ar.calendarHijri).check();
  await expect(dialog.locator('.sample')).toContainText('ربيع الأول');
  await dialog.getByLabel(ar.calendarGregorian).check();
  await dialog.getByLabel(ar.languageEn).check();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('dialog', { name: en.settingsTitle })).toBeVisible();
  // The font size is saved after a short pause.
  await expect.poll(async () => ((await host.call<{ fontSize: number }>('getSettings')) as { value: { fontSize: number } }).value.fontSize).toBe(20);

  await page.reload();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  expect(await html.evaluate((el) => el.style.getPropertyValue('--reading-size'))).toBe('20px');
  await expect(page.locator('.browse .count')).toHaveText('22 articles');
  await expect(page.getByRole('navigation', { name: en.mainNav })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: en.searchLabel })).toBeVisible();
  const bg = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(22, 24, 27)');
  // In English the arrows follow LTR: right is next.
  await page.getByRole('listbox', { name: en.articleList }).getByRole('option').first().click();
  const first = await heading().textContent();
  await page.keyboard.press('ArrowRight');
  await expect(heading()).not.toHaveText(first ?? '');
  await expect(page.getByText('2 of 22')).toBeVisible();

  // A change made elsewhere (another window, the desktop menu) arrives as settingsChanged.
  await host.call('setSettings', { theme: 'sepia', language: 'ar' });
  await expect(html).toHaveAttribute('data-theme', 'sepia');
  await expect(html).toHaveAttribute('dir', 'rtl');

  // Back to the defaults for whoever runs next.
  await host.call('setSettings', { theme: 'system', language: 'ar', digits: 'arabic', fontSize: 18 });
});

test('nothing left 127.0.0.1 and no script error surfaced', async () => {
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
});
