/**
 * Search metadata after an import commit: refreshed in place (only what the import added or touched),
 * so new articles are counted in facets and found, and a copy's arrival labels its first copy's group.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { archiveMeta } from '../../../src-main/core/search/meta.js';
import { buildArchive, writePages } from './fixture.js';

const STORY = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب.',
  'وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المنطقة الغربية، وإن العمل فيه استغرق ثلاث سنوات.',
];

let dir = '';
let archive: Archive;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-meta-'));
  archive = await buildArchive(dir, [
    { title: 'افتتاح مستشفى جديد في جدة', paragraphs: STORY, site: 'spa.gov.sa', published: '2016-12-10 09:00:00' },
    { title: 'أمطار غزيرة في الرياض', paragraphs: ['شهدت مدينة الرياض أمطارا غزيرة صباح اليوم.'] },
  ]);
}, 120_000);

afterAll(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search metadata after an import', () => {
  it('sees the new articles, their sites and their groups without a full reload', async () => {
    const before = archiveMeta(archive);
    expect(before.size).toBe(3);
    expect(before.group[1]).toBe(-1);
    expect(searchArchive(archive, { query: 'مستشفى جدة' }).facets.site).toEqual([{ value: 'spa.gov.sa', count: 1 }]);

    const more = fs.mkdtempSync(path.join(dir, 'more-'));
    await runImport(archive, [writePages(more, [{ title: 'اقتصادي / افتتاح مستشفى جديد في جدة', paragraphs: STORY, site: 'okaz.com.sa', published: '2016-12-10 11:00:00' }])], {
      parseWorkers: 0,
    });

    const after = archiveMeta(archive);
    expect(after).not.toBe(before);
    expect(after.size).toBe(4);
    expect(after.articles).toBe(3);
    // The copy joined the first article's group, and the first article got its label.
    expect(after.group[3]).toBe(1);
    expect(after.group[1]).toBe(1);
    expect(after.groupMembers(1)).toEqual([1, 3]);
    const r = searchArchive(archive, { query: 'مستشفى جدة' });
    expect(r.matches).toBe(2);
    expect(r.total).toBe(1);
    expect(r.facets.site.map((b) => b.value).sort()).toEqual(['okaz.com.sa', 'spa.gov.sa']);
    expect(archiveMeta(archive)).toBe(after); // nothing changed since: the same metadata
  });
});
