/**
 * Near-duplicate groups stay what a reader expects when a text repeats: a bulletin published day
 * after day is not one story (a group spans at most 3 days from its first copy), and a story copied
 * many times lists at most 20 copies with each row, with the count of all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../src-main/core/archive/archive.js';
import { articleCopies } from '../../../src-main/core/archive/copies.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { buildArchive, type TestArticle } from './fixture.js';

const BULLETIN = [
  'توقعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم سماء غائمة جزئيا على معظم مناطق المملكة مع فرصة لتكون السحب الرعدية على المرتفعات الجنوبية.',
];
const WIRE = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب.',
];

const day = (d: number): string => `2016-11-${String(d).padStart(2, '0')} 08:00:00`;
const ARTICLES: TestArticle[] = [
  // 1–10: the same weather bulletin on ten consecutive days
  ...Array.from({ length: 10 }, (_, i) => ({ title: `حالة الطقس ليوم ${i + 1}`, paragraphs: BULLETIN, published: day(i + 1) })),
  // 11–35: one wire story on 25 sites the same morning
  ...Array.from({ length: 25 }, (_, i) => ({ title: `افتتاح مستشفى في جدة ${i + 1}`, paragraphs: WIRE, site: `site${i + 1}.com`, published: '2016-12-01 09:00:00' })),
];

let dir = '';
let archive: Archive;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-group-bounds-'));
  archive = await buildArchive(dir, ARTICLES);
}, 180_000);

afterAll(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('groups of repeated texts', () => {
  it('never chain a bulletin repeated day after day into one story', () => {
    const rows = archive.db.prepare('SELECT id, group_id, published_at FROM articles WHERE id <= 10 ORDER BY id').all() as Array<{ id: number; group_id: number | null; published_at: string }>;
    const byGroup = new Map<number, string[]>();
    for (const r of rows) if (r.group_id !== null) byGroup.set(r.group_id, [...(byGroup.get(r.group_id) ?? []), r.published_at]);
    expect(byGroup.size).toBeGreaterThan(1);
    for (const dates of byGroup.values()) {
      const days = dates.map((d) => Date.parse(`${d}Z`) / 86_400_000);
      expect(Math.max(...days) - Math.min(...days)).toBeLessThanOrEqual(3);
    }
  });

  it('list at most 20 copies with a row, and count them all', () => {
    const r = searchArchive(archive, { query: 'افتتاح مستشفى جدة' });
    expect(r.matches).toBe(25);
    expect(r.total).toBe(1);
    expect(r.hits[0]!.copies.length).toBe(20);
    expect(r.hits[0]!.copyCount).toBe(24);
    const shown = articleCopies(archive, 11);
    expect(shown.copies.length).toBe(20);
    expect(shown.copyCount).toBe(24);
  });
});
