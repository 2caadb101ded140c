import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeForIndex } from '../../../src-main/core/arabic/index.js';
import { ARSHIF_APPLICATION_ID, checkIntegrity, openArchive } from '../../../src-main/core/archive/archive.js';
import { sql as initialSchema } from '../../../src-main/core/archive/migrations/001-initial.js';
import { latestVersion } from '../../../src-main/core/archive/migrations/index.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { renderText } from '../../corpus/render.js';
import { useTempDir } from '../../helpers/tmp.js';

const titleCount = (db: Database.Database, word: string): number =>
  db.prepare('SELECT count(*) FROM titles_fts WHERE titles_fts MATCH ?').pluck().get(`{title_stem} : "${word}"`) as number;

function page(title: string, body: string): string {
  return renderText({
    site: 'alazmenah.com',
    city: 'دمشق',
    scrapeDay: '2018-07-21',
    ticker: [],
    section: 'أخبار سورية',
    published: '2016-12-16 15:24:14',
    displayTitle: title,
    paragraphs: [body],
    joined: [false],
    readCount: 10,
    newsId: 1,
  });
}

describe('the title index (migration 002)', () => {
  const tmp = useTempDir();

  it('is built from the articles of an archive made before it', () => {
    const file = path.join(tmp(), 'old.arshif');
    const db = new Database(file);
    db.exec(initialSchema);
    db.pragma(`application_id = ${ARSHIF_APPLICATION_ID}`);
    db.pragma('user_version = 1');
    const titles = ['معارك عنيفة في حلب', 'قمة عربية في الرياض'];
    titles.forEach((title, i) => {
      const id = i + 1;
      db.prepare(
        `INSERT INTO articles (id, site, title, title_key, identity, paragraphs) VALUES (?, 'a.example', ?, ?, ?, '["نص"]')`,
      ).run(id, title, title, `a${id}`);
      const t = analyzeForIndex(title);
      const b = analyzeForIndex('نص');
      db.prepare('INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)').run(id, t.norm, b.norm, t.stem, b.stem);
    });
    db.close();

    const archive = openArchive(file, { upgrade: true });
    expect(archive.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(titleCount(archive.db, 'حلب')).toBe(1);
    expect(titleCount(archive.db, 'رياض')).toBe(1);
    expect(checkIntegrity(archive)).toEqual([]);
    expect(searchArchive(archive, { query: 'بحلب' }).hits.map((h) => h.id)).toEqual([1]);
    archive.close();
  });

  it('follows the importer when a page changes its title', async () => {
    const dir = path.join(tmp(), 'pages');
    const file = path.join(dir, '000_0123456789abcdef.txt');
    fs.mkdirSync(dir);
    const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
    fs.writeFileSync(file, page('معارك عنيفة في حلب', 'تتواصل المعارك في المدينة.'));
    await runImport(archive, [dir], { parseWorkers: 0 });
    expect(titleCount(archive.db, 'حلب')).toBe(1);
    fs.writeFileSync(file, page('هدوء حذر في حمص', 'تتواصل المعارك في المدينة.'));
    await runImport(archive, [dir], { parseWorkers: 0 });
    expect(titleCount(archive.db, 'حلب')).toBe(0);
    expect(titleCount(archive.db, 'حمص')).toBe(1);
    expect(searchArchive(archive, { query: 'حمص' }).total).toBe(1);
    expect(searchArchive(archive, { query: 'حلب' }).total).toBe(0);
    expect(checkIntegrity(archive)).toEqual([]);
    archive.close();
  });
});
