/**
 * The decompressed bytes of a file that may be gzipped, member by member, with the offset in the file
 * where each gzip member starts. A `.warc.gz` is written one member per record, so that offset is the
 * record's address (as CDX indexes give it); a file gzipped as a whole is one member.
 *
 * Each member is inflated on its own with native zlib (Node's multi-member gunzip hides where members
 * begin), which tells how many input bytes the member's deflate data took; the unread tail goes back to
 * the input for the next member. A member of a few KB is inflated in one call; one too large for that is
 * streamed under back-pressure, so memory stays bounded whatever its size. CRC and length are checked.
 */
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { DamagedSource, type ByteInput } from './byte-input.js';

export interface Piece {
  data: Buffer;
  /** On the first piece of a gzip member: the member's offset in the file; else null. */
  memberStart: number | null;
}

const OUTPUT_CHUNK_BYTES = 256 * 1024;
const MAX_GZIP_HEADER_BYTES = 64 * 1024;
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** Reads at least `n` bytes (fewer only at the end of the input) as one buffer, without copying when one chunk holds them. */
async function readAtLeast(input: ByteInput, n: number): Promise<Buffer> {
  let buf: Buffer = Buffer.alloc(0);
  while (buf.length < n) {
    const chunk = await input.read();
    if (chunk === null) break;
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
  }
  return buf;
}

/** The length of the gzip header at the start of buf; 0 when buf holds only part of it. */
function gzipHeaderLength(buf: Buffer, offset: number): number {
  if (buf.length < 10) return 0;
  if (buf[0] !== 0x1f || buf[1] !== 0x8b) throw new DamagedSource(`not gzip data at byte ${offset}`, offset);
  if (buf[2] !== 8) throw new DamagedSource(`unknown gzip compression method ${buf[2]} at byte ${offset}`, offset);
  const flags = buf[3] ?? 0;
  let at = 10;
  if (flags & FEXTRA) {
    if (buf.length < at + 2) return 0;
    at += 2 + buf.readUInt16LE(at);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = buf.indexOf(0, at);
    if (end < 0) return 0;
    at = end + 1;
  }
  if (flags & FHCRC) at += 2;
  return buf.length >= at ? at : 0;
}

async function readGzipHeader(input: ByteInput, offset: number): Promise<boolean> {
  let buf: Buffer = Buffer.alloc(0);
  for (;;) {
    const length = gzipHeaderLength(buf, offset);
    if (length > 0) {
      input.unread(buf.subarray(length));
      return true;
    }
    if (buf.length > MAX_GZIP_HEADER_BYTES) throw new DamagedSource(`a damaged gzip header at byte ${offset}`, offset);
    const chunk = await input.read();
    if (chunk === null) {
      if (buf.length === 0) return false;
      throw new DamagedSource(`the file ends inside a gzip header at byte ${offset} (cut short)`, offset);
    }
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
  }
}


type OneShot = { ok: true; output: Buffer; consumed: number } | { ok: false; why: 'cut' | 'large' | 'damaged'; message: string };

/**
 * Inflates a member held whole in `data` in one synchronous call: the common case (a record of a few KB
 * inside the chunk just read), where a round trip to zlib's thread pool per record would cost more than
 * the inflation (and far more on a loaded machine). Imports run on a thread of their own, so the pause is
 * theirs alone, and it is bounded by `maxOutput`. Tells when the member goes on past `data` or inflates
 * to more than `maxOutput` bytes, for the caller to stream it instead.
 */
function inflateOnce(data: Buffer, maxOutput: number): OneShot {
  try {
    const result = zlib.inflateRawSync(data, { info: true, maxOutputLength: maxOutput }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { ok: true, output: result.buffer, consumed: result.engine.bytesWritten };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, why: 'large', message: '' };
    return { ok: false, why: code === 'Z_BUF_ERROR' ? 'cut' : 'damaged', message: (error as Error).message };
  }
}

/** Resolves once the stream wants more input, or will take no more. */
function writable(stream: Transform): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('end', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('end', done);
    stream.on('close', done);
  });
}

function damagedMember(memberStart: number, message: string): DamagedSource {
  return new DamagedSource(`damaged compressed data in the gzip member that starts at byte ${memberStart}: ${message}`, memberStart);
}

function cutMember(memberStart: number): DamagedSource {
  return new DamagedSource(`the file ends inside the gzip member that starts at byte ${memberStart} (cut short)`, memberStart);
}

/** Streams a member too large to inflate at once, under back-pressure; the input is left just after its deflate data. */
async function* streamMember(input: ByteInput, memberStart: number, check: { crc: number; size: number }): AsyncGenerator<Buffer> {
  const inflater = zlib.createInflateRaw({ chunkSize: OUTPUT_CHUNK_BYTES });
  const fed: Buffer[] = [];
  let fedStart = 0; // offset (in the member's deflate data) of fed[0]
  let finished = false;
  inflater.once('end', () => (finished = true));
  inflater.on('error', () => (finished = true));
  const feeding = (async () => {
    while (!finished) {
      const chunk = await input.read();
      if (chunk === null) {
        inflater.end();
        return;
      }
      fed.push(chunk);
      while (fed.length > 1 && fedStart + (fed[0]?.length ?? 0) <= inflater.bytesWritten) fedStart += fed.shift()?.length ?? 0;
      if (finished) return;
      if (!inflater.write(chunk)) await writable(inflater);
    }
  })();
  let complete = false;
  try {
    for await (const data of inflater as AsyncIterable<Buffer>) {
      check.crc = zlib.crc32(data, check.crc);
      check.size += data.length;
      yield data;
    }
    complete = true;
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? cutMember(memberStart) : damagedMember(memberStart, (error as Error).message);
  } finally {
    finished = true;
    if (!complete) inflater.destroy();
  }
  await feeding;
  // What the member did not consume goes back to the input, newest chunk first.
  let skip = inflater.bytesWritten - fedStart;
  const tail: Buffer[] = [];
  for (const chunk of fed) {
    if (skip >= chunk.length) skip -= chunk.length;
    else {
      tail.push(chunk.subarray(skip));
      skip = 0;
    }
  }
  for (let i = tail.length - 1; i >= 0; i--) input.unread(tail[i] as Buffer);
}

/** Compressed bytes gathered for one-shot inflation before a member is streamed instead. */
const ONE_SHOT_MAX_INPUT = 4 * 1024 * 1024;
/** Output of one-shot inflation before a member is streamed instead. */
const ONE_SHOT_MAX_OUTPUT = 16 * 1024 * 1024;

/** One member's decompressed pieces (the input positioned at its deflate data); leaves the input just after its trailer. */
async function* inflateMember(input: ByteInput, memberStart: number): AsyncGenerator<Piece> {
  const check = { crc: 0, size: 0 };
  let data = await readAtLeast(input, 1);
  let streamed = false;
  for (;;) {
    const once = inflateOnce(data, ONE_SHOT_MAX_OUTPUT);
    if (once.ok) {
      input.unread(data.subarray(once.consumed));
      check.crc = zlib.crc32(once.output);
      check.size = once.output.length;
      yield { data: once.output, memberStart };
      break;
    }
    if (once.why === 'damaged') throw damagedMember(memberStart, once.message);
    if (once.why === 'cut' && data.length < ONE_SHOT_MAX_INPUT) {
      const more = await input.read();
      if (more === null) throw cutMember(memberStart);
      data = Buffer.concat([data, more]);
      continue;
    }
    input.unread(data);
    streamed = true;
    break;
  }
  if (streamed) {
    let first = true;
    for await (const chunk of streamMember(input, memberStart, check)) {
      yield { data: chunk, memberStart: first ? memberStart : null };
      first = false;
    }
  }
  const trailerAt = input.position;
  const trailer = await readAtLeast(input, 8);
  if (trailer.length < 8) throw new DamagedSource(`the file ends inside a gzip trailer at byte ${trailerAt} (cut short)`, trailerAt);
  input.unread(trailer.subarray(8));
  if (trailer.readUInt32LE(0) !== check.crc >>> 0 || trailer.readUInt32LE(4) !== check.size % 0x1_0000_0000) {
    throw new DamagedSource(`the gzip member that starts at byte ${memberStart} fails its checksum (damaged)`, memberStart);
  }
}

async function* gunzipMembers(input: ByteInput): AsyncGenerator<Piece> {
  for (;;) {
    const memberStart = input.position;
    const next = await readAtLeast(input, 2);
    if (next.length === 0) return;
    if (next[0] !== 0x1f || next[1] !== 0x8b) {
      input.unread(next);
      if (await onlyZerosLeft(input)) return; // padding some tools leave after the last member
      throw new DamagedSource(`data at byte ${memberStart} is not gzip (damaged, or gzip data mixed with plain data)`, memberStart);
    }
    input.unread(next);
    if (!(await readGzipHeader(input, memberStart))) return;
    yield* inflateMember(input, memberStart);
  }
}

async function onlyZerosLeft(input: ByteInput): Promise<boolean> {
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) {
    for (const byte of chunk) if (byte !== 0) return false;
  }
  return true;
}

/** The bytes of a plain or gzipped input (told apart by the gzip magic), as pieces. */
export async function* decompressedPieces(input: ByteInput): AsyncGenerator<Piece> {
  const head = await readAtLeast(input, 2);
  input.unread(head);
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    yield* gunzipMembers(input);
    return;
  }
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) yield { data: chunk, memberStart: null };
}
