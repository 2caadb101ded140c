/** A stream of byte chunks (a file or a zip member) that a parser can push bytes back into. */
import fs from 'node:fs';
import type { Readable } from 'node:stream';

/** Chunks read from disk at a time: large enough that per-chunk costs vanish, small enough to bound memory. */
export const READ_CHUNK_BYTES = 1024 * 1024;

export class ByteInput {
  private readonly iterator: AsyncIterator<Buffer | Uint8Array> | Iterator<Buffer | Uint8Array>;
  private readonly back: Buffer[] = [];
  private taken = 0;

  /** Chunks from a stream, or (tests, buffers in memory) from a list. */
  constructor(source: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>) {
    this.iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  static fromFile(file: string): ByteInput {
    return new ByteInput(fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }));
  }

  static fromStream(stream: Readable): ByteInput {
    return new ByteInput(stream);
  }

  /** The next chunk (bytes pushed back first), or null at the end. */
  async read(): Promise<Buffer | null> {
    let chunk = this.back.pop();
    if (chunk === undefined) {
      const next = await this.iterator.next();
      if (next.done === true) return null;
      chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
    this.taken += chunk.length;
    return chunk;
  }

  /** Gives back the unused tail of what was read; the next read returns it first. */
  unread(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.back.push(chunk);
    this.taken -= chunk.length;
  }

  /** Bytes of the source consumed so far (read and not given back). */
  get position(): number {
    return this.taken;
  }

  /** Stops reading (closes the file or stream). */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

/** A source's damage, with the byte (or line) where it was found. */
export class DamagedSource extends Error {
  constructor(
    message: string,
    /** Byte offset in the file (WARC) or line number (exports) where the damage was found. */
    readonly at: number,
  ) {
    super(message);
    this.name = 'DamagedSource';
  }
}
