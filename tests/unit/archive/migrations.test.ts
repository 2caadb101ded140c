import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { getArticle } from '../../../src-main/core/archive/articles.js';
import { archiveAtVersion } from '../../helpers/archive-at-version.js';
import { useTempDir } from '../../helpers/tmp.js';

const LONG_BODY = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة.',
  'وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المنطقة الغربية.',
];

describe('migration 3: URLs and fingerprints', () => {
  const tmp = useTempDir();

  it('adds the URL columns and fingerprints the articles already stored', () => {
    const file = path.join(tmp(), 'v2.arshif');
    archiveAtVersion(file, 2, (db) => {
      const insert = db.prepare(
        `INSERT INTO articles (site, title, title_key, identity, paragraphs) VALUES (?, ?, ?, ?, ?)`,
      );
      insert.run('a.com', 'مستشفى جديد', 'مستشفي جديد', 'a|1', JSON.stringify(LONG_BODY));
      insert.run('a.com', 'خبر قصير', 'خبر قصير', 'a|2', JSON.stringify(['خبر قصير']));
      insert.run('a.com', 'صف تالف', 'صف تالف', 'a|3', 'not json');
      db.prepare(`INSERT INTO snapshots (article_id, path, content_hash, encoding, format, bytes) VALUES (1, '/x.txt', 'h', 'utf-8', 'text', 1)`).run();
    });
    const archive = openArchive(file, { upgrade: true });
    try {
      const rows = archive.db.prepare('SELECT id, url, fingerprint FROM articles ORDER BY id').all() as Array<{ id: number; url: string | null; fingerprint: Buffer | null }>;
      expect(rows.map((r) => r.url)).toEqual([null, null, null]);
      expect(rows[0]!.fingerprint).toBeInstanceOf(Buffer);
      expect(rows[0]!.fingerprint!.length).toBe(8);
      expect(rows[1]!.fingerprint).toBeNull();
      expect(rows[2]!.fingerprint).toBeNull();
      const article = getArticle(archive, 1);
      expect(article.url).toBeNull();
      expect(article.snapshots.map((s) => s.url)).toEqual([null]);
    } finally {
      archive.close();
    }
  });
});
