/**
 * Hostile archive files given to the real command line — list, search, import and serve — the way a
 * researcher would open a file someone sent: each command refuses with one line naming what was found
 * (or, for an acceptable archive, reads it read-only), within 3 s; the attacker's SQL never runs (the
 * canary table stays empty), the file's bytes never change and nothing is created beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCliToEnd, startServe } from '../helpers/arshif-serve.js';
import { samplePagePath, useTempDir } from '../helpers/tmp.js';
import { canaryRows, folderListing, HOSTILE_CASES, sha256 } from '../unit/security/hostile-archives.js';

/**
 * Each command must be done within 3 s of starting its work. Starting Node with the TypeScript loader
 * takes 1–2 s by itself on a busy machine, so that start-up, measured with `--help` just before, is
 * allowed on top.
 */
const TIME_LIMIT_MS = 3000;
let startupMs = 0;

async function measureStartup(env: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  await runCliToEnd(['--help'], env);
  startupMs = Date.now() - started;
}

async function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const result = await runCliToEnd(args, env);
  return { ...result, ms: Date.now() - started };
}

describe('hostile archives given to the command line', () => {
  const tmp = useTempDir('arshif-hostile-cli-');

  for (const hostile of HOSTILE_CASES.filter((c) => c.refusal !== null)) {
    it(hostile.name, async () => {
      const folder = path.join(tmp(), 'received');
      fs.mkdirSync(folder);
      const file = path.join(folder, 'received.arshif');
      await hostile.build(file);
      const before = sha256(file);
      const listing = folderListing(file);
      const env = { XDG_CONFIG_HOME: path.join(tmp(), 'config') };
      await measureStartup(env);
      const commands = [
        ['list', '--archive', file],
        ['search', 'حلب', '--archive', file],
        ['import', samplePagePath, '--archive', file],
        ['serve', '--archive', file, '--port', '0'],
      ];
      for (const args of commands) {
        const result = await timed(args, env);
        const what = `${args[0]}: ${result.stderr}`;
        expect(result.code, what).toBe(1);
        expect(result.stdout, what).toBe('');
        expect(result.stderr.trim().split('\n'), what).toHaveLength(1);
        expect(result.stderr, what).toMatch(hostile.refusal!);
        expect(result.stderr, what).not.toMatch(/\n\s+at /);
        expect(result.ms - startupMs, what).toBeLessThan(TIME_LIMIT_MS);
        console.log(`${hostile.name} — ${args[0]}: refused in ${result.ms} ms (start-up with --help: ${startupMs} ms)`);
      }
      expect(sha256(file)).toBe(before);
      expect(folderListing(file)).toEqual(listing);
      expect(canaryRows(file)).toBe(0);
    });
  }

  it('a rollback-journal archive is read as it is: list, search and serve work, not a byte changes, nothing is created, it stays in rollback mode', async () => {
    const hostile = HOSTILE_CASES.find((c) => c.refusal === null)!;
    const file = path.join(tmp(), 'rollback.arshif');
    await hostile.build(file);
    const before = sha256(file);
    const listing = folderListing(file);
    const env = { XDG_CONFIG_HOME: path.join(tmp(), 'config') };
    const list = await timed(['list', '--archive', file], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^1 articles/);
    const search = await timed(['search', 'حلب', '--archive', file], env);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toMatch(/^1 articles match/);
    await measureStartup(env);
    for (const r of [list, search]) expect(r.ms - startupMs).toBeLessThan(TIME_LIMIT_MS);
    const served = await startServe(['--archive', file, '--port', '0'], env);
    try {
      const info = await fetch(`${served.url}api/archiveInfo`, { method: 'POST', headers: { ...served.auth, 'Content-Type': 'application/json' }, body: '{}' });
      const answer = await info.json();
      expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true, value: { articles: 1 } });
    } finally {
      await served.stop();
    }
    expect(sha256(file)).toBe(before);
    expect(folderListing(file).filter((n) => n !== 'config')).toEqual(listing);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
  });
});
