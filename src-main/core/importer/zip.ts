import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

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
}

type ZipSource = string | Buffer;

function openZip(source: ZipSource): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error ?? new Error('cannot open zip')) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, options, done);
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

/** Counts the file members of a zip from its central directory, without reading them. */
export async function countZipMembers(source: ZipSource): Promise<number> {
  const zip = await openZip(source);
  return new Promise((resolve, reject) => {
    let count = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) count++;
      zip.readEntry();
    });
    zip.on('end', () => resolve(count));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * The file members of a zip, in stored order, one at a time. Errors opening the zip reject the first
 * `next()`; errors of one member reject its `read()` only, and the walk goes on.
 */
export async function* zipMembers(source: ZipSource): AsyncGenerator<ZipMember> {
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
      };
    }
  } finally {
    zip.close();
  }
}
