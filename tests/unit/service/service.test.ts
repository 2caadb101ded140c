import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEventMessage } from '../../../src-main/common/bridge.js';
import { ArshifError } from '../../../src-main/common/result.js';
import { createService, type MethodHandlers } from '../../../src-main/core/service/index.js';
import { failureOf } from '../../../src-main/core/service/errors.js';
import { samplePagePath, useTempDir } from '../../helpers/tmp.js';

function pagesFolder(dir: string, count: number): string {
  const folder = path.join(dir, 'pages', 'alazmenah.com');
  fs.mkdirSync(folder, { recursive: true });
  const sample = fs.readFileSync(samplePagePath, 'utf8');
  for (let i = 0; i < count; i++) {
    const page = sample.replace('بوتين يؤكد أن تحرير حلب', `بوتين يؤكد أن تحرير حلب ${i}`);
    fs.writeFileSync(path.join(folder, `${String(i).padStart(4, '0')}_${i.toString(16).padStart(16, '0')}.txt`), page);
  }
  return path.join(dir, 'pages');
}

describe('createService', () => {
  const tmp = useTempDir();
  const start = (events: ApiEventMessage[] = []) =>
    createService({
      configDir: path.join(tmp(), 'config'),
      initialArchive: { kind: 'path', path: path.join(tmp(), 'a.arshif'), create: true },
      parseWorkers: 0,
      importBatchSize: 10,
      onEvent: (m) => events.push(m),
    });

  it('answers unknown methods and bad arguments with envelopes, never throwing', async () => {
    const service = start();
    expect(await service.call('dropTables', {})).toEqual({ ok: false, error: { code: 'unknown-method', message: 'Unknown API method "dropTables".' } });
    expect(await service.call('show', { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^show: field "id"/) } });
    expect(await service.call('list', null)).toMatchObject({ ok: true });
    expect(await service.call('show', { id: 12345 })).toEqual({ ok: false, error: { code: 'not-found', message: 'No article with id 12345' } });
    await service.close();
  });

  it('runs an import in the background, reports progress, refuses a second one, and cancels', async () => {
    const events: ApiEventMessage[] = [];
    const service = start(events);
    const folder = pagesFolder(tmp(), 120);
    const started = await service.call('import', { paths: [folder] });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const { importId } = started.value;
    expect(await service.call('import', { paths: [folder] })).toMatchObject({ ok: false, error: { code: 'archive-busy' } });
    expect(await service.call('openArchive', { path: path.join(tmp(), 'a.arshif') })).toMatchObject({ ok: false, error: { code: 'archive-busy' } });
    expect(await service.call('cancelImport', { importId })).toEqual({ ok: true, value: { cancelled: true } });
    await service.close(); // waits for the import to stop
    const phases = events.filter((e) => e.event === 'importProgress').map((e) => (e.payload as { phase: string }).phase);
    expect(phases.at(-1)).toBe('cancelled');
    expect(events.some((e) => e.event === 'archiveChanged')).toBe(true);

    const again = start();
    const report = await again.call('importReport', { importId });
    expect(report).toMatchObject({ ok: true, value: { phase: 'cancelled' } });
    if (report.ok) expect((report.value as { filesDone: number }).filesDone).toBeLessThan(120);
    await again.close();
  });

  it('refuses an import of a path that does not exist before it starts, naming the path', async () => {
    const events: ApiEventMessage[] = [];
    const service = start(events);
    const missing = path.join(tmp(), 'nowhere');
    const started = await service.call('import', { paths: [missing] });
    expect(started).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!started.ok) expect(started.error.message).toContain(missing);
    // nothing ran: no progress, no run recorded
    expect(events.filter((e) => e.event === 'importProgress')).toEqual([]);
    expect(await service.call('importStatus', {})).toEqual({ ok: true, value: null });
    await service.close();
  });

  it('imports a scraper export with a field mapping, and refuses a mapping of an unknown field', async () => {
    const service = start();
    const file = path.join(tmp(), 'odd.jsonl');
    const item = (i: number) => ({ headline: `عنوان الخبر رقم ${i}`, story_text: `نص الخبر رقم ${i} كما نشره الموقع في صفحته.`, when: `2016-05-0${i} 10:00:00` });
    fs.writeFileSync(file, [1, 2].map((i) => JSON.stringify(item(i))).join('\n'));
    expect(await service.call('import', { paths: [file], map: { bogus: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'import: field "map.bogus" must be one of title, body, date, url, author, section, site, scraped' },
    });
    const started = await service.call('import', { paths: [file], map: { body: 'story_text', date: 'when' } });
    if (!started.ok) throw new Error(started.error.message);
    let report = await service.call('importReport', { importId: started.value.importId });
    for (let i = 0; i < 200 && report.ok && report.value.phase === 'importing'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      report = await service.call('importReport', { importId: started.value.importId });
    }
    expect(report).toMatchObject({ ok: true, value: { phase: 'finished', articlesAdded: 2, recordsDone: 2, rejections: [] } });
    const list = await service.call('list', { sort: 'oldest' });
    expect(list).toMatchObject({ ok: true, value: { articles: [{ title: 'عنوان الخبر رقم 1', publishedAt: '2016-05-01T10:00:00' }, { title: 'عنوان الخبر رقم 2' }] } });
    await service.close();
  });

  it('opens the last used archive, else creates the default one', async () => {
    const configDir = path.join(tmp(), 'config');
    const defaultPath = path.join(tmp(), 'default.arshif');
    const first = createService({ configDir, initialArchive: { kind: 'last-used', defaultPath } });
    expect(await first.call('archiveInfo', {})).toMatchObject({ ok: true, value: { path: defaultPath } });
    const other = path.join(tmp(), 'other.arshif');
    await first.call('createArchive', { path: other });
    await first.close();
    const second = createService({ configDir, initialArchive: { kind: 'last-used', defaultPath } });
    expect(await second.call('archiveInfo', {})).toMatchObject({ ok: true, value: { path: other } });
    await second.close();
    fs.rmSync(other);
    const third = createService({ configDir, initialArchive: { kind: 'last-used', defaultPath } });
    expect(await third.call('archiveInfo', {})).toMatchObject({ ok: true, value: { path: defaultPath } });
    await third.close();
  });

  it('refuses to open something that is not an archive, leaving it untouched', async () => {
    const service = start();
    const text = path.join(tmp(), 'notes.txt');
    fs.writeFileSync(text, 'hello');
    expect(await service.call('openArchive', { path: text })).toMatchObject({ ok: false, error: { code: 'not-an-archive' } });
    expect(fs.readFileSync(text, 'utf8')).toBe('hello');
    expect(await service.call('archiveInfo', {})).toMatchObject({ ok: true, value: { path: path.join(tmp(), 'a.arshif') } });
    await service.close();
  });

  it('without an archive, methods say so', async () => {
    const service = createService({ configDir: path.join(tmp(), 'config') });
    expect(await service.call('list', {})).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/No archive is open/) } });
    expect(await service.call('getSettings', {})).toMatchObject({ ok: true });
    await service.close();
  });
});

describe('error mapping', () => {
  it('keeps ArshifError codes, maps SQLite and file-system codes, and never leaks a stack', () => {
    expect(failureOf(new ArshifError('not-found', 'gone'))).toEqual({ ok: false, error: { code: 'not-found', message: 'gone' } });
    expect(failureOf(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toMatchObject({ error: { code: 'archive-busy' } });
    expect(failureOf(Object.assign(new Error('disk image is malformed'), { code: 'SQLITE_CORRUPT' }))).toMatchObject({ error: { code: 'damaged-archive' } });
    expect(failureOf(Object.assign(new Error('ENOSPC: no space'), { code: 'ENOSPC', path: '/x/out.jsonl' }))).toEqual({
      ok: false,
      error: { code: 'disk-full', message: 'The disk holding /x/out.jsonl is full; free some space and try again (nothing half-written was kept).' },
    });
    expect(failureOf(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), '/a/news.arshif')).toMatchObject({
      error: { code: 'disk-full', message: expect.stringContaining('/a/news.arshif') },
    });
    expect(failureOf(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), '/a/news.arshif')).toMatchObject({
      error: { code: 'permission-denied', message: expect.stringContaining('/a/news.arshif cannot be written here') },
    });
    expect(failureOf(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/etc/x' }))).toMatchObject({ error: { code: 'permission-denied' } });
    expect(failureOf(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), '/a/news.arshif')).toMatchObject({
      error: { message: expect.stringMatching(/locked by another program/) },
    });
    const withStack = new TypeError('x is undefined\n    at foo (/src/secret.ts:1:1)');
    expect(failureOf(withStack)).toEqual({ ok: false, error: { code: 'internal', message: 'x is undefined' } });
  });
});

describe('the handler table', () => {
  it('is a compile error to leave a method out', () => {
    // @ts-expect-error — `search` and every other method are missing: MethodHandlers demands all of them.
    const incomplete: MethodHandlers = { archiveInfo: () => ({ path: '', articles: 0, sites: 0, schemaVersion: 1, sizeBytes: 0, readonly: false }) };
    expect(incomplete).toBeDefined();
  });
});
