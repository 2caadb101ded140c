import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArshifError } from '../../../src-main/common/result.js';
import { ARSHIF_APPLICATION_ID, checkIntegrity, openArchive } from '../../../src-main/core/archive/archive.js';
import { latestVersion } from '../../../src-main/core/archive/migrations/index.js';
import { useTempDir } from '../../helpers/tmp.js';

function errorOf(fn: () => unknown): ArshifError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArshifError) return error;
    throw error;
  }
  throw new Error('expected an ArshifError');
}

describe('openArchive', () => {
  const tmp = useTempDir();

  it('creates a new archive with the schema, WAL and foreign keys', () => {
    const file = path.join(tmp(), 'new', 'a.arshif');
    const archive = openArchive(file, { create: true });
    expect(archive.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(archive.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(archive.db.pragma('application_id', { simple: true })).toBe(ARSHIF_APPLICATION_ID);
    expect(checkIntegrity(archive)).toEqual([]);
    archive.close();
    const again = openArchive(file);
    expect(again.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    again.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(errorOf(() => openArchive(path.join(tmp(), 'missing.arshif'))).code).toBe('not-found');
  });

  it('turns an empty file into an archive', () => {
    const file = path.join(tmp(), 'empty.arshif');
    fs.writeFileSync(file, '');
    openArchive(file, { create: true }).close();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = path.join(tmp(), 'notes.txt');
    const content = 'these are my notes, not an archive\n'.repeat(100);
    fs.writeFileSync(file, content);
    const error = errorOf(() => openArchive(file, { create: true }));
    expect(error.code).toBe('not-an-archive');
    expect(error.message).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it("refuses another program's SQLite database and leaves it untouched", () => {
    const file = path.join(tmp(), 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE people (name TEXT); INSERT INTO people VALUES (\'x\')');
    db.close();
    const before = fs.readFileSync(file);
    expect(errorOf(() => openArchive(file, { create: true })).code).toBe('not-an-archive');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an archive from a newer Arshif', () => {
    const file = path.join(tmp(), 'future.arshif');
    openArchive(file, { create: true }).close();
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    expect(errorOf(() => openArchive(file)).message).toMatch(/newer Arshif/);
  });

  it('reports a damaged archive clearly and does not overwrite it', () => {
    const file = path.join(tmp(), 'damaged.arshif');
    const archive = openArchive(file, { create: true });
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    archive.close();
    const bytes = fs.readFileSync(file);
    // Keep the header, wreck the schema page.
    bytes.fill(0xa5, 100, Math.min(bytes.length, 4096));
    fs.writeFileSync(file, bytes);
    const error = errorOf(() => openArchive(file));
    expect(['damaged-archive', 'not-an-archive']).toContain(error.code);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('marks imports left running by a killed process as interrupted', () => {
    const file = path.join(tmp(), 'killed.arshif');
    const archive = openArchive(file, { create: true });
    archive.db.prepare("INSERT INTO imports (started_at, status, roots) VALUES ('x', 'running', '[]')").run();
    archive.close();
    const reopened = openArchive(file);
    expect(reopened.db.prepare('SELECT status FROM imports').get()).toEqual({ status: 'interrupted' });
    reopened.close();
  });
});
