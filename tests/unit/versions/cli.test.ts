/** `arshif versions`, `arshif diff` and `arshif ticker --from/--to`: the same documents as the engine, and readable text. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { getTickerHistory } from '../../../src-main/core/archive/ticker-history.js';
import { diffVersions, listVersions } from '../../../src-main/core/archive/versions.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { writeScrape } from '../../helpers/edited-article.js';
import { repoRoot } from '../../helpers/tmp.js';

let dir = '';
let file = '';

function arshif(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src-main/cli/main.ts'), ...args, '--archive', file], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function withArchive<T>(fn: (a: ReturnType<typeof openArchive>) => T): T {
  const archive = openArchive(file);
  try {
    return fn(archive);
  } finally {
    archive.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-versions-cli-'));
  file = path.join(dir, 'a.arshif');
  const archive = openArchive(file, { create: true });
  await runImport(archive, [0, 1, 2].map((i) => writeScrape(path.join(dir, 's'), i)), { parseWorkers: 0 });
  archive.close();
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the versions commands', () => {
  it('versions and diff --json print the engine documents', () => {
    expect(JSON.parse(arshif('versions', '1', '--json').stdout)).toEqual(withArchive((a) => listVersions(a, 1)));
    expect(JSON.parse(arshif('diff', '1', '2', '3', '--json').stdout)).toEqual(withArchive((a) => diffVersions(a, 1, { from: 2, to: 3 })));
    expect(JSON.parse(arshif('diff', '1', '--exact', '--json').stdout)).toEqual(withArchive((a) => diffVersions(a, 1, { mode: 'exact' })));
    expect(JSON.parse(arshif('diff', '1', '2', '--json').stdout)).toMatchObject({ from: 1, to: 2 });
  });

  it('prints a diff as text with the changes marked', () => {
    const out = arshif('diff', '1', '2', '3');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('[-300-] {+250+}');
    expect(out.stdout).toContain('(paragraph removed) [-وأضاف الوزير');
  });

  it('says what is wrong with a bad version number, and exits 2 on a usage error', () => {
    const missing = arshif('diff', '1', '1', '7');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('there is no version 7');
    const bad = arshif('diff', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('article id');
  });

  it('ticker --from/--to --json prints the ticker history', () => {
    const args = ['--site', 'alazmenah.com', '--from', '2018-07-01', '--to', '2018-07-31'];
    expect(JSON.parse(arshif('ticker', ...args, '--json').stdout)).toEqual(withArchive((a) => getTickerHistory(a, { site: 'alazmenah.com', from: '2018-07-01', to: '2018-07-31' })));
    const text = arshif('ticker', ...args).stdout;
    expect(text).toContain('3 scrape days with a ticker');
    expect(arshif('ticker', '--from', '2018-07-01').status).toBe(2);
  });
});
