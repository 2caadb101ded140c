import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../src-main/common/api.js';
import { checkIpcCall } from '../../../src-main/app/ipc-request.js';
import { externalLinkTarget, isAllowedRequest, isAppUrl } from '../../../src-main/app/policy.js';
import { taskbarProgressOf } from '../../../src-main/app/taskbar-progress.js';
import type { ImportProgress } from '../../../src-main/common/types.js';

describe('the network policy: offline by design', () => {
  it('allows only the app, DevTools and data: URLs', () => {
    for (const url of ['app://arshif/index.html', 'app://arshif/assets/x.js', 'devtools://devtools/bundled/x.html', 'data:image/png;base64,AA==']) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'ws://localhost:5173/', 'file:///etc/passwd', 'app://other/index.html', 'blob:app://arshif/x', 'ftp://x', 'not a url']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('allows the Vite dev server only when one is configured (never in a packaged app)', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('recognises the app origin exactly', () => {
    expect(isAppUrl('app://arshif/')).toBe(true);
    expect(isAppUrl('app://arshif.evil/')).toBe(false);
    expect(isAppUrl('https://arshif/')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('hands only plain http(s) links to the system browser', () => {
    expect(externalLinkTarget('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(externalLinkTarget('http://example.com')).toBe('http://example.com/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://arshif/', 'https://user:pw@example.com/', 'mailto:a@b.c']) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});

describe('IPC calls', () => {
  const window = { url: 'app://arshif/index.html', isMainFrame: true };

  it('pass when they come from the app window and fit the contract', () => {
    expect(checkIpcCall(window, { method: 'list', args: { limit: 3 } })).toEqual({ ok: true, method: 'list', args: { limit: 3 } });
    expect(checkIpcCall(window, { method: 'archiveInfo' })).toEqual({ ok: true, method: 'archiveInfo', args: {} });
    for (const method of methodNames) expect(checkIpcCall(window, { method, args: { bogus: 1 } }).ok).toBe(false);
  });

  it('are refused from any other frame or origin', () => {
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://arshif/index.html', isMainFrame: false },
      { url: 'file:///tmp/x.html', isMainFrame: true },
      { url: undefined, isMainFrame: true },
    ]) {
      expect(checkIpcCall(sender, { method: 'list', args: {} })).toMatchObject({ ok: false, answer: { ok: false, error: { code: 'forbidden' } } });
    }
  });

  it('are refused when malformed, naming the field', () => {
    expect(checkIpcCall(window, 'list')).toMatchObject({ ok: false, answer: { error: { code: 'bad-request' } } });
    expect(checkIpcCall(window, { method: '__proto__' })).toMatchObject({ ok: false, answer: { error: { code: 'unknown-method' } } });
    expect(checkIpcCall(window, { method: 'toString' })).toMatchObject({ ok: false, answer: { error: { code: 'unknown-method' } } });
    expect(checkIpcCall(window, { method: 'show', args: { id: 'x' } })).toMatchObject({
      ok: false,
      answer: { error: { code: 'bad-request', message: expect.stringContaining('field "id"') } },
    });
  });
});

describe('taskbar progress', () => {
  const progress = (phase: ImportProgress['phase'], filesDone: number, filesTotal: number, bytes = { done: 0, total: 0 }): ImportProgress => ({
    importId: 1, phase, filesDone, filesTotal, recordsDone: 0, elapsedMs: 0, pagesPerSecond: 0, bytesPerSecond: 0, etaMs: null,
    articlesAdded: 0, articlesUpdated: 0, unchanged: 0, duplicates: 0, rejected: 0, bytesDone: bytes.done, bytesTotal: bytes.total, skipped: {},
  });
  it('goes by bytes when the input has a size (one big crawl is one file)', () => {
    expect(taskbarProgressOf(progress('importing', 0, 1, { done: 300, total: 1200 }))).toBe(0.25);
  });
  it('is a fraction while importing, indeterminate while scanning, gone when done', () => {
    expect(taskbarProgressOf(progress('importing', 25, 100))).toBe(0.25);
    expect(taskbarProgressOf(progress('scanning', 0, 0))).toBe(2);
    expect(taskbarProgressOf(progress('finished', 100, 100))).toBe(-1);
    expect(taskbarProgressOf(progress('cancelled', 10, 100))).toBe(-1);
    expect(taskbarProgressOf(null)).toBe(-1);
  });
});
