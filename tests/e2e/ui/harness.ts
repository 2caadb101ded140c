/**
 * Shared plumbing of the UI tests: build the renderer when its sources changed, run the real host
 * (`arshif serve`) on a temporary archive as a child process, and keep every request on loopback.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type BrowserContext, type Page, type Request } from '@playwright/test';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const fixtureCorpus = path.join(repoRoot, 'tests/fixtures/ui-corpus');
export const screenshotsDir = path.join(repoRoot, 'docs/screenshots');
const rendererOut = path.join(repoRoot, 'out/renderer');
const tsxCli = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds out/renderer unless it is newer than every renderer source. `electron-vite build` first (the
 * real build); if the Electron entries do not build, the renderer-only config next to this file.
 */
export function ensureRendererBuilt(): void {
  const index = path.join(rendererOut, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'src-renderer')),
    newestMtime(path.join(repoRoot, 'src-main/common')),
    fs.statSync(path.join(repoRoot, 'svelte.config.js')).mtimeMs,
  );
  if (process.env.ARSHIF_UI_SKIP_BUILD === '1' && fs.existsSync(index)) return;
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  try {
    execFileSync(npx, ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'pipe', timeout: 300_000 });
    if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  } catch {
    /* the shell's entries may not build on their own yet: build the renderer alone */
  }
  execFileSync(npx, ['vite', 'build', '--config', path.join(import.meta.dirname, 'vite.renderer.config.ts')], {
    cwd: repoRoot,
    stdio: 'pipe',
    timeout: 300_000,
  });
}

export interface RunningHost {
  url: string;
  /** The host's access token (every request needs it: a Bearer header or the sign-in cookie). */
  token: string;
  archive: string;
  dir: string;
  stop(): Promise<void>;
  /** Gives a browser context the host's sign-in cookie, as opening the printed `?token=` URL once does. */
  signIn(context: BrowserContext): Promise<void>;
  call<T = unknown>(method: string, args?: object): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
}

/** A token for a host the tests start (the host needs one; the tests pass it as ARSHIF_TOKEN). */
export function newHostToken(): string {
  return randomBytes(18).toString('base64url');
}

/** The cookie a browser gets from the host's `?token=` sign-in. */
export function signInCookie(token: string) {
  return { name: 'arshif_token', value: token, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Strict' as const };
}

/**
 * `arshif serve --archive <tmp>/ui.arshif --port 0 --allow-file-access` (the UI's first run imports a
 * folder by path), with its own config folder (settings) and access token.
 */
export async function startHost(options: { archive?: string; token?: string } = {}): Promise<RunningHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-ui-'));
  const archive = options.archive ?? path.join(dir, 'ui.arshif');
  const token = options.token ?? newHostToken();
  const child: ChildProcess = spawn(process.execPath, [tsxCli, 'src-main/cli/main.ts', 'serve', '--archive', archive, '--port', '0', '--allow-file-access'], {
    cwd: repoRoot,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), ARSHIF_RENDERER_DIR: rendererOut, ARSHIF_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const signInUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the host did not print its URL in time.\n${stderr}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before printing its URL.\n${stderr}`));
    });
  });
  if (signInUrl !== `${signInUrl.split('?')[0]}?token=${token}` || !/^http:\/\/127\.0\.0\.1:\d+\/\?/.test(signInUrl)) {
    throw new Error(`unexpected host URL: ${signInUrl}`);
  }
  const url = signInUrl.split('?')[0]!;

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid, 'SIGTERM');
    const timeout = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 10_000));
    if ((await Promise.race([exited, timeout])) === 'late') process.kill(-child.pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const call: RunningHost['call'] = async (method, args = {}) => {
    const response = await fetch(`${url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(args),
    });
    return (await response.json()) as never;
  };

  const signIn = (context: BrowserContext) => context.addCookies([signInCookie(token)]);

  return { url, token, archive, dir, stop, signIn, call };
}

/**
 * Records every request the page makes and refuses any that would leave loopback, so a test can
 * assert that nothing tried to (and nothing ever actually does).
 */
export async function guardNetwork(page: Page): Promise<string[]> {
  const outside: string[] = [];
  const isLocal = (url: string): boolean => {
    try {
      const u = new URL(url);
      if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
      return u.hostname === '127.0.0.1';
    } catch {
      return false;
    }
  };
  page.on('request', (request: Request) => {
    if (!isLocal(request.url())) outside.push(request.url());
  });
  await page.route(
    (url) => !isLocal(url.toString()),
    (route) => route.abort('blockedbyclient'),
  );
  return outside;
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  return path.join(screenshotsDir, `${name}.png`);
}

/**
 * Starts the real host (renderer built first) before a file's tests and stops it after them; every
 * page of the file's tests is signed in to it (its cookie is in each context's storage state).
 */
export function useHost(): () => RunningHost {
  let host: RunningHost | undefined;
  const token = newHostToken();
  test.use({ storageState: { cookies: [signInCookie(token)], origins: [] } });
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    ensureRendererBuilt();
    host = await startHost({ token });
  });
  test.afterAll(async () => {
    await host?.stop();
  });
  return () => {
    if (!host) throw new Error('The host has not started.');
    return host;
  };
}
