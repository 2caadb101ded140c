/**
 * Collapsed lists (one row per near-duplicate group) give the same rows and totals whichever index
 * answers them: a broad filter is read along the sort's index, a narrow one through its own, edited
 * articles through theirs (articles.ts). Checked against the definition, computed here from all rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListQuery } from '../../../src-main/common/types.js';
import type { Archive } from '../../../src-main/core/archive/archive.js';
import { listArticles } from '../../../src-main/core/archive/articles.js';
import { buildArchive, type TestArticle } from '../search/fixture.js';

const WIRE = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب.',
];
const OTHER = [
  'ناقش مجلس الشورى في جلسته العادية اليوم تقرير لجنة الاقتصاد والطاقة عن أداء الصناديق التنموية خلال العام المالي الماضي، وطالب بتوسيع برامج الإقراض.',
];
const WORDS = ['الرياض', 'جدة', 'مكة', 'الدمام', 'تبوك', 'أبها', 'حائل', 'نجران'];

const ARTICLES: TestArticle[] = [
  // A wire story on six sites within two days, and another on four.
  ...Array.from({ length: 6 }, (_, i) => ({ title: `افتتاح مستشفى ${i}`, paragraphs: WIRE, site: `s${i % 3}.com`, section: i % 2 ? 'محليات' : 'صحة', published: `2016-03-0${1 + (i % 2)} 0${i}:00:00`, reads: 100 * i })),
  ...Array.from({ length: 4 }, (_, i) => ({ title: `جلسة الشورى ${i}`, paragraphs: OTHER, site: `s${i % 2}.com`, section: 'محليات', published: `2017-05-1${i} 10:00:00`, reads: 50 + i })),
  // Singles across sites, sections, years and read counts.
  ...Array.from({ length: 24 }, (_, i) => ({
    title: `خبر رقم ${i} عن ${WORDS[i % WORDS.length]}`,
    paragraphs: [`تفاصيل الخبر رقم ${i} من ${WORDS[(i * 3) % WORDS.length]} و${WORDS[(i * 5 + 1) % WORDS.length]} في يوم ${i} من الشهر مع أرقام ${i * 7} و${i * 11}.`],
    site: `s${i % 3}.com`,
    section: i % 4 === 0 ? 'رياضة' : 'محليات',
    published: `${2015 + (i % 3)}-0${1 + (i % 9)}-1${i % 10} 12:00:00`,
    reads: (i * 37) % 500,
  })),
];

interface Row {
  id: number;
  site: string;
  section: string | null;
  published_at: string | null;
  read_count: number | null;
  version_count: number;
  group_id: number | null;
}

let dir = '';
let archive: Archive;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-list-collapsed-'));
  archive = await buildArchive(dir, ARTICLES);
}, 180_000);

afterAll(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const desc = (a: number | string | null, b: number | string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);

/** The list by its definition: filter, keep each group's first member in the order, sort, page. */
function expected(q: ListQuery): { total: number; ids: number[] } {
  const all = archive.db.prepare('SELECT id, site, section, published_at, read_count, version_count, group_id FROM articles').all() as Row[];
  const order = (a: Row, b: Row): number => {
    if (q.sort === 'oldest') return -desc(a.published_at, b.published_at) || a.id - b.id;
    if (q.sort === 'most-read') return desc(a.read_count, b.read_count) || b.id - a.id;
    return desc(a.published_at, b.published_at) || b.id - a.id;
  };
  const kept = all
    .filter((r) => (!q.site || r.site === q.site) && (!q.section || r.section === q.section))
    .filter((r) => (!q.from || (r.published_at ?? '') >= q.from) && (!q.to || (r.published_at !== null && r.published_at < `${q.to}T99`)))
    .sort(order);
  const seen = new Set<number>();
  const rows = kept.filter((r) => {
    if (r.group_id === null) return true;
    if (seen.has(r.group_id)) return false;
    seen.add(r.group_id);
    return true;
  });
  const offset = q.offset ?? 0;
  return { total: rows.length, ids: rows.slice(offset, offset + (q.limit ?? 50)).map((r) => r.id) };
}

describe('collapsed lists', () => {
  it('hold groups (the fixture is what the test needs)', () => {
    const groups = archive.db.prepare('SELECT count(DISTINCT group_id) FROM articles WHERE group_id IS NOT NULL').pluck().get() as number;
    expect(groups).toBe(2);
  });

  const queries: ListQuery[] = [];
  for (const sort of ['newest', 'oldest', 'most-read'] as const) {
    for (const filter of [{}, { site: 's0.com' }, { site: 's1.com', section: 'محليات' }, { section: 'رياضة' }, { from: '2016-01-01', to: '2016-12-31' }, { from: '2017-05-11', to: '2017-05-12' }, { from: '2017-05-12', to: '2017-05-12' }]) {
      for (const page of [{ limit: 50 }, { limit: 3, offset: 2 }]) queries.push({ sort, ...filter, ...page });
    }
  }

  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('%s', (_, q) => {
    const r = listArticles(archive, q);
    const want = expected(q);
    expect(r.total).toBe(want.total);
    expect(r.articles.map((a) => a.id)).toEqual(want.ids);
  });

  it('lists edited articles, and sorts by edits, through the index of edits', () => {
    expect(listArticles(archive, { edited: true }).total).toBe(0);
    // No article was edited: by edits is newest first, every copy listed.
    const byEdits = listArticles(archive, { sort: 'most-edited', limit: 100, collapse: false });
    const newest = archive.db.prepare('SELECT id FROM articles ORDER BY published_at DESC, id DESC').pluck().all() as number[];
    expect(byEdits.total).toBe(ARTICLES.length);
    expect(byEdits.articles.map((a) => a.id)).toEqual(newest);
  });
});
