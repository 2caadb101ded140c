import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, processZipMember } from '../../../src-main/core/importer/process-page.js';
import { zipMembers, type ZipMember } from '../../../src-main/core/importer/zip.js';
import { readZipMember, type ZipMemberLocation } from '../../../src-main/core/importer/zip-member-read.js';
import { buildZip } from '../../corpus/zip-writer.js';

const longPage = Buffer.from(`${'عنوان الخبر\n'}${'هذا نص طويل يتكرر في الصفحة. '.repeat(200)}`, 'utf8');
const tinyPage = Buffer.from('x', 'utf8');

let dir: string;
let zipFile: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-zipread-'));
  zipFile = path.join(dir, 'bundle.zip');
  fs.writeFileSync(zipFile, buildZip([{ name: 'site/' }, { name: 'site/long.txt', data: longPage }, { name: 'site/tiny.txt', data: tinyPage }]));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function members(source: string | Buffer): Promise<ZipMember[]> {
  const out: ZipMember[] = [];
  for await (const member of zipMembers(source)) out.push(member);
  return out;
}

describe('zip members read on another thread (zip-member-read.ts)', () => {
  it('locates plain members of a zip on disk and reads deflated and stored ones exactly', async () => {
    const [long, tiny] = await members(zipFile);
    expect(long!.location?.method).toBe(8);
    expect(tiny!.location?.method).toBe(0);
    expect(readZipMember(long!.location!).equals(longPage)).toBe(true);
    expect(readZipMember(tiny!.location!).equals(tinyPage)).toBe(true);
  });

  it('gives no location for a zip held in memory (a zip inside a zip): it is read through yauzl', async () => {
    const [long] = await members(fs.readFileSync(zipFile));
    expect(long!.location).toBeNull();
  });

  it('refuses a member whose header is not where the directory points, that the file cuts short, or whose size differs', async () => {
    const [long] = await members(zipFile);
    const at = long!.location!;
    const wrong = (change: Partial<ZipMemberLocation>) => () => readZipMember({ ...at, ...change });
    expect(wrong({ offset: at.offset + 1 })).toThrow(/no member header/);
    expect(wrong({ compressedSize: at.compressedSize + 10_000 })).toThrow(/zip ends inside/);
    expect(wrong({ uncompressedSize: at.uncompressedSize - 1 })).toThrow(/more bytes than the \d+ the zip's directory says/);
    expect(wrong({ uncompressedSize: at.uncompressedSize + 1 })).toThrow(/bytes where the zip's directory says/);
  });

  it('parses a member as a page, skips it when its hash is stored, and reports damage as unreadable', async () => {
    const [long] = await members(zipFile);
    const at = long!.location!;
    const parsed = processZipMember(at, 'site/long.txt', null);
    expect(parsed.kind).toBe('page');
    if (parsed.kind === 'page') expect(parsed.hash).toBe(contentHash(longPage));
    expect(processZipMember(at, 'site/long.txt', contentHash(longPage))).toEqual({ kind: 'unchanged', bytes: longPage.length });
    fs.truncateSync(zipFile, at.offset + 40);
    expect(processZipMember(at, 'site/long.txt', null)).toMatchObject({ kind: 'unreadable' });
  });
});
