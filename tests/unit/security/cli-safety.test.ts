/**
 * The command line with untrusted archives: control characters in archive text never reach the
 * terminal raw; every failure is one line (a stack only with --debug); damaged rows are skipped and
 * reported; reads never create, initialise or upgrade a file; --upgrade backs up first.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeJson } from '../../../src-main/cli/output.js';
import { latestVersion } from '../../../src-main/core/archive/migrations/index.js';
import { runCliToEnd } from '../../helpers/arshif-serve.js';
import { samplePagePath, useTempDir } from '../../helpers/tmp.js';
import { sha256, writeGoodArchive, writeSchemaOneArchive } from './hostile-archives.js';

const HOSTILE_TITLE = 'عنوان \u001b]0;owned\u0007\u001b[2J\u009b31m\u0008\r\u007f نهاية';
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('control characters from archive text', () => {
  const tmp = useTempDir('arshif-cli-');

  it('are shown as symbols, keeping the text the same length', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007\u009bc\u007f')).toBe('a␛[2Jb␇\ufffdc␡');
    expect(terminalSafe('line one\nline two\ttab')).toBe('line one\nline two\ttab');
    expect(terminalSafeJson({ t: 'x\u009by\u007f\u001b' })).toBe('{"t":"x\\u009by\\u007f\\u001b"}');
  });

  it('never reach the terminal raw from list, show, search, ticker or export', async () => {
    const file = path.join(tmp(), 'news.arshif');
    await writeGoodArchive(file);
    const raw = new Database(file);
    raw.prepare('UPDATE articles SET title = ?, author = ?, paragraphs = ?').run(HOSTILE_TITLE, 'كاتب\u001b[31m', JSON.stringify(['فقرة\u001b]8;;http://evil\u0007رابط']));
    raw.prepare('UPDATE ticker_items SET headline = ? WHERE position = 1').run(HOSTILE_TITLE);
    raw.close();
    for (const args of [
      ['list'],
      ['list', '--json'],
      ['show', '1'],
      ['show', '1', '--json'],
      ['search', 'حلب'],
      ['ticker', '--site', 'alazmenah.com'],
      ['export'],
    ]) {
      const result = await runCliToEnd([...args, '--archive', file]);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(RAW_CONTROLS.test(result.stdout.replace(/\n/g, '').replace(/\t/g, '')), args.join(' ')).toBe(false);
      expect(RAW_CONTROLS.test(result.stderr.replace(/\n/g, '')), args.join(' ')).toBe(false);
      if (args.includes('--json') || args[0] === 'export') expect(result.stdout).toMatch(/\\u001b/);
      else if (args[0] !== 'search') expect(result.stdout).toContain('␛');
    }
    const json = JSON.parse((await runCliToEnd(['show', '1', '--json', '--archive', file])).stdout) as { title: string };
    expect(json.title).toBe(HOSTILE_TITLE); // the data itself is intact, only its display is safe
  });
});

describe('failures on the command line', () => {
  const tmp = useTempDir('arshif-cli-');

  it('a damaged row: show names it in one line, export skips it and says so', async () => {
    const file = path.join(tmp(), 'news.arshif');
    await writeGoodArchive(file);
    const raw = new Database(file);
    raw.prepare("INSERT INTO articles (id, site, title, title_key, identity, paragraphs) VALUES (2, 'a.example', 't', 'k', 'i2', 'not json')").run();
    raw.close();
    const show = await runCliToEnd(['show', '2', '--archive', file]);
    expect(show.code).toBe(1);
    expect(show.stderr).toBe(`arshif: Article #2 in ${file} is damaged (its paragraphs are not a readable JSON list); the other articles can still be read.\n`);
    const exported = await runCliToEnd(['export', '--archive', file]);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(1);
    expect(exported.stderr).toBe('1 damaged article was skipped (#2): their stored text cannot be read.\n');
  });

  it('reads never create a missing archive nor initialise an empty file', async () => {
    const missing = path.join(tmp(), 'missing.arshif');
    const list = await runCliToEnd(['list', '--archive', missing]);
    expect(list.code).toBe(1);
    expect(list.stderr).toBe(`arshif: No archive at ${missing}.\n`);
    expect(fs.existsSync(missing)).toBe(false);

    const empty = path.join(tmp(), 'empty.arshif');
    fs.writeFileSync(empty, '');
    for (const command of ['list', 'stats', 'export']) {
      const result = await runCliToEnd([command, '--archive', empty]);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toMatch(/is an empty file \(0 bytes\), not an archive; it was left untouched/);
    }
    expect(fs.statSync(empty).size).toBe(0);
    expect(fs.readdirSync(tmp()).sort()).toEqual(['empty.arshif']);

    const imported = await runCliToEnd(['import', samplePagePath, '--archive', empty, '--json']);
    expect(imported.code, imported.stderr).toBe(0); // importing into it is how a new archive starts
    expect(fs.statSync(empty).size).toBeGreaterThan(0);
  });

  it('an archive from an older Arshif: refused with what to do; --upgrade backs it up, then upgrades', async () => {
    const file = path.join(tmp(), 'old.arshif');
    writeSchemaOneArchive(file);
    const before = sha256(file);
    const refused = await runCliToEnd(['list', '--archive', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `arshif: ${file} was made by an older Arshif (schema 1; this one uses ${latestVersion}) and must be upgraded before use: run the command again with --upgrade (a backup copy is written beside it first).\n`,
    );
    expect(sha256(file)).toBe(before);

    const upgraded = await runCliToEnd(['list', '--archive', file, '--upgrade']);
    expect(upgraded.code, upgraded.stderr).toBe(0);
    const backup = path.join(tmp(), 'old.schema-1-backup.arshif');
    expect(upgraded.stderr).toBe(`Upgraded ${file} (schema 1 → ${latestVersion}); the archive as it was is kept in ${backup}.\n`);
    expect(upgraded.stdout).toMatch(/^1 articles/);
    const kept = new Database(backup, { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(1);
    expect(kept.prepare('SELECT title FROM articles').pluck().all()).toEqual(['عنوان']);
    kept.close();
    const again = await runCliToEnd(['list', '--archive', file, '--upgrade']);
    expect(again.stderr).toBe(''); // nothing more to upgrade
  });

  it('an archive locked by another program: one line saying so, after waiting a few seconds for it', async () => {
    const file = path.join(tmp(), 'busy.arshif');
    await writeGoodArchive(file);
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run(); // another writer holds the archive
    try {
      const result = await runCliToEnd(['import', samplePagePath, '--archive', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`arshif: ${file} is locked by another program (perhaps an import in another Arshif); try again when it has finished.\n`);
      const list = await runCliToEnd(['list', '--archive', file]); // readers are never blocked by a writer
      expect(list.code, list.stderr).toBe(0);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
  });

  it('one line per failure; the stack only with --debug', async () => {
    const file = path.join(tmp(), 'notes.arshif');
    fs.writeFileSync(file, 'not an archive at all, just notes\n'.repeat(10));
    const plain = await runCliToEnd(['list', '--archive', file]);
    expect(plain.stderr).toBe(`arshif: ${file} is not an Arshif archive (it is not a SQLite database); it was left untouched.\n`);
    const debug = await runCliToEnd(['list', '--archive', file, '--debug']);
    expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.trim());
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
