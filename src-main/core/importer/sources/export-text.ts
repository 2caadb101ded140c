/**
 * The text encoding of a scraper export, told from its first bytes: a BOM (UTF-8, UTF-16), else UTF-8
 * when the opening bytes are valid UTF-8, else windows-1256 when they read as Arabic (spreadsheets saved
 * on Arabic Windows). Exports are then read as UTF-8 (or windows-1256) bytes: UTF-16 is transcoded.
 */
import { looksLikeArabic1256 } from '../../pages/plausible.js';
import type { ByteInput } from './byte-input.js';

const SNIFF_BYTES = 64 * 1024;

export type ExportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1256';

/** Valid UTF-8 except possibly a character cut at the very end. */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
        return true;
      } catch {
        // try a shorter cut
      }
    }
    return false;
  }
}

/** The encoding of the input from its first bytes (left unread), or null when it is neither UTF-8 nor Arabic windows-1256. */
export async function sniffEncoding(input: ByteInput): Promise<ExportEncoding | null> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const chunk = await input.read();
    if (chunk === null) break;
    chunks.push(chunk);
    length += chunk.length;
  }
  for (let i = chunks.length - 1; i >= 0; i--) input.unread(chunks[i] as Buffer);
  const head = Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (isUtf8(head)) return 'utf-8';
  return looksLikeArabic1256(new TextDecoder('windows-1256').decode(head), false) ? 'windows-1256' : null;
}

/** The TextDecoder label of an encoding. */
export function decoderLabel(encoding: ExportEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

/**
 * The input as bytes a byte-level splitter can read (UTF-8, or windows-1256 left as is: both keep ASCII
 * as ASCII): UTF-16 is transcoded to UTF-8, a BOM dropped.
 */
export async function* asciiCompatibleChunks(input: ByteInput, encoding: ExportEncoding): AsyncGenerator<Buffer> {
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const decoder = utf16 ? new TextDecoder(encoding) : null; // drops the BOM
  let bomLeft = encoding === 'utf-8-bom' ? 3 : 0;
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) {
    if (decoder) {
      yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
      continue;
    }
    if (bomLeft > 0) {
      const drop = Math.min(bomLeft, chunk.length);
      bomLeft -= drop;
      chunk = chunk.subarray(drop);
    }
    if (chunk.length > 0) yield chunk;
  }
  if (decoder) yield Buffer.from(decoder.decode(), 'utf8');
}

/** What the item bytes are in after asciiCompatibleChunks. */
export function itemEncoding(encoding: ExportEncoding): 'utf-8' | 'windows-1256' {
  return encoding === 'windows-1256' ? 'windows-1256' : 'utf-8';
}
