import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src-main/core/pages/index.js';
import { splitByline } from '../../../src-main/core/pages/byline.js';
import {
  BOM_UTF16BE,
  BOM_UTF16LE,
  BOM_UTF8,
  NBSP,
  concat,
  contentOf,
  expectSampleFields,
  pageOf,
  sampleBytes,
  sampleText,
  utf16,
  utf8,
  windows1256,
} from './helpers.js';

const lines = (): string[] => sampleText().split('\n');
const txt = (text: string) => readPage(utf8(text), 'page.txt');

describe('the real alazmenah sample', () => {
  it('gives every field the brief states', () => {
    const outcome = readPage(sampleBytes(), '000_b99803806dd1b389.txt');
    const page = pageOf(outcome);
    expect(outcome.ok && outcome.encoding).toBe('utf-8');
    expect(page.format).toBe('text');
    expect(page.layout).toBe('alazmenah-text');
    expectSampleFields(page);
  });

  it('keeps chrome out of the body', () => {
    const page = pageOf(readPage(sampleBytes(), 'a.txt'));
    const body = page.paragraphs.join('\n');
    for (const chrome of ['عدد القراءات', 'All rights reserved', 'Powered by', 'الأرشيف', '21 / 07 / 2018', 'أخبار سورية']) {
      expect(body).not.toContain(chrome);
    }
    expect(page.paragraphs.some((p) => p === page.title)).toBe(false);
  });

  const reference = contentOf(pageOf(readPage(sampleBytes(), 'a.txt')));
  const variants: Array<[string, Uint8Array, string]> = [
    ['UTF-8 with BOM', concat(BOM_UTF8, sampleBytes()), 'utf-8-bom'],
    ['UTF-16LE with BOM', concat(BOM_UTF16LE, utf16(sampleText(), 'le')), 'utf-16le'],
    ['UTF-16BE with BOM', concat(BOM_UTF16BE, utf16(sampleText(), 'be')), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(sampleText(), 'le'), 'utf-16le'],
    ['windows-1256', windows1256(sampleText()), 'windows-1256'],
    ['CRLF line ends', utf8(sampleText().replace(/\n/gu, '\r\n')), 'utf-8'],
    ['CRLF + BOM + trailing spaces', concat(BOM_UTF8, utf8(sampleText().replace(/\n/gu, '  \r\n'))), 'utf-8-bom'],
    ['no empty lines', utf8(lines().filter((l) => l.trim() !== '').join('\n')), 'utf-8'],
    ['doubled empty lines and a final newline', utf8(sampleText().replace(/\n\n/gu, '\n\n\n\n') + '\n'), 'utf-8'],
  ];
  for (const [name, bytes, encoding] of variants) {
    it(`gives identical fields as ${name}`, () => {
      const outcome = readPage(bytes, 'a.txt');
      expect(outcome.ok && outcome.encoding).toBe(encoding);
      expect(contentOf(pageOf(outcome))).toEqual(reference);
    });
  }

  it('reads Arabic-Indic digits in the header, date line and read count', () => {
    const indic = (s: string): string => s.replace(/\d/gu, (d) => String.fromCharCode(0x0660 + Number(d)));
    const l = lines();
    l[0] = indic(l[0] ?? '');
    l[5] = indic(l[5] ?? '');
    l[23] = 'عدد القراءات : ٩٨١';
    expect(contentOf(pageOf(txt(l.join('\n'))))).toEqual(reference);
  });
});

describe('truncated and damaged alazmenah pages', () => {
  it('is still an article without footer and read count (read count null)', () => {
    const page = pageOf(txt(lines().slice(0, 22).join('\n')));
    expect(page.readCount).toBeNull();
    expect(page.site).toBeNull();
    expect(page.paragraphs).toHaveLength(8);
    expect(page.title).toBe(reference().title);
  });

  it('is still an article when cut inside the body (the cut paragraph kept as far as it goes)', () => {
    const text = sampleText();
    const cut = text.slice(0, text.indexOf('وأكد الرئيس الروسي') + 40);
    const page = pageOf(txt(cut));
    expect(page.paragraphs).toHaveLength(3);
    expect(page.paragraphs[2]?.startsWith('وأكد الرئيس الروسي')).toBe(true);
    expect(page.readCount).toBeNull();
  });

  it('is still an article when cut inside a UTF-8 character', () => {
    const bytes = sampleBytes();
    const at = utf8(sampleText().slice(0, sampleText().indexOf('وأضاف أن عملية'))).length + 1;
    const outcome = readPage(bytes.subarray(0, at), 'a.txt');
    expect(outcome.ok && outcome.encoding).toBe('utf-8');
    expect(pageOf(outcome).paragraphs.length).toBe(3);
  });

  it('is not an article when cut right after the title', () => {
    const outcome = txt(lines().slice(0, 8).join('\n'));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('not-article');
    expect(!outcome.ok && outcome.message).toContain('no body paragraphs');
  });

  it('keeps the body when the published line is missing', () => {
    const l = lines();
    l.splice(5, 1);
    const page = pageOf(txt(l.join('\n')));
    expect(page.publishedAt).toBeNull();
    expect(page.section).toBe('أخبار سورية');
    expect(page.title).toBe(reference().title);
    expect(page.paragraphs).toHaveLength(8);
  });

  it('keeps the rest when the header is missing', () => {
    const page = pageOf(txt(lines().slice(1).join('\n')));
    expect(page.scrapedOn).toBeNull();
    expect(page.ticker).toHaveLength(20);
    expect(page.section).toBe('أخبار سورية');
    expect(page.paragraphs).toHaveLength(8);
  });

  it('drops duplicated chrome lines that land in the body', () => {
    const l = lines();
    l.splice(12, 0, l[23] ?? '', l[0] ?? '', l[1] ?? '', l[5] ?? '');
    const page = pageOf(txt(l.join('\n')));
    expect(page.readCount).toBe(981);
    // The read count now comes earlier: the body ends there, and no chrome is in it.
    const body = page.paragraphs.join('\n');
    expect(body).not.toContain('عدد القراءات');
    expect(body).not.toContain(NBSP + NBSP);
  });
});

describe('body lines that only look like chrome', () => {
  it('stay in the body when the read count closes it', () => {
    const l = lines();
    const extra = ['تطوير البنية التحتية في حلب أولوية الحكومة', 'وينص البند (c) من الاتفاق على وقف إطلاق النار', 'حقوق الإنسان في سورية'];
    l.splice(12, 0, ...extra);
    const page = pageOf(txt(l.join('\n')));
    expect(page.paragraphs).toHaveLength(11);
    for (const line of extra) expect(page.paragraphs).toContain(line);
    expect(page.site).toBe('alazmenah.com');
  });
});

describe('titles with a byline', () => {
  const withTitle = (title: string) => {
    const l = lines();
    l[7] = title;
    return pageOf(txt(l.join('\n')));
  };
  it('takes the author from ".. بقلم: NAME" and keeps the title without it', () => {
    const page = withTitle('تركيا و الشمال السوري.. ماذا عن الخطوط الحمر !؟.. بقلم: هشام الهبيشان');
    expect(page.title).toBe('تركيا و الشمال السوري.. ماذا عن الخطوط الحمر !؟');
    expect(page.author).toBe('هشام الهبيشان');
  });
  it('drops a bare "بقلم:" and leaves author null', () => {
    const page = withTitle('دولة المخابرات الأميركيّة.. بقلم:');
    expect(page.title).toBe('دولة المخابرات الأميركيّة');
    expect(page.author).toBeNull();
  });
  it('splitByline is linear on hostile input and matches the ticker form', () => {
    expect(splitByline('ترامب وبوتين في هلسنكي: دولة المخابرات الأميركيّة.. بقلم: أسعد أبو خليل')).toEqual({
      title: 'ترامب وبوتين في هلسنكي: دولة المخابرات الأميركيّة',
      author: 'أسعد أبو خليل',
    });
    expect(splitByline('بقلم: فلان')).toEqual({ title: 'بقلم: فلان', author: null });
    const hostile = 'ا' + ' '.repeat(200_000) + 'x';
    const started = performance.now();
    splitByline(hostile);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

function reference() {
  return pageOf(readPage(sampleBytes(), 'a.txt'));
}
