/**
 * The entity body of an HTTP response as a crawler stored it → the page's bytes: chunked transfer
 * encoding undone, gzip/deflate/brotli content encoding decompressed (bounded: a decompression bomb is
 * refused, not inflated). Crawlers differ — wget and Heritrix keep the bytes as sent, others store them
 * decoded and drop the headers — so each step applies only when the bytes really are in that form.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

export type DecodedBody = { ok: true; bytes: Buffer } | { ok: false; message: string; tooLarge: boolean };

/** Undoes chunked transfer coding; null when the bytes are not chunked (stored already de-chunked). */
export function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0 || lineEnd - at > 64) return null;
    const sizeText = body.toString('latin1', at, lineEnd).split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-f]{1,8}$/iu.test(sizeText)) return null;
    const size = parseInt(sizeText, 16);
    at = lineEnd + 2;
    if (size === 0) return Buffer.concat(parts);
    if (at + size > body.length) {
      // Cut short: keep what came, as a browser would.
      parts.push(body.subarray(at));
      return Buffer.concat(parts);
    }
    parts.push(body.subarray(at, at + size));
    at += size;
    if (body.toString('latin1', at, at + 2) === '\r\n') at += 2;
  }
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Bytes that begin as markup (after blanks or a BOM): a page stored decoded, or HTML sent without a type. */
export function startsWithMarkup(bytes: Buffer, within = 1024): boolean {
  for (let i = 0; i < Math.min(bytes.length, within); i++) {
    const byte = bytes[i];
    if (byte === 0x3c) return true;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return false;
  }
  return false;
}

async function decompress(encoding: string, bytes: Buffer, maxOutputLength: number): Promise<Buffer | null> {
  if (startsWithMarkup(bytes)) return null;
  const options = { maxOutputLength };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return isGzip(bytes) ? gunzip(bytes, options) : null;
    case 'deflate':
      // "deflate" is zlib-wrapped by the standard, raw deflate from some servers.
      return inflate(bytes, options).catch(() => inflateRaw(bytes, options));
    case 'br':
      return brotli(bytes, options);
    default:
      throw new Error(`content encoding "${encoding}" is not supported`);
  }
}

/** The page bytes of a stored HTTP body, given its Transfer-Encoding and Content-Encoding headers. */
export async function decodeHttpBody(body: Buffer, transferEncoding: string, contentEncoding: string, maxBytes: number): Promise<DecodedBody> {
  let bytes = body;
  if (/\bchunked\b/iu.test(transferEncoding)) bytes = dechunk(bytes) ?? bytes;
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c.length > 0 && c !== 'identity');
  try {
    // Codings apply in order, so they are undone last first.
    for (const coding of codings.reverse()) {
      const decoded = await decompress(coding, bytes, maxBytes);
      if (decoded === null) break; // stored decoded, with the header left in
      bytes = decoded;
    }
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    const message = tooLarge ? `the page decompresses to more than ${maxBytes / 1024 / 1024} MB` : `the page cannot be decompressed: ${(error as Error).message}`;
    return { ok: false, message, tooLarge };
  }
  return { ok: true, bytes };
}
