/**
 * Export writes only the file it was asked to write: never over an existing file unless forced, never
 * onto the archive (by any name: the path, a hard link, a symbolic link), never through a link planted
 * where its temporary file would go, and nothing is left behind when it fails. Damaged rows are skipped
 * and reported, never a reason to stop.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArshifError } from '../../../src-main/common/result.js';
import { openArchive, type Archive } from '../../../src-main/core/archive/archive.js';
import { getArticle, listArticles } from '../../../src-main/core/archive/articles.js';
import { exportToFile } from '../../../src-main/core/archive/export.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { useTempDir } from '../../helpers/tmp.js';
import { sha256, writeGoodArchive } from './hostile-archives.js';

async function refusal(work: Promise<unknown>): Promise<ArshifError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ArshifError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('export safety', () => {
  const tmp = useTempDir('arshif-export-');

  async function withArchive(test: (archive: Archive, dir: string) => Promise<void>): Promise<void> {
    const dir = tmp();
    const file = path.join(dir, 'news.arshif');
    await writeGoodArchive(file);
    const archive = openArchive(file, { readonly: true });
    try {
      await test(archive, dir);
    } finally {
      archive.close();
    }
  }

  it('refuses to replace an existing file unless forced, and then replaces it whole', () =>
    withArchive(async (archive, dir) => {
      const out = path.join(dir, 'notes.txt');
      fs.writeFileSync(out, 'my notes');
      const error = await refusal(exportToFile(archive, out));
      expect(error.code).toBe('file-exists');
      expect(error.message).toBe(`${out} already exists; Arshif replaces a file only when asked (--force, or force: true).`);
      expect(fs.readFileSync(out, 'utf8')).toBe('my notes');
      const result = await exportToFile(archive, out, { force: true });
      expect(result).toMatchObject({ path: out, articles: 1, skipped: 0 });
      expect(JSON.parse(fs.readFileSync(out, 'utf8').trim())).toMatchObject({ id: 1 });
      expect(fs.readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
    }));

  it('never writes onto the open archive: by its path, a hard link, a symbolic link, or its -wal file, forced or not', () =>
    withArchive(async (archive, dir) => {
      const before = sha256(archive.path);
      fs.linkSync(archive.path, path.join(dir, 'hard-link.jsonl'));
      fs.symlinkSync(archive.path, path.join(dir, 'soft-link.jsonl'));
      for (const out of [archive.path, path.join(dir, 'hard-link.jsonl'), path.join(dir, 'soft-link.jsonl'), `${archive.path}-wal`]) {
        for (const force of [false, true]) {
          const error = await refusal(exportToFile(archive, out, { force }));
          expect(error.message, out).toBe(`Refusing to export onto ${out}: it is the open archive (or one of its files).`);
        }
      }
      expect(sha256(archive.path)).toBe(before);
      expect(listArticles(archive).total).toBe(1);
    }));

  it('does not follow a link planted where the old temporary file went, nor one planted as the target', () =>
    withArchive(async (archive, dir) => {
      const victim = path.join(dir, 'victim.txt');
      fs.writeFileSync(victim, 'precious');
      const out = path.join(dir, 'out.jsonl');
      fs.symlinkSync(victim, `${out}.partial`);
      await exportToFile(archive, out);
      expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
      expect(fs.lstatSync(`${out}.partial`).isSymbolicLink()).toBe(true);
      expect(fs.lstatSync(out).isFile()).toBe(true);

      const linked = path.join(dir, 'linked.jsonl');
      fs.symlinkSync(victim, linked);
      expect((await refusal(exportToFile(archive, linked))).code).toBe('file-exists');
      await exportToFile(archive, linked, { force: true }); // replaces the link itself, not what it points to
      expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
      expect(fs.lstatSync(linked).isSymbolicLink()).toBe(false);
    }));

  it('refuses a relative path, a folder, and a folder that does not exist', () =>
    withArchive(async (archive, dir) => {
      expect((await refusal(exportToFile(archive, 'out.jsonl'))).message).toMatch(/absolute path/);
      expect((await refusal(exportToFile(archive, dir, { force: true }))).message).toMatch(/it is a folder/);
      expect((await refusal(exportToFile(archive, path.join(dir, 'missing', 'out.jsonl')))).code).toBe('not-found');
    }));
});

describe('damaged rows', () => {
  const tmp = useTempDir('arshif-damaged-');

  it('are skipped and reported by export (a title stored as bytes is read as text); list lists; show names the article; search searches', async () => {
    const file = path.join(tmp(), 'news.arshif');
    await writeGoodArchive(file);
    const raw = new Database(file);
    const insert = raw.prepare(
      "INSERT INTO articles (id, site, title, title_key, identity, paragraphs) VALUES (?, 'alazmenah.com', ?, 'k', ?, ?)",
    );
    insert.run(2, 'حلب مقال تالف', 'i2', 'this is not JSON');
    insert.run(3, Buffer.from('عنوان حلب', 'utf8'), 'i3', '["حلب"]');
    raw.close();
    const archive = openArchive(file, { readonly: true });
    try {
      const out = path.join(tmp(), 'out.jsonl');
      const result = await exportToFile(archive, out);
      expect(result).toMatchObject({ articles: 2, skipped: 1, skippedIds: [2] });
      const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { title: string }).title)).toEqual([expect.any(String), 'عنوان حلب']); // bytes read as text

      const listed = listArticles(archive, { sort: 'oldest' });
      expect(listed.total).toBe(3);
      expect(listed.articles.map((a) => a.title)).toContain('عنوان حلب'); // bytes read as UTF-8 text

      const error = (() => {
        try {
          getArticle(archive, 2);
        } catch (e) {
          return e as ArshifError;
        }
        return null;
      })();
      expect(error?.code).toBe('damaged-archive');
      expect(error?.message).toBe(`Article #2 in ${file} is damaged (its paragraphs are not a readable JSON list); the other articles can still be read.`);

      expect(() => searchArchive(archive, { query: 'حلب' })).not.toThrow();
      // paragraphs that are not JSON on an indexed article: search still answers
      const write = new Database(file);
      write.prepare('UPDATE articles SET paragraphs = ? WHERE id = 1').run('not json');
      write.close();
      expect(searchArchive(archive, { query: 'حلب' }).total).toBeGreaterThan(0);
    } finally {
      archive.close();
    }
  });
});
