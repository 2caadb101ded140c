/**
 * Accessibility with axe-core against the real host: no violation at all (of any impact, best
 * practices included) on the first run (import by path), the import dialog, browse, search with
 * results, the reader (opened from a search, with its highlights), the not-found page, the settings
 * dialog and — in a narrow window — the sites drawer and the filters disclosure; in Arabic and in
 * English, in the light, dark and sepia themes. A failure lists every violation with its rule,
 * impact, help text and the selectors of the offending nodes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Language, Theme } from '../../../src-main/common/types.js';
import { messages } from '../../../src-renderer/lib/i18n.js';
import { ensureRendererBuilt, fixtureCorpus, guardNetwork, startHost, type RunningHost } from './harness.js';

test.describe.configure({ mode: 'serial' });

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];


let host: RunningHost;
let context: BrowserContext;
let page: Page;
let outside: string[] = [];
const pageErrors: string[] = [];
let searchReady = false;

/** Runs axe on the page (or inside `include`) and returns every violation, described. */
async function blockingViolations(include?: string): Promise<{ count: number; report: string }> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const blocking: Violation[] = results.violations;
  const report = blocking
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `      ${n.target.map(String).join(' >> ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})\n${nodes}${more}`;
    })
    .join('\n');
  return { count: blocking.length, report };
}

async function expectAccessible(label: string, include?: string): Promise<void> {
  const { count, report } = await blockingViolations(include);
  expect.soft(count, `axe found violations on ${label}:\n${report}`).toBe(0);
}

async function useSettings(language: Language, theme: Theme): Promise<void> {
  const result = await host.call('setSettings', { language, theme, digits: language === 'ar' ? 'arabic' : 'western' });
  expect(result.ok).toBe(true);
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  ensureRendererBuilt();
  host = await startHost();
  context = await browser.newContext({ viewport: { width: 1360, height: 850 }, locale: 'ar', reducedMotion: 'reduce' });
  await host.signIn(context);
  page = await context.newPage();
  outside = await guardNetwork(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

test.afterAll(async () => {
  await context?.close();
  await host?.stop();
});

test('first run and the import report (Arabic)', async () => {
  const ar = messages.ar;
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: ar.firstRunTitle })).toBeVisible();
  await expectAccessible('the first-run view (ar)');

  await page.getByLabel(ar.importPathLabel).fill(fixtureCorpus);
  await page.getByRole('button', { name: ar.importStart }).click();
  const dialog = page.getByRole('dialog', { name: ar.importTitle });
  await expect(dialog.getByRole('heading', { name: ar.importPhase_finished })).toBeVisible({ timeout: 30_000 });
  // The finished report with its rejected files.
  await expect(dialog.getByText(ar.reason_empty, { exact: true })).toBeVisible();
  await expectAccessible('the import report dialog (ar)');
  await dialog.getByRole('button', { name: ar.close }).click();
  await expect(dialog).toBeHidden();

  const probe = await host.call('search', { query: 'حلب', limit: 1 });
  searchReady = probe.ok;
});

for (const language of ['ar', 'en'] as const) {
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    test.describe(`${language}, ${theme}`, () => {
      const m = messages[language];
      const list = () => page.getByRole('listbox', { name: m.articleList });

      test('browse', async () => {
        await useSettings(language, theme);
        await expect(list().getByRole('option').first()).toBeVisible();
        await expectAccessible(`browse (${language}, ${theme})`);
        // A site chosen in the sidebar, with a year filter: other states of the same view.
        await page.getByRole('navigation', { name: m.mainNav }).getByRole('button', { name: /halabtoday\.net/ }).click();
        await expect(page.locator('#browse-heading')).toHaveText('halabtoday.net');
        await list().focus();
        await page.keyboard.press('ArrowDown');
        await expectAccessible(`browse, one site, a row active (${language}, ${theme})`);
      });

      test('search with results', async () => {
        test.skip(!searchReady, 'the host answers search with an error');
        await page.getByRole('searchbox', { name: m.searchLabel }).fill('حلب');
        await expect(page.getByRole('heading', { name: m.results })).toBeVisible();
        await expect(page.locator('.hits > li').first()).toBeVisible();
        await expect(page.locator('.hits mark').first()).toBeVisible();
        await expectAccessible(`search results (${language}, ${theme})`);
        // With a facet chosen (active-filter chips, pressed buttons).
        await page
          .getByRole('complementary', { name: m.facets })
          .getByRole('group', { name: m.facetSite })
          .getByRole('button', { name: /halabtoday\.net/ })
          .click();
        await expect(page.getByRole('group', { name: m.activeFilters })).toBeVisible();
        await expectAccessible(`search results with a facet (${language}, ${theme})`);
        // Nothing found.
        await page.getByRole('searchbox', { name: m.searchLabel }).fill('زقزقةمستحيلة');
        await expect(page.getByText(m.noResults)).toBeVisible();
        await expectAccessible(`search without results (${language}, ${theme})`);
        await page.getByRole('button', { name: m.clearSearch }).click();
        await expect(list()).toBeVisible();
      });

      test('reader', async () => {
        await page.getByRole('navigation', { name: m.mainNav }).getByRole('button', { name: /alazmenah\.com/ }).click();
        await list().getByText('بوتين يؤكد أن تحرير حلب').click();
        await expect(page.locator('#article-title')).toBeVisible();
        await expect(page.getByRole('region', { name: m.snapshots })).toBeVisible();
        await expectAccessible(`the reader (${language}, ${theme})`);
        await page.getByRole('button', { name: m.backToList }).click();
        await expect(list()).toBeVisible();
      });

      test('the reader opened from a search (highlights), and pages that are not there', async () => {
        test.skip(!searchReady, 'the host answers search with an error');
        await page.getByRole('searchbox', { name: m.searchLabel }).fill('حلب');
        await page.locator('.hits .hit-title button').first().click();
        await expect(page.locator('article.reading mark').first()).toBeVisible();
        await expectAccessible(`the reader with a search's words marked (${language}, ${theme})`);
        await page.goto(`${host.url}#/article/999999`);
        await expect(page.getByRole('heading', { name: m.articleNotFoundTitle })).toBeVisible();
        await expectAccessible(`an article that is not in the archive (${language}, ${theme})`);
        await page.goto(`${host.url}#/no/such/place`);
        await expect(page.getByRole('heading', { name: m.notFoundTitle })).toBeVisible();
        await expectAccessible(`an address that leads nowhere (${language}, ${theme})`);
        await page.getByRole('button', { name: m.goToList }).click();
        await expect(list()).toBeVisible();
      });

      test('a narrow window: the sites drawer and the filters disclosure; a lost connection', async () => {
        await page.setViewportSize({ width: 700, height: 800 });
        try {
          await page.getByRole('button', { name: m.openNav }).click();
          const drawer = page.getByRole('dialog', { name: m.mainNav });
          await expect(drawer.getByRole('navigation', { name: m.mainNav })).toBeVisible();
          await expectAccessible(`the sites drawer (${language}, ${theme})`);
          await drawer.getByRole('button', { name: /levantpost\.com/ }).click();
          await expect(drawer).toBeHidden();
          await expect(page.locator('#browse-heading')).toHaveText('levantpost.com');
          await expectAccessible(`browse in a narrow window (${language}, ${theme})`);
          if (searchReady) {
            await page.getByRole('searchbox', { name: m.searchLabel }).fill('حلب');
            await expect(page.locator('.hits > li').first()).toBeVisible();
            await page.getByText(m.filters, { exact: true }).click();
            await expect(page.getByRole('group', { name: m.facetSite })).toBeVisible();
            await expectAccessible(`search in a narrow window, filters open (${language}, ${theme})`);
            await page.getByRole('button', { name: m.clearSearch }).click();
          }
          await page.route('**/api/**', (route) => route.abort('connectionrefused'));
          await page.getByRole('searchbox', { name: m.searchLabel }).fill('دمشق');
          await expect(page.getByText(m.disconnected)).toBeVisible();
          await expectAccessible(`the connection notice (${language}, ${theme})`);
          await page.unroute('**/api/**');
          // The notice's own timer may reconnect first (its first retry comes after a second): then there is no button left to press.
          await page
            .getByRole('button', { name: m.retryNow })
            .click({ timeout: 5_000 })
            .catch(async (error: unknown) => {
              if (await page.getByText(m.disconnected).isVisible()) throw error;
            });
          await expect(page.getByText(m.disconnected)).toBeHidden();
          await page.getByRole('button', { name: m.clearSearch }).click();
        } finally {
          await page.setViewportSize({ width: 1360, height: 850 });
        }
      });

      test('import dialog and settings dialog', async () => {
        await page.getByRole('button', { name: m.importFolder }).click();
        const importDialog = page.getByRole('dialog', { name: m.importTitle });
        await expect(importDialog).toBeVisible();
        await expectAccessible(`the import dialog (${language}, ${theme})`);
        await page.keyboard.press('Escape');
        await expect(importDialog).toBeHidden();

        await page.getByRole('button', { name: m.settings, exact: true }).click();
        const settingsDialog = page.getByRole('dialog', { name: m.settingsTitle });
        await expect(settingsDialog).toBeVisible();
        await expectAccessible(`the settings dialog (${language}, ${theme})`);
        await page.keyboard.press('Escape');
        await expect(settingsDialog).toBeHidden();
      });
    });
  }
}

test('the language switch in the settings dialog leaves an accessible page', async () => {
  await useSettings('ar', 'light');
  await page.getByRole('button', { name: messages.ar.settings, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: messages.ar.settingsTitle });
  await dialog.getByLabel(messages.ar.languageEn).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('dialog', { name: messages.en.settingsTitle })).toBeVisible();
  await expectAccessible('the settings dialog right after switching to English');
  await page.keyboard.press('Escape');
  await expectAccessible('browse right after switching to English');
  // Back to the defaults.
  await host.call('setSettings', { theme: 'system', language: 'ar', digits: 'arabic', fontSize: 18 });
});

test('nothing left 127.0.0.1 and no script error surfaced', async () => {
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
});
