import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { LOCAL_HEADER_BYTES, type ZipMemberLocation } from './zip-member-read.js';
import { openZipFile } from './zip-block-reader.js';

export interface ZipMember {
  /** Path inside the zip, with forward slashes. */
  name: string;
  uncompressedSize: number;
  /** Bytes the member takes in the zip. */
  compressedSize: number;
  /** Reads the member; must be called (or skip() called) before the next member is requested. */
  read(): Promise<Buffer>;
  /** The member as a stream (a crawl or export too large to hold); read it to its end before the next member. */
  open(): Promise<Readable>;
  /** Where a plain member (stored or deflated, not encrypted) of a zip on disk lies, for reading it on another thread. */
  location: ZipMemberLocation | null;
}

type ZipSource = string | Buffer;

function openZip(source: ZipSource): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error ?? new Error('cannot open zip')) : resolve(zip));
    if (typeof source === 'string') openZipFile(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('cannot read member')) : resolve(stream)));
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('cannot read member'));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

const ENCRYPTED = 0x1;

function locationOf(zipFile: string, entry: yauzl.Entry): ZipMemberLocation | null {
  const method = entry.compressionMethod;
  if ((method !== 0 && method !== 8) || (entry.generalPurposeBitFlag & ENCRYPTED) !== 0) return null;
  if (method === 0 && entry.compressedSize !== entry.uncompressedSize) return null;
  const { relativeOffsetOfLocalHeader: offset, compressedSize, uncompressedSize } = entry;
  return { zipFile, offset, compressedSize, uncompressedSize, method };
}

/** Where one member's bytes lie in the file, at least (the local extra field can only add to it). */
interface Span {
  start: number;
  end: number;
  name: string;
}

function spanOf(entry: yauzl.Entry): Span {
  const start = entry.relativeOffsetOfLocalHeader;
  return { start, end: start + LOCAL_HEADER_BYTES + entry.fileNameLength + entry.compressedSize, name: entry.fileName };
}

/**
 * Refuses a central directory whose entries share bytes: two entries at one offset, or one member's
 * data inside another's. Honest zips never do this; zip bombs do (600 entries pointing at one 8 MiB
 * member make 4.8 GB out of 89 KB).
 */
export function findOverlap(spans: Span[]): string | null {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.start < previous.end) {
      return current.start === previous.start
        ? `entries "${previous.name}" and "${current.name}" point at the same data`
        : `entry "${current.name}" overlaps entry "${previous.name}"`;
    }
  }
  return null;
}

/** Reads the whole central directory (never the members): the file members' count, after the overlap check. */
async function readCentralDirectory(source: ZipSource): Promise<number> {
  const zip = await openZip(source);
  const spans: Span[] = [];
  let files = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      spans.push(spanOf(entry));
      if (!entry.fileName.endsWith('/')) files++;
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  }).finally(() => {
    if (zip.isOpen) zip.close();
  });
  const overlap = findOverlap(spans);
  if (overlap) throw new Error(`its ${overlap} (a zip bomb, or a damaged zip)`);
  return files;
}

/** Counts the file members of a zip from its central directory, without reading them; refuses overlapping entries. */
export async function countZipMembers(source: ZipSource): Promise<number> {
  return readCentralDirectory(source);
}

/**
 * The file members of a zip, in stored order, one at a time. Errors opening the zip (overlapping entries
 * included) reject the first `next()`; errors of one member reject its `read()` only, and the walk goes on.
 */
export async function* zipMembers(source: ZipSource): AsyncGenerator<ZipMember> {
  await readCentralDirectory(source); // no member is read from a zip whose entries overlap
  const zip = await openZip(source);
  let failure: Error | null = null;
  let pending: ((entry: yauzl.Entry | null) => void) | null = null;
  let rejectPending: ((error: Error) => void) | null = null;
  zip.on('entry', (entry: yauzl.Entry) => pending?.(entry));
  zip.on('end', () => pending?.(null));
  zip.on('error', (error: Error) => {
    failure = error;
    rejectPending?.(error);
  });
  const nextEntry = () =>
    new Promise<yauzl.Entry | null>((resolve, reject) => {
      if (failure) return reject(failure);
      pending = resolve;
      rejectPending = reject;
      zip.readEntry();
    });
  try {
    for (;;) {
      const entry = await nextEntry();
      if (!entry) return;
      if (entry.fileName.endsWith('/')) continue;
      yield {
        name: entry.fileName,
        uncompressedSize: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        read: () => readEntry(zip, entry),
        open: () => openEntry(zip, entry),
        location: typeof source === 'string' ? locationOf(source, entry) : null,
      };
    }
  } finally {
    zip.close();
  }
}
