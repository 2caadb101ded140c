import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Where a member of a zip on disk lies, from its central directory entry (zip.ts): enough for a parse
 * worker to read and inflate it on its own thread. Only plain members get one — stored or deflated,
 * not encrypted; anything else is read on the import's thread through yauzl.
 */
export interface ZipMemberLocation {
  zipFile: string;
  /** Offset of the member's local header. */
  offset: number;
  compressedSize: number;
  uncompressedSize: number;
  /** 0: stored; 8: deflated. */
  method: 0 | 8;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
/** Smallest local header: signature, fields and the name; the extra field and data follow. */
export const LOCAL_HEADER_BYTES = 30;

function readExactly(fd: number, length: number, position: number, what: string): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) throw new Error(`the zip ends inside ${what}`);
    done += n;
  }
  return buffer;
}

/** Inflates a member, never past the size its directory entry gives (a lying entry is a zip bomb's way in). */
function inflate(data: Buffer, size: number): Buffer {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`the member holds more bytes than the ${size} the zip's directory says`);
    throw error;
  }
}

/** A member's bytes, checked against the sizes its central directory entry gives; throws on any damage. */
export function readZipMember(at: ZipMemberLocation): Buffer {
  const fd = fs.openSync(at.zipFile, 'r');
  try {
    const header = readExactly(fd, LOCAL_HEADER_BYTES, at.offset, 'a member header');
    if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) throw new Error('no member header where the directory points');
    const dataStart = at.offset + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = readExactly(fd, at.compressedSize, dataStart, "a member's data");
    const bytes = at.method === 0 ? data : inflate(data, at.uncompressedSize);
    if (bytes.length !== at.uncompressedSize) {
      throw new Error(`the member holds ${bytes.length} bytes where the zip's directory says ${at.uncompressedSize}`);
    }
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}
