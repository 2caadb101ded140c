/**
 * The renderer inside the desktop shell talks to `window.arshif` (the preload's bridge), never to
 * HTTP, and takes dropped folders by their paths (`pathsForFiles`). Electron cannot run here, so a
 * stand-in bridge is installed before the page loads; it forwards to the real host and logs calls.
 */
import { expect, test } from '@playwright/test';
import { messages } from '../../../src-renderer/lib/i18n.js';
import { fixtureCorpus, useHost } from './harness.js';

const ar = messages.ar;
const host = useHost();

test('calls go through window.arshif; a folder dropped on the window is imported by its path', async ({ page }) => {
  await page.addInitScript((droppedPath: string) => {
    const w = window as unknown as Record<string, unknown>;
    const calls: Array<{ method: string; args: unknown }> = [];
    const dropped: string[] = [];
    w.__bridgeCalls = calls;
    w.__dropped = dropped;
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    let source: EventSource | null = null;
    const on = (event: string, listener: (payload: unknown) => void) => {
      if (!source) {
        source = new EventSource('/api/events');
        for (const name of ['importProgress', 'archiveChanged', 'settingsChanged']) {
          source.addEventListener(name, (e) => {
            for (const l of listeners.get(name) ?? []) l(JSON.parse((e as MessageEvent<string>).data));
          });
        }
      }
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    };
    const pathsForFiles = (files: readonly File[]) => {
      for (const f of files) dropped.push(f.name);
      return [droppedPath];
    };
    w.arshif = new Proxy(
      {},
      {
        get: (_target, name: string) => {
          if (name === 'on') return on;
          if (name === 'pathsForFiles') return pathsForFiles;
          return async (args: unknown) => {
            calls.push({ method: name, args });
            const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}) });
            return response.json();
          };
        },
      },
    );
  }, fixtureCorpus);

  await page.goto(host().url);
  await expect(page.getByRole('heading', { name: ar.firstRunTitle })).toBeVisible();
  // The desktop knows dropped paths: the drop zone says the whole window takes them.
  await expect(page.getByText(ar.importDropWindow)).toBeVisible();

  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'alazmenah.com'));
    return dt;
  });
  await page.locator('main').dispatchEvent('dragenter', { dataTransfer: transfer });
  await page.locator('main').dispatchEvent('drop', { dataTransfer: transfer });

  const dialog = page.getByRole('dialog', { name: ar.importTitle });
  await expect(dialog.getByRole('heading', { name: ar.importPhase_finished })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('import-articles')).toContainText('مقالات جديدة: ٢٢');

  const { calls, dropped } = await page.evaluate(() => {
    const w = window as unknown as { __bridgeCalls: Array<{ method: string; args: unknown }>; __dropped: string[] };
    return { calls: w.__bridgeCalls, dropped: w.__dropped };
  });
  expect(dropped).toEqual(['alazmenah.com']);
  expect(calls.find((c) => c.method === 'import')?.args).toEqual({ paths: [fixtureCorpus] });
  for (const method of ['getSettings', 'stats', 'list', 'importReport']) expect(calls.map((c) => c.method)).toContain(method);
  await dialog.getByRole('button', { name: ar.close }).click();
  await expect(page.getByRole('listbox', { name: ar.articleList }).getByRole('option').first()).toBeVisible();
});

test('without server-sent events, an import is followed by polling importStatus', async ({ page }) => {
  await page.route('**/api/events', (route) => route.abort('connectionrefused'));
  const polled: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/importStatus')) polled.push(request.url());
  });
  await page.goto(host().url);
  await page.getByRole('button', { name: ar.importFolder }).click();
  const dialog = page.getByRole('dialog', { name: ar.importTitle });
  await dialog.getByLabel(ar.importPathLabel).fill(fixtureCorpus);
  await dialog.getByRole('button', { name: ar.importStart }).click();
  await expect(dialog.getByRole('heading', { name: ar.importPhase_finished })).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('دون تغيير: ٢٢');
  await expect(dialog.getByText(ar.reason_empty, { exact: true })).toBeVisible();
  expect(polled.length).toBeGreaterThan(1);
});
