/**
 * Charsets as browsers find them (WHATWG): BOM, then the transport layer's Content-Type charset, then
 * the `<meta>` declaration in the first 1024 bytes, then strict UTF-8, then a late `<meta>`, then
 * windows-1256 for Arabic text, then windows-1252 for HTML (the browsers' default).
 */
import { describe, expect, it } from 'vitest';
import { charsetOfContentType, encodingForLabel, prescanMetaCharset } from '../../../src-main/core/pages/charset.js';
import { decodeBytes } from '../../../src-main/core/pages/decode.js';
import { readPage } from '../../../src-main/core/pages/index.js';
import { BOM_UTF8, concat, pageOf, utf8, windows1256 } from './helpers.js';

/** windows-1252 bytes of text made of Latin-1 characters. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Latin-1: ${ch}`);
    return code;
  });
}

const FR = [
  'Le conseil municipal a voté mardi le prolongement du tramway vers les quartiers nord, après près de dix ans de débats.',
  'Les partisans estiment que la nouvelle ligne réduira de moitié le temps de trajet de milliers de personnes chaque jour.',
  'Les travaux devraient commencer au printemps prochain et durer trois ans, selon le service des transports de la ville.',
];
const frenchPage = (head: string) =>
  `<!DOCTYPE html><html lang="fr"><head>${head}<title>Le tramway ira vers le nord</title></head>` +
  `<body><article><h1>Le tramway ira vers le nord</h1>${FR.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

/** "東京" in Shift_JIS and in EUC-JP. */
const TOKYO_SJIS = [0x93, 0x8c, 0x8b, 0x9e];

describe('labels', () => {
  it('any WHATWG label names its encoding', () => {
    expect(encodingForLabel('latin1')).toBe('windows-1252');
    expect(encodingForLabel('ISO-8859-1')).toBe('windows-1252');
    expect(encodingForLabel(' sjis ')).toBe('shift_jis');
    expect(encodingForLabel('gb2312')).toBe('gbk');
    expect(encodingForLabel('cp1256')).toBe('windows-1256');
    expect(encodingForLabel('x-user-defined')).toBe('windows-1252');
    expect(encodingForLabel('no-such-charset')).toBeNull();
  });

  it('reads the charset of a Content-Type', () => {
    expect(charsetOfContentType('text/html; charset="Windows-1256"')).toBe('windows-1256');
    expect(charsetOfContentType('text/html;charset=utf-8')).toBe('utf-8');
    expect(charsetOfContentType('text/html')).toBeNull();
    expect(charsetOfContentType(undefined)).toBeNull();
  });

  it('prescans <meta charset> and <meta http-equiv> in the first 1024 bytes, skipping comments', () => {
    expect(prescanMetaCharset(utf8('<html><head><meta charset="iso-8859-15">'))).toBe('iso-8859-15');
    expect(prescanMetaCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'))).toBe('windows-1256');
    expect(prescanMetaCharset(utf8('<meta content="text/html; charset=koi8-r" http-equiv=content-type>'))).toBe('koi8-r');
    expect(prescanMetaCharset(utf8('<!-- <meta charset="koi8-r"> --><meta charset=latin1>'))).toBe('windows-1252');
    expect(prescanMetaCharset(utf8('<meta charset="utf-16">'))).toBe('utf-8');
    expect(prescanMetaCharset(utf8(`${' '.repeat(1100)}<meta charset="koi8-r">`))).toBeNull();
  });
});

describe('decoding in the browsers order', () => {
  it('a legacy page declared in <meta> (windows-1252) is read, not refused', () => {
    const outcome = readPage(windows1252(frenchPage('<meta charset="windows-1252">')), 'page.html');
    expect(outcome.ok && outcome.encoding).toBe('windows-1252');
    expect(pageOf(outcome).paragraphs).toEqual(FR);
  });

  it('iso-8859-1 in http-equiv form', () => {
    const html = frenchPage('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">');
    expect(pageOf(readPage(windows1252(html), 'page.html')).title).toBe('Le tramway ira vers le nord');
  });

  it('the transport charset comes before the page’s own declaration', () => {
    const bytes = windows1252(frenchPage('<meta charset="koi8-r">'));
    const outcome = readPage(bytes, 'page.html', { contentType: 'text/html; charset=iso-8859-1' });
    expect(outcome.ok && outcome.encoding).toBe('windows-1252');
    expect(pageOf(outcome).paragraphs).toEqual(FR);
  });

  it('a BOM comes before both', () => {
    const decoded = decodeBytes(concat(BOM_UTF8, utf8('<meta charset="windows-1256"><p>é</p>')), { markup: true, contentType: 'text/html; charset=koi8-r' });
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8-bom', text: '<meta charset="windows-1256"><p>é</p>' });
  });

  it('valid UTF-8 wins over a stale legacy declaration (pages re-saved as UTF-8)', () => {
    const outcome = readPage(utf8(frenchPage('<meta charset="iso-8859-1">')), 'page.html');
    expect(outcome.ok && outcome.encoding).toBe('utf-8');
    expect(pageOf(outcome).paragraphs).toEqual(FR);
  });

  it('multi-byte legacy encodings (Shift_JIS)', () => {
    const head = utf8('<html><head><meta charset="shift_jis"></head><body><p>');
    const decoded = decodeBytes(concat(head, Uint8Array.from(TOKYO_SJIS), utf8('</p></body></html>')), { markup: true });
    expect(decoded).toMatchObject({ ok: true, encoding: 'shift_jis' });
    expect(decoded.ok && decoded.text).toContain('<p>東京</p>');
  });

  it('a declaration after the first 1024 bytes still counts when the bytes are not UTF-8', () => {
    const html = frenchPage(`<script>${'var a = 1;\n'.repeat(120)}</script><meta charset="windows-1252">`);
    const outcome = readPage(windows1252(html), 'page.html');
    expect(outcome.ok && outcome.encoding).toBe('windows-1252');
  });

  it('undeclared: UTF-8, then windows-1256 for Arabic, then windows-1252 for HTML', () => {
    expect(decodeBytes(utf8('<p>نص عربي</p>'), { markup: true })).toMatchObject({ ok: true, encoding: 'utf-8' });
    const arabic = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير وقسماً للطوارئ';
    expect(decodeBytes(windows1256(`<p>${arabic}</p>`), { markup: true })).toMatchObject({ ok: true, encoding: 'windows-1256', text: `<p>${arabic}</p>` });
    expect(decodeBytes(windows1252(`<p>${FR[0]}</p>`), { markup: true })).toMatchObject({ ok: true, encoding: 'windows-1252', text: `<p>${FR[0]}</p>` });
    // A text file (not markup) that is neither is refused, as before.
    expect(decodeBytes(windows1252(FR[0] ?? ''), {})).toMatchObject({ ok: false, reason: 'decode' });
  });
});
