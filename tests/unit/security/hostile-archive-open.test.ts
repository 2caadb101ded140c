/**
 * Hostile archive files opened in-process, for reading (list, search, serve) and for writing (import):
 * each is refused with a message naming what was found — or, for an acceptable archive, opened
 * read-only — and the attacker's SQL never runs, the file's bytes never change, nothing is created
 * beside it.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArshifError } from '../../../src-main/common/result.js';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { listArticles } from '../../../src-main/core/archive/articles.js';
import { useTempDir } from '../../helpers/tmp.js';
import { canaryRows, folderListing, HOSTILE_CASES, ourPlainTables, sha256, writeGoodArchive } from './hostile-archives.js';

function refusalOf(open: () => { close(): void }): ArshifError | null {
  try {
    open().close();
    return null;
  } catch (error) {
    if (error instanceof ArshifError) return error;
    throw error;
  }
}

describe('hostile archives, opened in-process', () => {
  const tmp = useTempDir('arshif-hostile-');

  it('covers triggers on every plain table our migrations create, FTS shadow tables included', () => {
    expect(ourPlainTables()).toEqual(expect.arrayContaining(['imports', 'import_problems', 'articles', 'snapshots', 'ticker_days', 'ticker_items', 'articles_fts_data', 'titles_fts_config']));
  });

  for (const hostile of HOSTILE_CASES) {
    it(hostile.name, async () => {
      const file = path.join(tmp(), 'received.arshif');
      await hostile.build(file);
      const before = sha256(file);
      const listing = folderListing(file);

      const started = Date.now();
      const forReading = refusalOf(() => openArchive(file, { readonly: true }));
      const forWriting = hostile.refusal ? refusalOf(() => openArchive(file)) : null;
      const elapsed = Date.now() - started;

      if (hostile.refusal) {
        for (const refusal of [forReading, forWriting]) {
          expect(refusal?.code).toBe(hostile.code ?? 'not-an-archive');
          expect(refusal?.message).toMatch(hostile.refusal);
          expect(refusal?.message).toContain(file);
          expect(refusal?.message).toMatch(/left untouched/);
          expect(refusal?.message.split('\n')).toHaveLength(1);
        }
      } else {
        expect(forReading).toBeNull();
        const archive = openArchive(file, { readonly: true });
        expect(listArticles(archive).total).toBe(1);
        expect(archive.db.pragma('journal_mode', { simple: true })).toBe('delete');
        expect(() => archive.db.prepare('DELETE FROM articles').run()).toThrow(/readonly|query_only/i);
        archive.close();
        expect(sha256(file)).toBe(before);
        expect(folderListing(file)).toEqual(listing);
      }
      expect(elapsed).toBeLessThan(3000);
      if (hostile.refusal) expect(sha256(file)).toBe(before);
      expect(canaryRows(file)).toBe(0);
      if (hostile.refusal) expect(folderListing(file)).toEqual(listing);
    });
  }

  it('reads a WAL archive (as Arshif writes them) and leaves nothing beside it: the -wal/-shm a read needs are handed back', async () => {
    const file = path.join(tmp(), 'wal.arshif');
    await writeGoodArchive(file);
    const before = sha256(file);
    const listing = folderListing(file);
    const archive = openArchive(file, { readonly: true });
    expect(folderListing(file)).toEqual([...listing, 'wal.arshif-shm', 'wal.arshif-wal'].sort()); // SQLite's, while open
    expect(listArticles(archive).total).toBe(1);
    archive.close();
    expect(folderListing(file)).toEqual(listing);
    expect(sha256(file)).toBe(before);
  });

  it('reads an acceptable rollback-journal archive without changing a byte or creating a file', async () => {
    const hostile = HOSTILE_CASES.find((c) => c.refusal === null)!;
    const file = path.join(tmp(), 'rollback.arshif');
    await hostile.build(file);
    const before = sha256(file);
    const listing = folderListing(file);
    const archive = openArchive(file, { readonly: true });
    listArticles(archive);
    archive.close();
    expect(sha256(file)).toBe(before);
    expect(folderListing(file)).toEqual(listing);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
  });
});
