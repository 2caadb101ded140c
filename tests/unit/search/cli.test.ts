import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src-main/common/types.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { repoRoot } from '../../helpers/tmp.js';
import { ARTICLES } from './corpus.js';
import { buildArchive } from './fixture.js';

let dir = '';
let file = '';
let direct: SearchResult;

const cli = (...args: string[]) => [path.join(repoRoot, 'src-main/cli/main.ts'), ...args];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-search-cli-'));
  const archive = await buildArchive(dir, ARTICLES.slice(0, 18));
  file = archive.path;
  direct = searchArchive(archive, { query: 'حلب -دمشق', sort: 'newest', limit: 2 });
  archive.close();
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('arshif search', () => {
  it('--json prints exactly the SearchResult', () => {
    const run = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', ...cli(...args)], { cwd: repoRoot, encoding: 'utf8' })) as unknown;
    const options = ['--archive', file, '--sort', 'newest', '--limit', '2', '--json'];
    expect(run('search', 'حلب -دمشق', ...options)).toEqual(direct);
    // A word that starts with "-" needs "--" before it, or the query as one argument.
    expect(run('search', ...options, '--', 'حلب', '-دمشق')).toEqual(direct);
    expect(direct.total).toBe(3);
  });

  it('prints hits with marked words as text', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', ...cli('search', 'بحلب', '--archive', file)], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toContain('4 articles match');
    expect(out).toContain('⟦بحلب⟧');
    expect(out).toContain('Sites: alazmenah.com (4)');
  });

  it('explains a query that cannot match, and rejects bad options through the API schema', () => {
    const problem = execFileSync(process.execPath, ['--import', 'tsx', ...cli('search', '--archive', file, '--', '-حلب')], { cwd: repoRoot, encoding: 'utf8' });
    expect(problem).toContain('only excludes words');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', ...cli('search', 'حلب', '--archive', file, '--sort', 'best')], { cwd: repoRoot, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--sort/);
    const calendar = spawnSync(process.execPath, ['--import', 'tsx', ...cli('search', 'حلب', '--archive', file, '--calendar', 'julian')], { cwd: repoRoot, encoding: 'utf8' });
    expect(calendar.status).toBe(2);
    expect(calendar.stderr).toMatch(/--calendar/);
  });

  it('counts the year facet in Hijri years with --calendar hijri', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', ...cli('search', 'بحلب', '--archive', file, '--calendar', 'hijri')], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toMatch(/Hijri years: 14\d\d \(\d+\)/);
    const json = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', ...cli('search', 'بحلب', '--archive', file, '--calendar', 'hijri', '--json')], { cwd: repoRoot, encoding: 'utf8' })) as SearchResult;
    expect(json.calendar).toBe('hijri');
    expect(json.timeline.every((b) => /^14\d\d-(0[1-9]|1[0-2])$/.test(b.value))).toBe(true);
  });
});
