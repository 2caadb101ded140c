/**
 * Text → bytes in the encodings scraped folders carry. windows-1256 has its own encoder table, built
 * from the platform's decoder over bytes 0x80–0xFF (Node ships no windows-1256 encoder).
 */
import type { TextEncoding } from '../../src-main/common/types.js';

let cp1256Table: Map<number, number> | null = null;

function table1256(): Map<number, number> {
  if (cp1256Table) return cp1256Table;
  const decoder = new TextDecoder('windows-1256');
  const map = new Map<number, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch.length === 1 && ch !== '\ufffd') map.set(ch.charCodeAt(0), b);
  }
  cp1256Table = map;
  return map;
}

/** windows-1256 bytes of the text, or null when some character has no windows-1256 byte. */
export function encode1256(text: string): Buffer | null {
  const map = table1256();
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[i] = code;
      continue;
    }
    const byte = map.get(code);
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}

/**
 * Encodes a page. Returns the bytes and the encoding actually used: windows-1256 falls back to plain
 * UTF-8 when a character is not representable.
 */
export function encodeText(text: string, encoding: TextEncoding): { bytes: Buffer; encoding: TextEncoding } {
  switch (encoding) {
    case 'utf-8':
      return { bytes: Buffer.from(text, 'utf8'), encoding };
    case 'utf-8-bom':
      return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), encoding };
    case 'utf-16le':
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), encoding };
    case 'utf-16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return { bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), body]), encoding };
    }
    case 'windows-1256': {
      const bytes = encode1256(text);
      return bytes ? { bytes, encoding } : { bytes: Buffer.from(text, 'utf8'), encoding: 'utf-8' };
    }
    default:
      throw new Error(`the corpus generator does not write ${encoding}`);
  }
}
