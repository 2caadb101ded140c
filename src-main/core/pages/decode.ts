/**
 * Bytes of one scraped file → text, with the encoding it was in, in the order browsers follow (WHATWG):
 * a BOM (UTF-8, UTF-16 LE/BE); the transport layer's charset (a crawl's Content-Type); for HTML the
 * `<meta>` declaration in the first 1024 bytes; then binary sniffing (NUL bytes, control characters;
 * BOM-less UTF-16 recognised first), strict UTF-8, a `<meta>` declared later in the head, windows-1256
 * when the result plausibly is Arabic text, and for HTML windows-1252 (the browsers' default).
 * One deliberate difference: bytes that are valid UTF-8 with non-ASCII characters are read as UTF-8
 * even when a legacy charset is declared — pages re-saved as UTF-8 keep their old declaration, and
 * legacy text is practically never valid UTF-8 by chance. Line ends become "\n". Never throws.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import type { RejectReason, TextEncoding } from '../../common/types.js';
import { charsetOfContentType, encodingForLabel, prescanMetaCharset } from './charset.js';
import { looksLikeArabic1256, looksLikeMojibake } from './plausible.js';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; reason: RejectReason; message: string };

export interface DecodeOptions {
  /** The bytes are markup (HTML): `<meta>` declarations count, and ASCII letters are tags, not text. */
  markup?: boolean;
  /** The HTTP Content-Type the page was served with (its charset comes before the page's own). */
  contentType?: string;
}

/** How far into an HTML file a `<meta>` charset is looked for when the bytes are not UTF-8. */
const LATE_META_BYTES = 65_536;

/** How many leading bytes the binary sniffers look at. */
const SNIFF_BYTES = 16_384;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16leFatal = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16beFatal = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
const cp1256 = new TextDecoder('windows-1256');

function reject(reason: RejectReason, message: string): Decoded {
  return { ok: false, reason, message };
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return reject('empty', 'the file is empty (0 bytes)');
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return fromUtf16(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return fromUtf16(bytes.subarray(2), 'utf-16be');
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const markup = options.markup === true;

  const transport = bom ? null : charsetOfContentType(options.contentType);
  if (transport === 'utf-16le' || transport === 'utf-16be') return fromUtf16(bytes, transport);
  const declared = bom ? null : (transport ?? (markup ? prescanMetaCharset(bytes) : null));

  const sniff = sniffBytes(body);
  if (sniff.nulCount > 0) {
    const utf16 = bom ? null : guessBomlessUtf16(body);
    if (utf16) return fromUtf16(body, utf16);
    return reject('binary', `binary data, not text: ${sniff.nulCount} NUL byte(s) in the first ${sniff.scanned} bytes`);
  }
  if (sniff.controlCount > Math.max(4, sniff.scanned * 0.01)) {
    return reject('binary', `binary data, not text: ${sniff.controlCount} control bytes in the first ${sniff.scanned} bytes`);
  }
  if (bom) return fromUtf8(body, 'utf-8-bom');

  const utf8 = tryUtf8(bytes);
  if (declared !== null && declared !== 'utf-8') {
    // Valid UTF-8 with non-ASCII characters is UTF-8 whatever an old declaration says.
    if (utf8 !== null && hasNonAscii(bytes)) return finish(utf8, 'utf-8');
    return fromLegacy(bytes, declared);
  }
  if (utf8 !== null) return finish(utf8, 'utf-8');
  if (markup && declared === null) {
    const late = prescanMetaCharset(bytes, LATE_META_BYTES);
    if (late !== null && late !== 'utf-8') return fromLegacy(bytes, late);
  }
  const damage = utf8Damage(bytes);
  if (damage.wellFormed > 0 && damage.wellFormed >= damage.invalid) {
    return reject(
      'decode',
      `invalid UTF-8: the file is UTF-8 but damaged (${damage.invalid} invalid byte(s), first at byte ${damage.firstInvalid})`,
    );
  }
  const legacy = cp1256.decode(bytes);
  if (looksLikeArabic1256(legacy, markup)) return finish(legacy, 'windows-1256');
  // Browsers read an HTML page that declares nothing with their locale's default: windows-1252 in most.
  if (markup) return fromLegacy(bytes, 'windows-1252');
  return reject('decode', 'not UTF-8, and not plausible windows-1256 Arabic text');
}

function fromLegacy(bytes: Uint8Array, encoding: string): Decoded {
  const name = encodingForLabel(encoding);
  if (name === null) return reject('decode', `the page declares the charset "${encoding}", which cannot be decoded`);
  return finish(new TextDecoder(name).decode(bytes), name);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return true;
  return false;
}

function fromUtf8(bytes: Uint8Array, encoding: TextEncoding): Decoded {
  const text = tryUtf8(bytes);
  if (text === null) return reject('decode', 'invalid UTF-8 after a UTF-8 byte order mark');
  return finish(text, encoding);
}

/** Strict UTF-8; a file cut inside its last character (a truncated save) loses only that character. */
function tryUtf8(bytes: Uint8Array): string | null {
  // Valid UTF-8 (nearly every page): validated and decoded natively, several times faster than the fatal decoder.
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    const cut = incompleteTail(bytes);
    if (cut === 0) return null;
    try {
      return utf8Fatal.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      return null;
    }
  }
}

/** Length of an incomplete multi-byte sequence at the very end of the bytes (0 when none). */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 1;
    return need > back && byte >= 0xc2 ? back : 0;
  }
  return 0;
}

function fromUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const even = bytes.length % 2 === 1 ? bytes.subarray(0, bytes.length - 1) : bytes; // truncated save
  let text: string;
  try {
    text = (encoding === 'utf-16le' ? utf16leFatal : utf16beFatal).decode(even);
  } catch {
    const lenient = new TextDecoder(encoding).decode(even);
    // A save cut between the halves of a surrogate pair leaves one U+FFFD at the end: drop it.
    if (lenient.indexOf('\ufffd') !== lenient.length - 1) return reject('decode', `invalid ${encoding.toUpperCase()} text`);
    text = lenient.slice(0, -1);
  }
  const controls = countControlChars(text);
  if (text.includes('\u0000') || controls > Math.max(4, text.length * 0.01)) {
    return reject('binary', `binary data, not text: NUL or control characters in ${encoding.toUpperCase()} text`);
  }
  return finish(text, encoding);
}

function finish(raw: string, encoding: TextEncoding): Decoded {
  const text = cleanText(raw);
  if (!/[^\s\u00a0\u200b-\u200f\ufeff]/u.test(text)) {
    return reject('empty', 'the file holds only whitespace');
  }
  if (encoding !== 'windows-1256' && looksLikeMojibake(text)) {
    return reject('decode', 'mojibake: Arabic text that was read as windows-1256 and saved again ("ط§ظ„…")');
  }
  return { ok: true, text, encoding };
}

/** "\r\n" and lone "\r" → "\n"; other C0/C1 controls, DEL and stray BOMs removed (tab kept). */
export function cleanText(text: string): string {
  const lf = text.includes('\r') ? text.replace(/\r\n?/gu, '\n') : text;
  return CONTROL.test(lf) ? lf.replace(CONTROL_ALL, (c) => (c === '\f' || c === '\v' ? '\n' : '')) : lf;
}
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/u;
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

interface Sniff {
  scanned: number;
  nulCount: number;
  controlCount: number;
}

function sniffBytes(bytes: Uint8Array): Sniff {
  const scanned = Math.min(bytes.length, SNIFF_BYTES);
  let nulCount = 0;
  let controlCount = 0;
  for (let i = 0; i < scanned; i++) {
    const byte = bytes[i] ?? 0;
    if (byte >= 0x20) {
      if (byte === 0x7f) controlCount++;
    } else if (byte === 0) nulCount++;
    else if (byte < 0x09 || (byte > 0x0d && byte !== 0x1a && byte !== 0x1b)) controlCount++;
  }
  return { scanned, nulCount, controlCount };
}

function countControlChars(text: string): number {
  let count = 0;
  const n = Math.min(text.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 ? code < 0x09 || code > 0x0d : code === 0x7f) count++;
  }
  return count;
}

/**
 * UTF-16 without BOM: the high byte of nearly every code unit is 0x00 (ASCII), 0x06 (Arabic), 0x20
 * (punctuation) or 0xFE/0xFB (presentation forms), and NULs sit on one side only.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), SNIFF_BYTES);
  if (n < 8) return null;
  const units = n / 2;
  let leHigh = 0;
  let beHigh = 0;
  let leArabic = 0;
  let beArabic = 0;
  for (let i = 0; i < n; i += 2) {
    const even = bytes[i] ?? 0;
    const odd = bytes[i + 1] ?? 0;
    if (isUtf16High(odd)) leHigh++;
    if (isUtf16High(even)) beHigh++;
    if (odd === 0x06) leArabic++;
    if (even === 0x06) beArabic++;
  }
  if (leHigh >= units * 0.95 && leArabic > 0) return 'utf-16le';
  if (beHigh >= units * 0.95 && beArabic > 0) return 'utf-16be';
  return null;
}

function isUtf16High(byte: number): boolean {
  return byte === 0x00 || byte === 0x06 || byte === 0x20 || byte === 0xfe || byte === 0xfb;
}

interface Utf8Damage {
  wellFormed: number;
  invalid: number;
  firstInvalid: number;
}

/** Counts well-formed multi-byte UTF-8 sequences against invalid bytes: real windows-1256 text forms few. */
function utf8Damage(bytes: Uint8Array): Utf8Damage {
  let wellFormed = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const need = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < n;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      wellFormed++;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { wellFormed, invalid, firstInvalid };
}
