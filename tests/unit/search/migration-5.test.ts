/**
 * Migration 6 (numbered 5 on its branch) on an archive an earlier Arshif wrote (schema 3): the search index is rebuilt with
 * today's stems (ة kept apart from ه) and the near-duplicates already stored are grouped.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeForIndex } from '../../../src-main/core/arabic/index.js';
import { checkIntegrity, openArchive } from '../../../src-main/core/archive/archive.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { archiveAtVersion } from '../../helpers/archive-at-version.js';
import { useTempDir } from '../../helpers/tmp.js';

const STORY = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة.',
  'وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المنطقة الغربية، وإن العمل فيه استغرق ثلاث سنوات.',
];

/** What schema 3 stored: ة folded into ه before stemming, so the stem of الرياضة was رياض. */
function oldIndexText(text: string): { norm: string; stem: string } {
  return analyzeForIndex(text.replace(/ة/g, 'ه'));
}

describe('migration 6: stems with ة, near-duplicate groups', () => {
  const tmp = useTempDir();

  it('re-indexes every article and groups the copies already stored', () => {
    const file = path.join(tmp(), 'v3.arshif');
    const articles = [
      { site: 'a.com', title: 'الرياضة المدرسية تعود', body: ['تهتم الوزارة بالرياضة في المدارس.'], published: '2016-01-01T10:00:00' },
      { site: 'a.com', title: 'أمطار على الرياض', body: ['شهدت الرياض أمطارا غزيرة.'], published: '2016-01-01T10:00:00' },
      { site: 'spa.gov.sa', title: 'عام / افتتاح مستشفى في جدة', body: STORY, published: '2016-01-02T09:00:00' },
      { site: 'okaz.com.sa', title: 'افتتاح مستشفى في جدة', body: STORY, published: '2016-01-02T12:00:00' },
      { site: 'a.com', title: 'صف تالف', body: null, published: null },
    ];
    archiveAtVersion(file, 3, (db) => {
      const insert = db.prepare('INSERT INTO articles (site, title, title_key, identity, paragraphs, published_at) VALUES (?, ?, ?, ?, ?, ?)');
      const fts = db.prepare('INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
      const titles = db.prepare('INSERT INTO titles_fts (rowid, title, title_stem) VALUES (?, ?, ?)');
      articles.forEach((a, i) => {
        const id = Number(insert.run(a.site, a.title, analyzeForIndex(a.title).norm, `${a.site}|${i}`, a.body ? JSON.stringify(a.body) : 'not json', a.published).lastInsertRowid);
        const title = oldIndexText(a.title);
        const body = oldIndexText((a.body ?? []).join('\n'));
        fts.run(id, title.norm, body.norm, title.stem, body.stem);
        titles.run(id, title.norm, title.stem);
      });
    });
    const archive = openArchive(file, { upgrade: true });
    try {
      expect(archive.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
      expect(checkIntegrity(archive)).toEqual([]);
      const ids = (query: string): number[] => searchArchive(archive, { query, collapse: false }).hits.map((h) => h.id).sort();
      expect(ids('الرياضة')).toEqual([1]);
      expect(ids('الرياض')).toEqual([2]);
      expect(ids('تالف')).toEqual([5]); // a damaged row keeps its title in the index
      const groups = archive.db.prepare('SELECT id, group_id FROM articles ORDER BY id').all() as Array<{ id: number; group_id: number | null }>;
      expect(groups.map((g) => g.group_id)).toEqual([null, null, 3, 3, null]);
      const row = searchArchive(archive, { query: 'مستشفى جدة' });
      expect(row.total).toBe(1);
      expect(row.matches).toBe(2);
    } finally {
      archive.close();
    }
  });
});
