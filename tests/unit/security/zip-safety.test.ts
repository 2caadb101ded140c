/**
 * Zips whose central directory points several entries at the same bytes are refused as `bad-zip`
 * before any member is read; zips inside zips are opened only a few levels deep.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { countZipMembers, zipMembers } from '../../../src-main/core/importer/zip.js';
import { buildZip } from '../../corpus/zip-writer.js';
import { samplePagePath, useTempDir } from '../../helpers/tmp.js';
import { compressiblePage, overlappingZip } from './zip-bombs.js';

const MiB = 1024 * 1024;

describe('zips that reuse their own bytes', () => {
  const tmp = useTempDir('arshif-zip-');

  it('600 entries over one 8 MiB member: a small file, refused before any member is inflated', async () => {
    const bomb = overlappingZip(compressiblePage(8 * MiB - 1024), 600);
    expect(bomb.length).toBeLessThan(100 * 1024);
    await expect(countZipMembers(bomb)).rejects.toThrow(/"page-0001\.txt" and "page-0002\.txt" point at the same data/);
    const members = zipMembers(bomb);
    await expect(members.next()).rejects.toThrow(/zip bomb/);
  });

  it('entries that overlap without starting at the same place are refused too', async () => {
    const zip = overlappingZip(compressiblePage(64 * 1024), 5, 40);
    await expect(countZipMembers(zip)).rejects.toThrow(/overlaps entry/);
  });

  it('an honest zip passes, and its members are read', async () => {
    const zip = buildZip([{ name: 'a/' }, { name: 'a/one.txt', data: Buffer.from('1') }, { name: 'a/two.txt', data: Buffer.from('2') }]);
    expect(await countZipMembers(zip)).toBe(2);
    const names: string[] = [];
    for await (const member of zipMembers(zip)) names.push(`${member.name}=${(await member.read()).toString()}`);
    expect(names).toEqual(['a/one.txt=1', 'a/two.txt=2']);
  });

  it('an import reports such a zip once as bad-zip, naming it, and imports the rest', async () => {
    const dir = path.join(tmp(), 'pages');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'bomb.zip'), overlappingZip(compressiblePage(MiB), 50));
    fs.copyFileSync(samplePagePath, path.join(dir, 'page.txt'));
    const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
    try {
      const report = await runImport(archive, [dir], { parseWorkers: 0 });
      expect(report.articlesAdded).toBe(1);
      expect(report.rejections).toEqual([{ path: path.join(dir, 'bomb.zip'), reason: 'bad-zip', message: expect.stringMatching(/^Not a readable zip file: .*point at the same data/) }]);
      expect(report.filesDone).toBe(report.filesTotal);
    } finally {
      archive.close();
    }
  });

  it('opens zips inside zips three levels deep, and no deeper', async () => {
    const dir = tmp();
    let zip = buildZip([{ name: 'page.txt', data: fs.readFileSync(samplePagePath) }]);
    for (let level = 1; level < 5; level++) zip = buildZip([{ name: `level${level}.zip`, data: zip }]);
    fs.writeFileSync(path.join(dir, 'deep.zip'), zip);
    const archive = openArchive(path.join(dir, 'a.arshif'), { create: true });
    try {
      const report = await runImport(archive, [path.join(dir, 'deep.zip')], { parseWorkers: 0 });
      expect(report.articlesAdded).toBe(0);
      expect(report.rejections).toEqual([
        { path: `${path.join(dir, 'deep.zip')}!/level4.zip!/level3.zip!/level2.zip`, reason: 'bad-zip', message: 'Zips nested more than 3 deep are not opened.' },
      ]);
    } finally {
      archive.close();
    }
  });
});
