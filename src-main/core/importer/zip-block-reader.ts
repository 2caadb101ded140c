/**
 * How a zip on disk is read while its central directory is walked. yauzl reads each entry with two
 * small reads (its fixed part, then its names), each a round trip through the thread pool when read
 * through a file descriptor; here small reads are served from a block of the file read at once, so a
 * directory of thousands of entries costs a few reads. Member data is streamed from the file as before.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

const BLOCK_BYTES = 256 * 1024;
const STREAM_CHUNK_BYTES = 64 * 1024;

/** Bytes [start, end) of an open file, read asynchronously; never closes the file (fs streams close it when destroyed). */
class RangeStream extends Readable {
  private position: number;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super();
    this.position = start;
  }

  override _read(): void {
    const length = Math.min(STREAM_CHUNK_BYTES, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const chunk = Buffer.allocUnsafe(length);
    fs.read(this.fd, chunk, 0, length, this.position, (error, bytesRead) => {
      if (error) return this.destroy(error);
      if (bytesRead === 0) return this.push(null); // the file is shorter than the zip says: yauzl reports it
      this.position += bytesRead;
      this.push(bytesRead < length ? chunk.subarray(0, bytesRead) : chunk);
    });
  }
}

type ReadCallback = (error: Error | null, bytesRead?: number) => void;

export class BlockReader extends yauzl.RandomAccessReader {
  private block: Buffer | null = null;
  private blockStart = 0;
  private blockLength = 0;

  constructor(private readonly fd: number) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: ReadCallback): void {
    let bytesRead: number;
    try {
      bytesRead = length > BLOCK_BYTES ? fs.readSync(this.fd, buffer, offset, length, position) : this.fromBlock(buffer, offset, length, position);
    } catch (error) {
      process.nextTick(callback, error as Error);
      return;
    }
    // Never synchronously: yauzl's next read may start from this callback.
    process.nextTick(callback, null, bytesRead);
  }

  private fromBlock(buffer: Buffer, offset: number, length: number, position: number): number {
    if (this.block === null || position < this.blockStart || position + length > this.blockStart + this.blockLength) {
      this.block ??= Buffer.allocUnsafe(BLOCK_BYTES);
      this.blockStart = position;
      this.blockLength = fs.readSync(this.fd, this.block, 0, BLOCK_BYTES, position);
    }
    const from = position - this.blockStart;
    const n = Math.max(0, Math.min(length, this.blockLength - from));
    this.block.copy(buffer, offset, from, from + n);
    return n;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.fd, start, end);
  }

  override close(callback: (error: Error | null) => void): void {
    fs.close(this.fd, callback);
  }
}

/** Opens a zip on disk for yauzl through a BlockReader. */
export function openZipFile(file: string, options: yauzl.Options, done: (error: Error | null, zip?: yauzl.ZipFile) => void): void {
  let fd: number;
  let size: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    done(error as Error);
    return;
  }
  try {
    size = fs.fstatSync(fd).size;
  } catch (error) {
    fs.closeSync(fd);
    done(error as Error);
    return;
  }
  yauzl.fromRandomAccessReader(new BlockReader(fd), size, options, (error, zip) => {
    if (error) fs.close(fd, () => {}); // no zip was made: nothing else closes it
    done(error, zip);
  });
}
