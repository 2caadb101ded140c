/**
 * The loopback host in a real Chromium: the built renderer loads under the strict CSP, the page's own
 * `/api` calls and event stream work, and the page never reaches for any other origin.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/common/security.js';
import { runCliToEnd, startServe, type ServeProcess } from '../../helpers/arshif-serve.js';

const sample = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'pages', 'alazmenah-sample.txt');
const rendererBuilt = fs.existsSync(path.resolve(import.meta.dirname, '..', '..', '..', 'out', 'renderer', 'index.html'));
const TOKEN = 'e2e-token-0123456789abcdef';

let dir = '';
let archive = '';

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-e2e-host-'));
  archive = path.join(dir, 'e2e.arshif');
  const imported = await runCliToEnd(['import', sample, '--archive', archive, '--json'], { XDG_CONFIG_HOME: path.join(dir, 'config') });
  expect(imported.code, imported.stderr).toBe(0);
});

test.afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Records every request the page makes; anything not addressed to the host is aborted and remembered. */
async function watchRequests(page: Page, origin: string): Promise<{ all: string[]; foreign: string[]; cspViolations: string[] }> {
  const seen = { all: [] as string[], foreign: [] as string[], cspViolations: [] as string[] };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    seen.all.push(url);
    if (url.startsWith(origin) || url.startsWith('data:')) await route.continue();
    else {
      seen.foreign.push(url);
      await route.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.cspViolations.push(message.text());
  });
  return seen;
}

test.describe('arshif serve in a browser', () => {
  let served: ServeProcess;
  test.beforeAll(async () => {
    served = await startServe(['--archive', archive, '--port', '0'], { XDG_CONFIG_HOME: path.join(dir, 'config') });
  });
  test.afterAll(async () => {
    expect(await served?.stop()).toBe(0);
  });

  test('the page loads with the CSP and security headers', async ({ page }) => {
    const origin = served.url.replace(/\/$/, '');
    const requests = await watchRequests(page, origin);
    const response = await page.goto(served.signInUrl); // signs in, then lands on the page itself
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(served.url);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    if (rendererBuilt) {
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
      await expect(page.locator('#app')).not.toBeEmpty();
      // the whole way round: page → /api → host → archive worker → archive, and back into the UI
      await expect(page.getByText('بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
    } else {
      await expect(page.locator('body')).toContainText('npm run build');
    }
    expect(requests.cspViolations).toEqual([]);
    expect(requests.foreign).toEqual([]);
    expect(requests.all.length).toBeGreaterThan(0);
  });

  test('the page calls /api and receives events', async ({ page }) => {
    await page.goto(served.signInUrl);
    const list = await page.evaluate(async () => {
      const response = await fetch('/api/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return response.json();
    });
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
    const bad = await page.evaluate(async () => (await fetch('/api/show', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"x"}' })).json());
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('"id"') } });
    const event = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const source = new EventSource('/api/events');
          source.addEventListener('settingsChanged', (e) => {
            source.close();
            resolve(JSON.parse((e as MessageEvent<string>).data));
          });
          source.onopen = () =>
            void fetch('/api/setSettings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"fontSize": 20}' });
        }),
    );
    expect(event).toMatchObject({ fontSize: 20 });
  });

  test('the CSP stops the page from reaching any other origin', async ({ page }) => {
    const origin = served.url.replace(/\/$/, '');
    const requests = await watchRequests(page, origin);
    await page.goto(served.signInUrl);
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('http://arshif-test.invalid/leak', { mode: 'no-cors' });
        return 'sent';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    expect(requests.foreign).toEqual([]);
  });
});

test.describe('arshif serve with a token of its own (ARSHIF_TOKEN)', () => {
  let served: ServeProcess;
  test.beforeAll(async () => {
    served = await startServe(['--archive', archive, '--port', '0'], { XDG_CONFIG_HOME: path.join(dir, 'config'), ARSHIF_TOKEN: TOKEN });
  });
  test.afterAll(async () => {
    await served?.stop();
  });

  test('refuses a browser without the token, signs it in with ?token=, then the page works', async ({ page }) => {
    const refused = await page.goto(served.url);
    expect(refused?.status()).toBe(401);
    const signedIn = await page.goto(`${served.url}?token=${TOKEN}`);
    expect(signedIn?.status()).toBe(200);
    expect(page.url()).toBe(served.url);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'arshif_token')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.goto(`${served.url}.//arshif-test.invalid/x?token=${TOKEN}`);
    expect(new URL(page.url()).host).toBe(new URL(served.url).host); // the sign-in never sends the browser elsewhere
    const info = await page.evaluate(async () => (await fetch('/api/archiveInfo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json());
    expect(info).toMatchObject({ ok: true, value: { articles: 1 } });
  });
});
