import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { titleKey } from '../../../src-main/core/arabic/index.js';
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

describe('migration 7: character references stored as text', () => {
  const tmp = useTempDir();

  it('decodes them in articles, earlier wording and tickers, and re-indexes what changed', () => {
    const file = path.join(tmp(), 'v6.arshif');
    const title = 'إعلان &#8220;طوارئ&#8221; في المدينة';
    const body = [`${LONG_BODY[0]} &quot;مؤكداً&quot;`, LONG_BODY[1]!, '&nbsp;'];
    archiveAtVersion(file, 6, (db) => {
      db.prepare(
        `INSERT INTO articles (id, site, title, title_key, identity, published_at, author, paragraphs) VALUES (1, 'a.com', ?, ?, ?, '2016-12-16T15:24:14', ?, ?)`,
      ).run(title, titleKey(title), `a.com\u001f2016-12-16T15:24:14\u001f${titleKey(title)}`, 'فلان &amp; فلان', JSON.stringify(body));
      db.prepare(`INSERT INTO versions (id, article_id) VALUES (1, 1)`).run();
      db.prepare(`INSERT INTO versions (id, article_id, title, title_key, paragraphs) VALUES (2, 1, ?, 'x', ?)`).run('عنوان &#39;قديم&#39;', JSON.stringify(['نص &lt;قديم&gt;']));
      db.prepare(`INSERT INTO ticker_days (id, site, day, source_path) VALUES (1, 'a.com', '2018-07-21', '/x.txt')`).run();
      db.prepare(`INSERT INTO ticker_items (ticker_day_id, position, headline, title_key) VALUES (1, 1, ?, 'x')`).run(title);
      db.prepare(`INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (1, 'x', 'x', 'x', 'x')`).run();
      db.prepare(`INSERT INTO titles_fts (rowid, title, title_stem) VALUES (1, 'x', 'x')`).run();
    });
    const archive = openArchive(file, { upgrade: true });
    try {
      const article = getArticle(archive, 1);
      expect(article.title).toBe('إعلان “طوارئ” في المدينة');
      expect(article.author).toBe('فلان & فلان');
      expect(article.paragraphs).toEqual([`${LONG_BODY[0]} "مؤكداً"`, LONG_BODY[1]]);
      const row = archive.db.prepare('SELECT title_key, identity FROM articles WHERE id = 1').get() as { title_key: string; identity: string };
      const key = titleKey('إعلان “طوارئ” في المدينة');
      expect(row.title_key).toBe(key);
      expect(row.identity).toBe(`a.com\u001f2016-12-16T15:24:14\u001f${key}`);
      const earlier = archive.db.prepare('SELECT title, paragraphs FROM versions WHERE id = 2').get() as { title: string; paragraphs: string };
      expect(earlier).toEqual({ title: "عنوان 'قديم'", paragraphs: JSON.stringify(['نص <قديم>']) });
      const headline = archive.db.prepare('SELECT headline, title_key FROM ticker_items').get() as { headline: string; title_key: string };
      expect(headline).toEqual({ headline: 'إعلان “طوارئ” في المدينة', title_key: key });
      const match = (table: string, word: string) => archive.db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(`"${titleKey(word)}"`);
      expect(match('articles_fts', 'طوارئ')).toBe(1);
      expect(match('articles_fts', '8220')).toBe(0);
      expect(match('titles_fts', 'طوارئ')).toBe(1);
      expect(match('versions_fts', 'قديم')).toBe(1);
    } finally {
      archive.close();
    }
  });
});
