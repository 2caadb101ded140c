import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmp.js';
import { checkElectronSource, checkRendererHtml, checkRequiredGuards } from './electron-security-rules.js';

function filesUnder(folder: string, extension: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => path.join(folder, name));
}

const appSources = filesUnder(path.join(repoRoot, 'src-main', 'app'), '.ts').map((file) => ({
  file: path.relative(repoRoot, file),
  source: fs.readFileSync(file, 'utf8'),
}));

describe('the Electron shell (src-main/app)', () => {
  it('has sources, and at least one window to check', () => {
    expect(appSources.length).toBeGreaterThan(0);
    expect(appSources.some(({ source }) => source.includes('new BrowserWindow('))).toBe(true);
  });

  it('keeps every window sandboxed and isolated, without Node, <webview> or weakened web security', () => {
    expect(appSources.flatMap(({ file, source }) => checkElectronSource(file, source))).toEqual([]);
  });

  it('installs every shell-wide guard', () => {
    expect(checkRequiredGuards(appSources)).toEqual([]);
  });
});

describe('the renderer pages (src-renderer/*.html)', () => {
  const pages = fs.readdirSync(path.join(repoRoot, 'src-renderer')).filter((name) => name.endsWith('.html'));

  it('exist', () => {
    expect(pages).toContain('index.html');
  });

  for (const page of pages) {
    it(`${page} carries a strict CSP meta tag`, () => {
      expect(checkRendererHtml(page, fs.readFileSync(path.join(repoRoot, 'src-renderer', page), 'utf8'))).toEqual([]);
    });
  }
});

describe('the checker catches bad code (negative tests)', () => {
  const messages = (source: string) => checkElectronSource('bad.ts', source).map((v) => v.message);

  it('a window that loses the sandbox or context isolation', () => {
    expect(messages(`new BrowserWindow({ webPreferences: { sandbox: false, contextIsolation: true } });`)).toEqual([
      'webPreferences.sandbox must be the literal true',
    ]);
    expect(messages(`new BrowserWindow({ webPreferences: { sandbox: true } });`)).toEqual(['webPreferences.contextIsolation must be set to true']);
    expect(messages(`new electron.BrowserWindow({ webPreferences: { sandbox: isDev, contextIsolation: true } });`)).toEqual([
      'webPreferences.sandbox must be the literal true',
    ]);
  });

  it('a window that gains Node, <webview> or disables web security', () => {
    const found = messages(`
      const w = new BrowserWindow({
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: true, webviewTag: true, webSecurity: false, allowRunningInsecureContent: true },
      });`);
    expect(found).toEqual([
      'webPreferences.nodeIntegration must be absent or the literal false',
      'webPreferences.webviewTag must be absent or the literal false',
      'webPreferences.webSecurity must be absent or the literal true',
      'webPreferences.allowRunningInsecureContent must be absent or the literal false',
    ]);
  });

  it('settings hidden from the checker: variables, spreads, missing webPreferences', () => {
    expect(messages(`new BrowserWindow(options);`)).toEqual([
      'BrowserWindow options must be an inline object literal, so their security settings can be checked',
    ]);
    expect(messages(`new BrowserWindow({ width: 3 });`)).toEqual(['BrowserWindow needs explicit webPreferences (sandbox, contextIsolation)']);
    expect(messages(`new BrowserWindow({ webPreferences: prefs });`)).toEqual(['webPreferences must be an inline object literal, so its settings can be checked']);
    expect(messages(`new BrowserWindow({ webPreferences: { ...unsafe, sandbox: true, contextIsolation: true } });`)).toEqual([
      'webPreferences must not spread other objects: every setting has to be visible here',
    ]);
    expect(messages(`contents.setWindowOpenHandler(() => ({ action: 'allow', overrideBrowserWindowOptions: { webPreferences: { nodeIntegration: true } } }));`)).toContain(
      'webPreferences.nodeIntegration must be absent or the literal false',
    );
  });

  it('file:// loading and stray openExternal calls', () => {
    expect(messages(`win.loadFile('index.html'); win.loadURL('file:///x/index.html'); shell.openExternal(url);`)).toEqual([
      'the renderer is loaded from app://, never from file://',
      'file:// URLs are not used by the shell',
      'shell.openExternal only in external-links.ts (http(s) only, after confirmation)',
    ]);
  });

  it('a shell without its guards', () => {
    const missing = checkRequiredGuards([{ file: 'main.ts', source: `app.whenReady().then(() => new BrowserWindow({}));` }]);
    expect(missing.map((v) => v.message)).toContain('app.enableSandbox() must sandbox every renderer');
    expect(missing).toHaveLength(8);
  });

  it('renderer HTML without a CSP, with a weak one, or with inline script', () => {
    expect(checkRendererHtml('a.html', '<html><head><title>x</title></head></html>').map((v) => v.message)).toEqual([
      'no <meta http-equiv="Content-Security-Policy"> tag',
    ]);
    const weak = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src *">`;
    expect(checkRendererHtml('b.html', weak).map((v) => v.message)).toEqual([
      "CSP script-src must be exactly 'self' (no inline, no eval, no hosts)",
      "CSP object-src must be 'none'",
      "CSP connect-src must be 'self' only (the app is offline)",
    ]);
    const inline = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'"><script>alert(1)</script>`;
    expect(checkRendererHtml('c.html', inline).map((v) => v.message)).toEqual(['inline <script> is not allowed (the CSP forbids it; move it to a file)']);
  });
});
