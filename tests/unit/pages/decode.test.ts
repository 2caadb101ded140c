import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src-main/core/pages/decode.js';
import { readPage } from '../../../src-main/core/pages/index.js';
import { BOM_UTF16BE, BOM_UTF16LE, BOM_UTF8, concat, sampleBytes, sampleText, utf16, utf8, windows1256 } from './helpers.js';

const ARABIC = 'أعلن الرئيس الروسي فلاديمير بوتين أن ما حدث في تدمر السورية هو نتيجة لعدم وجود التنسيق.\r\nسطر ثان';

function decoded(bytes: Uint8Array, markup = false): { text: string; encoding: string } {
  const result = decodeBytes(bytes, { markup });
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
  return { text: result.text, encoding: result.encoding };
}

function rejection(bytes: Uint8Array): { reason: string; message: string } {
  const result = decodeBytes(bytes);
  if (result.ok) throw new Error(`expected a rejection, decoded as ${result.encoding}: ${result.text.slice(0, 60)}`);
  return result;
}

describe('decodeBytes', () => {
  const expected = ARABIC.replace('\r\n', '\n');
  it.each([
    ['utf-8', utf8(ARABIC)],
    ['utf-8-bom', concat(BOM_UTF8, utf8(ARABIC))],
    ['utf-16le', concat(BOM_UTF16LE, utf16(ARABIC, 'le'))],
    ['utf-16be', concat(BOM_UTF16BE, utf16(ARABIC, 'be'))],
    ['windows-1256', windows1256(ARABIC)],
  ])('%s, CRLF → LF', (encoding, bytes) => {
    expect(decoded(bytes)).toEqual({ text: expected, encoding });
  });

  it('recognises UTF-16 without BOM, both byte orders', () => {
    expect(decoded(utf16(ARABIC, 'le')).encoding).toBe('utf-16le');
    expect(decoded(utf16(ARABIC, 'be')).encoding).toBe('utf-16be');
  });

  it('turns lone CR into LF and drops control characters', () => {
    expect(decoded(utf8('سطر\rسطر\u0007 ثالث')).text).toBe('سطر\nسطر ثالث');
  });

  it('windows-1256 HTML: markup letters do not count against the Arabic', () => {
    const html = `<html><head><meta charset="windows-1256"><style>body{font-family:Tahoma;color:#333}</style></head><body><p>${ARABIC}</p></body></html>`;
    expect(decoded(windows1256(html), true).encoding).toBe('windows-1256');
  });

  it('a UTF-8 file cut inside its last character loses only that character', () => {
    const bytes = utf8('مرحبا بالعالم');
    expect(decoded(bytes.subarray(0, bytes.length - 1))).toEqual({ text: 'مرحبا بالعال', encoding: 'utf-8' });
  });

  it.each([
    ['empty', new Uint8Array(0), 'empty'],
    ['whitespace only', utf8(' \n\t\u00a0\r\n  '), 'empty'],
    ['BOM only', BOM_UTF8, 'empty'],
    ['UTF-16 BOM only', BOM_UTF16LE, 'empty'],
    ['a PNG named .txt', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0), 'binary'],
    ['control bytes', Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41)), 'binary'],
    ['UTF-16 holding binary', concat(BOM_UTF16LE, Uint8Array.from({ length: 64 }, (_, i) => i % 3)), 'binary'],
    ['invalid bytes that are not Arabic', Uint8Array.of(0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xff, 0xfe, 0xfd), 'decode'],
    ['Latin-1 French', Uint8Array.from([...'Le caf\xe9 est tr\xe8s bon, d\xe9j\xe0 vu.'].map((c) => c.charCodeAt(0))), 'decode'],
    ['random high bytes', Uint8Array.from({ length: 2000 }, (_, i) => 0x80 + ((i * 7919) % 128)), 'decode'],
    ['damaged UTF-8', concat(utf8('مرحبا '), Uint8Array.of(0xff), utf8(' بالعالم في كل مكان')), 'decode'],
    ['invalid UTF-8 after a BOM', concat(BOM_UTF8, Uint8Array.of(0xc3, 0x28)), 'decode'],
    ['binary after a UTF-8 BOM', concat(BOM_UTF8, Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0)), 'binary'],
  ])('%s → %s', (_name, bytes, reason) => {
    const result = rejection(bytes);
    expect(result.reason).toBe(reason);
    expect(result.message.length).toBeGreaterThan(5);
  });

  it('says why windows-1256 was refused', () => {
    expect(rejection(Uint8Array.of(0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xff, 0xfe, 0xfd)).message).toBe(
      'not UTF-8, and not plausible windows-1256 Arabic text',
    );
  });

  it('refuses UTF-8 Arabic that was read as windows-1256 and saved again (mojibake)', () => {
    const mojibake = new TextDecoder('windows-1256').decode(sampleBytes());
    expect(rejection(utf8(mojibake)).reason).toBe('decode');
  });

  it('never decodes the UTF-8 sample as windows-1256, even when damaged', () => {
    const bytes = sampleBytes().slice();
    bytes[200] = 0xff;
    expect(rejection(bytes).message).toContain('damaged');
  });
});

describe('readPage on junk', () => {
  it.each([
    ['empty.txt', new Uint8Array(0), 'empty'],
    ['blank.txt', utf8('\n\n   \n'), 'empty'],
    ['image.txt', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'binary'],
    ['bad.txt', Uint8Array.of(0xc3, 0x28, 0xa0, 0xa1), 'decode'],
    ['error.txt', utf8('الصفحة المطلوبة غير موجودة'), 'error-page'],
  ])('%s → %s', (name, bytes, reason) => {
    const outcome = readPage(bytes, name);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe(reason);
  });

  it('keeps the decoded encoding on the outcome', () => {
    const outcome = readPage(windows1256(sampleText()), 'x.txt');
    expect(outcome.ok && outcome.encoding).toBe('windows-1256');
  });
});
