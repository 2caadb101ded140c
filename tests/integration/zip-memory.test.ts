/**
 * Memory of an import of hostile and of large zips, measured in a child process with
 * `process.resourceUsage().maxRSS`: an 89 KB zip of 600 central-directory entries over one 8 MiB
 * member (once 6.6 GB) is refused as bad-zip; an honest zip of 200 members of 8 MiB each (1.6 GB
 * inflated) is read with a bounded read-ahead. Both stay under 400 MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../corpus/zip-writer.js';
import { repoRoot, useTempDir } from '../helpers/tmp.js';
import { compressiblePage, overlappingZip } from '../unit/security/zip-bombs.js';

const MiB = 1024 * 1024;
const PEAK_LIMIT_MB = 400;

interface ChildResult {
  counts: { filesTotal: number; filesDone: number; rejected: number };
  rejections: Array<{ path: string; reason: string; message: string }>;
  maxRssMb: number;
}

function importInChild(archive: string, input: string): ChildResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/integration/helpers/import-child.ts'), archive, input], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 110_000,
  });
  if (child.status !== 0) throw new Error(`the import child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildResult;
}

describe('zip memory, measured in a child process', () => {
  const tmp = useTempDir('arshif-zipmem-');

  it(`600 entries over one 8 MiB member: bad-zip, peak RSS ≤ ${PEAK_LIMIT_MB} MB`, () => {
    const zip = path.join(tmp(), 'bomb.zip');
    fs.writeFileSync(zip, overlappingZip(compressiblePage(8 * MiB - 1024), 600));
    const result = importInChild(path.join(tmp(), 'a.arshif'), zip);
    console.log(`overlapping-entry zip (${(fs.statSync(zip).size / 1024).toFixed(0)} KB): peak RSS ${result.maxRssMb.toFixed(0)} MB`);
    expect(result.rejections).toEqual([{ path: zip, reason: 'bad-zip', message: expect.stringMatching(/point at the same data/) }]);
    expect(result.maxRssMb).toBeLessThanOrEqual(PEAK_LIMIT_MB);
  });

  it(`200 honest members of 8 MiB each (1.6 GB inflated): all read, peak RSS ≤ ${PEAK_LIMIT_MB} MB`, () => {
    const members = Array.from({ length: 200 }, (_, i) => {
      const data = Buffer.alloc(8 * MiB - 1024, 0);
      data.writeUInt32LE(i, data.length - 4); // all different
      return { name: `pages/page-${String(i).padStart(3, '0')}.txt`, data };
    });
    const zip = path.join(tmp(), 'big.zip');
    fs.writeFileSync(zip, buildZip(members));
    members.length = 0;
    const result = importInChild(path.join(tmp(), 'a.arshif'), zip);
    console.log(`honest zip of 200 × 8 MiB (${(fs.statSync(zip).size / MiB).toFixed(1)} MB): peak RSS ${result.maxRssMb.toFixed(0)} MB`);
    expect(result.counts).toMatchObject({ filesTotal: 200, filesDone: 200, rejected: 200 });
    expect(result.rejections[0]).toMatchObject({ reason: 'binary' });
    expect(result.maxRssMb).toBeLessThanOrEqual(PEAK_LIMIT_MB);
  });
});
