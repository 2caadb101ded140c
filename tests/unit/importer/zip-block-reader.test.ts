/**
 * Zips on disk are walked through BlockReader (small reads served from blocks of the file): a central
 * directory larger than a block, members read in order, and a damaged zip that never leaves its file open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countZipMembers, zipMembers } from '../../../src-main/core/importer/zip.js';
import { buildZip } from '../../corpus/zip-writer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-zip-block-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const openFiles = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : null);

describe('zips read through blocks', () => {
  it('walks a central directory several blocks long and reads every member', async () => {
    // 3,000 entries with long names: a central directory of about 600 KB, more than two blocks.
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      name: `site.example/${'قسم-'.repeat(20)}${String(i).padStart(5, '0')}.txt`,
      data: Buffer.from(`عنوان ${i}\nنص الخبر ${i}\n`),
    }));
    const file = path.join(dir, 'many.zip');
    fs.writeFileSync(file, buildZip(entries));
    expect(await countZipMembers(file)).toBe(3000);
    let i = 0;
    for await (const member of zipMembers(file)) {
      expect(member.name).toBe(entries[i]!.name);
      expect((await member.read()).toString()).toBe(entries[i]!.data.toString());
      i++;
    }
    expect(i).toBe(3000);
  });

  it('refuses a zip cut short, and leaves no file open', async () => {
    const whole = buildZip([{ name: 'a.txt', data: Buffer.from('a'.repeat(5000)) }, { name: 'b.txt', data: Buffer.from('b') }]);
    const file = path.join(dir, 'cut.zip');
    fs.writeFileSync(file, whole.subarray(0, whole.length - 30)); // the end of the central directory is gone
    const before = openFiles();
    await expect(countZipMembers(file)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20)); // closing is asynchronous
    expect(openFiles()).toBe(before);
  });
});
