import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countImport, walkImport, type PlannedItem } from '../../../src-main/core/importer/scan.js';

async function planImport(paths: string[]): Promise<{ items: PlannedItem[]; filesTotal: number }> {
  const items: PlannedItem[] = [];
  for await (const item of walkImport(paths)) items.push(item);
  return { items, filesTotal: (await countImport(paths)).files };
}
import { siteFromPath } from '../../../src-main/core/importer/site-from-path.js';
import { fileKind } from '../../../src-main/core/importer/file-kinds.js';
import { countZipMembers, zipMembers } from '../../../src-main/core/importer/zip.js';
import { buildZip } from '../../corpus/zip-writer.js';
import { useTempDir } from '../../helpers/tmp.js';

describe('walkImport', () => {
  const tmp = useTempDir();

  it('walks folders in name order, never follows links, and walks overlapping roots once', async () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, 'site.com', 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, 'site.com', 'b', '2.txt'), 'x');
    fs.writeFileSync(path.join(root, 'site.com', '1.txt'), 'x');
    fs.symlinkSync('..', path.join(root, 'site.com', 'b', 'up')); // a loop back up the tree
    fs.symlinkSync(path.join(root, 'site.com', '1.txt'), path.join(root, 'site.com', 'link.txt'));
    const plan = await planImport([root, path.join(root, 'site.com')]);
    const files = plan.items.filter((i) => i.kind === 'file').map((i) => path.relative(root, i.path));
    expect(files).toEqual(['site.com/1.txt', 'site.com/b/2.txt']);
    const links = plan.items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));
    expect(links.map((r) => [path.relative(root, r.path), r.reason]).sort()).toEqual([
      ['site.com/b/up', 'link'],
      ['site.com/link.txt', 'link'],
    ]);
    expect(plan.filesTotal).toBe(4);
  });

  it('imports a file named on its own and inside a named folder once', async () => {
    const root = tmp();
    fs.writeFileSync(path.join(root, 'a.txt'), 'x');
    fs.writeFileSync(path.join(root, 'b.txt'), 'x');
    for (const order of [[root, path.join(root, 'a.txt')], [path.join(root, 'a.txt'), root]]) {
      const plan = await planImport(order);
      expect(plan.items.map((i) => (i.kind === 'rejected' ? '' : path.basename(i.path))).sort()).toEqual(['a.txt', 'b.txt']);
      expect(plan.filesTotal).toBe(2);
    }
  });

  it('reports a missing path and a broken zip without stopping', async () => {
    const root = tmp();
    fs.writeFileSync(path.join(root, 'bad.zip'), 'PK\u0003\u0004 not really a zip');
    fs.writeFileSync(path.join(root, 'ok.txt'), 'x');
    const plan = await planImport([path.join(root, 'missing'), root]);
    const reasons = plan.items.map((i) => (i.kind === 'rejected' ? i.rejection.reason : i.kind));
    expect(reasons).toEqual(['unreadable', 'bad-zip', 'file']);
  });

  it('counts zip members from the central directory', async () => {
    const root = tmp();
    const zip = path.join(root, 'bundle.zip');
    fs.writeFileSync(zip, buildZip([{ name: 'inner/' }, { name: 'inner/a.txt', data: Buffer.from('a') }, { name: 'b.html', data: Buffer.from('b') }]));
    expect(await countZipMembers(zip)).toBe(2);
    const names: string[] = [];
    for await (const m of zipMembers(zip)) names.push(`${m.name}=${(await m.read()).toString()}`);
    expect(names).toEqual(['inner/a.txt=a', 'b.html=b']);
    const plan = await planImport([zip]);
    expect(plan.filesTotal).toBe(2);
  });
});

describe('siteFromPath', () => {
  it('uses the nearest folder named like a domain, inside zips too', () => {
    expect(siteFromPath('/data/scrapes/www.SANA.sy/2016/a.txt', '/data/scrapes')).toBe('sana.sy');
    expect(siteFromPath('/data/x/enabbaladi.net.zip!/pages/a.txt', '/data/x')).toBe('enabbaladi.net');
    expect(siteFromPath('/data/x/bundle.zip!/al-akhbar.com/a.txt', '/data/x')).toBe('al-akhbar.com');
  });

  it('falls back to the imported folder name', () => {
    expect(siteFromPath('/data/alazmenah/2016/a.txt', '/data/alazmenah')).toBe('alazmenah');
  });
});

describe('fileKind', () => {
  it('knows pages, zips and everything else', () => {
    expect(['a.txt', 'a.HTML', 'a.htm', 'README', 'b.zip', 'c.jpg', 'd.css'].map(fileKind)).toEqual([
      'page',
      'page',
      'page',
      'page',
      'zip',
      'unsupported',
      'unsupported',
    ]);
  });
});
