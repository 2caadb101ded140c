/**
 * Migration 4 over an archive as the previous schema (3) wrote it: every article and snapshot is kept,
 * each article's text becomes its version 1 carried by all its snapshots, and the next import of an
 * edited scrape adds version 2.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../src-main/core/arabic/fingerprint.js';
import { analyzeForIndex } from '../../../src-main/core/arabic/index.js';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { getArticle, listArticles } from '../../../src-main/core/archive/articles.js';
import { latestVersion } from '../../../src-main/core/archive/migrations/index.js';
import { diffVersions, listVersions } from '../../../src-main/core/archive/versions.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { archiveAtVersion } from '../../helpers/archive-at-version.js';
import { SCRAPES, VERSION_TEXTS, writeScrape } from '../../helpers/edited-article.js';
import { useTempDir } from '../../helpers/tmp.js';
import { versionProblems } from '../../helpers/version-invariants.js';

const tmp = useTempDir('arshif-migrate-versions-');

describe('migration 4: versions', () => {
  it('keeps every article and snapshot of a schema-3 archive, each article as its version 1', async () => {
    const file = path.join(tmp(), 'v3.arshif');
    const scrapes = path.join(tmp(), 'scrapes');
    const firstScrape = writeScrape(scrapes, 0);
    const bodies = [VERSION_TEXTS[0]!.paragraphs, ['فقرة واحدة قصيرة.'], 'not json' as const];
    archiveAtVersion(file, 3, (db) => {
      const article = db.prepare(
        `INSERT INTO articles (id, site, section, title, title_key, author, published_at, identity, read_count, paragraphs, first_scraped_on, last_scraped_on)
         VALUES (?, 'alazmenah.com', 'أخبار سورية', ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
      );
      const snapshot = db.prepare(
        `INSERT INTO snapshots (article_id, path, content_hash, scraped_on, read_count, encoding, format, bytes) VALUES (?, ?, ?, ?, ?, 'utf-8', 'text', 1)`,
      );
      // Article 1 is the first scrape of the edited article, as schema 3 stored it (its file's hash too,
      // so that the next import skips that file and only adds the later scrapes).
      const hash = (p: string) => createHash('sha1').update(fs.readFileSync(p)).digest('hex');
      const titleKey = 'وزاره الصحه تفتتح مستشفي جديدا في حلب بسعه 300 سرير';
      article.run(1, VERSION_TEXTS[0]!.title, titleKey, '2018-07-20T09:15:00', `alazmenah.com\u001f2018-07-20T09:15:00\u001f${titleKey}`, 120, JSON.stringify(bodies[0]), '2018-07-20', '2018-07-20');
      snapshot.run(1, firstScrape, hash(firstScrape), '2018-07-20', 120);
      article.run(2, 'خبر قصير', 'خبر قصير', '2018-01-01T10:00:00', 'k2', null, JSON.stringify(bodies[1]), null, null);
      snapshot.run(2, '/old/a.txt', 'h2', null, null);
      snapshot.run(2, '/old/b.txt', 'h3', '2018-02-01', 7);
      article.run(3, 'صف تالف', 'صف تالف', null, 'k3', null, bodies[2], null, null);
      snapshot.run(3, '/old/c.txt', 'h4', '2018-03-01', null);
      const fts = db.prepare('INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)');
      const titles = db.prepare('INSERT INTO titles_fts (rowid, title, title_stem) VALUES (?, ?, ?)');
      for (const row of db.prepare('SELECT id, title, paragraphs FROM articles').all() as Array<{ id: number; title: string; paragraphs: string }>) {
        const title = analyzeForIndex(row.title);
        const body = analyzeForIndex(row.paragraphs.startsWith('[') ? (JSON.parse(row.paragraphs) as string[]).join('\n') : '');
        fts.run(row.id, title.norm, body.norm, title.stem, body.stem);
        const fp = fingerprintOf(body.norm, title.norm);
        if (fp) db.prepare('UPDATE articles SET fingerprint = ? WHERE id = ?').run(Buffer.from(fp), row.id); // as schema 3 stores it
        titles.run(row.id, title.norm, title.stem);
      }
    });

    const archive = openArchive(file, { upgrade: true });
    try {
      expect(archive.db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(listArticles(archive).total).toBe(3);
      expect(archive.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(4);
      expect(versionProblems(archive.db)).toEqual([]);
      // article 3's paragraphs are damaged: showing it says so (docs/security.md), its version is still listed
      expect(() => getArticle(archive, 3)).toThrow(/Article #3 .* is damaged/);
      expect(listVersions(archive, 3).versions).toMatchObject([{ number: 1, shown: true, cut: false }]);
      for (const id of [1, 2]) {
        const article = getArticle(archive, id);
        expect(article.versionCount).toBe(1);
        expect(article.version).toBe(1);
        expect(article.snapshots.every((s) => s.version === 1)).toBe(true);
        const { versions } = listVersions(archive, id);
        expect(versions).toHaveLength(1);
        expect(versions[0]).toMatchObject({ number: 1, shown: true, cut: false, snapshots: article.snapshots });
      }
      expect(listVersions(archive, 2).versions[0]).toMatchObject({ firstScrapedOn: null, lastScrapedOn: null });
      expect(getArticle(archive, 1).paragraphs).toEqual(bodies[0]);

      // The later scrapes of article 1 arrive: two new versions, the first kept as version 1.
      for (const i of [1, 2]) writeScrape(scrapes, i);
      const report = await runImport(archive, [scrapes], { parseWorkers: 0 });
      expect(report).toMatchObject({ unchanged: 1, articlesUpdated: 2, articlesAdded: 0 });
      const article = getArticle(archive, 1);
      expect(article).toMatchObject({ versionCount: 3, version: 3, title: SCRAPES[2]!.title, readCount: 910 });
      expect(diffVersions(archive, 1, { from: 1, to: 3 }).title.some((o) => o.op !== 'equal')).toBe(true);
      expect(versionProblems(archive.db)).toEqual([]);
    } finally {
      archive.close();
    }
  });
});
