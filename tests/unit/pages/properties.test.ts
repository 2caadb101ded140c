/**
 * Property tests: whatever the bytes, readPage answers (never throws) with a well-formed outcome;
 * mutated copies of the real sample keep chrome out of the body.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readPage } from '../../../src-main/core/pages/index.js';
import type { PageOutcome } from '../../../src-main/core/pages/types.js';
import {
  BOM_UTF16BE,
  BOM_UTF16LE,
  BOM_UTF8,
  NBSP,
  assertWellFormed,
  concat,
  samplePartsForTemplate,
  sampleText,
  templateHtml,
  utf16,
  utf8,
} from './helpers.js';

const NAMES = ['page.txt', 'page.html', 'page', 'page.htm', 'page.php', 'PAGE.HTML'];
const name = fc.constantFrom(...NAMES);

function check(bytes: Uint8Array, fileName: string): PageOutcome {
  const outcome = readPage(bytes, fileName);
  assertWellFormed(outcome);
  return outcome;
}

/** Encodings a mutated text is written in. */
const encode = fc.constantFrom(
  (t: string) => utf8(t),
  (t: string) => concat(BOM_UTF8, utf8(t)),
  (t: string) => concat(BOM_UTF16LE, utf16(t, 'le')),
  (t: string) => concat(BOM_UTF16BE, utf16(t, 'be')),
  (t: string) => utf16(t, 'le'),
);

const TOKENS = [
  'بوتين', 'حلب', 'سورية', ' ', ' ', '\n', '\n\n', '\r\n', NBSP, NBSP + NBSP, '|', ':', '..', 'بقلم:', ' بقلم: فلان',
  'عدد القراءات : ', '981', '٩٨١', '2016-12-16 15:24:14', '21 / 07 / 2018', 'دمشق', 'الجمعة 16 كانون الأول 2016',
  '16/12/2016', 'alazmenah.com - All rights reserved 2018', 'Powered by X', '<p>', '</p>', '<div>', '</div>', '<br>',
  '<h1>', '</h1>', '<script>', '</script>', '<!--', '-->', '&nbsp;', '&amp;', '<', '>', '"', 'ً', 'ّ', 'ـ', '404',
  'الصفحة المطلوبة غير موجودة', '<title>', '</title>', '<form>', '</form>', '<svg>', '<meta property="og:site_name" content="x.com">',
  'https://www.example.com/a', '©', '\u200f', '\ufeff', '\u0000', 'أعلن الرئيس الروسي فلاديمير بوتين أن ما حدث في تدمر السورية هو نتيجة لعدم وجود التنسيق.',
];

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'blank'; at: number };

const INSERTS = [NBSP, NBSP + NBSP, 'َ', 'ُ', 'ِ', 'ّ', 'ْ', 'ً', 'ـ', '<b>', '</b>', '<p>', '</div>', '<br>', '<script>x</script>', '\r', ' ', '\u200f'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('blank' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : m.at % lines.length;
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (m.op === 'blank') lines.splice(i, 0, '');
    else if (m.op === 'truncate') {
      const joined = lines.join('\n');
      lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
    } else {
      const joined = lines.join('\n');
      const at = m.at % (joined.length + 1);
      lines = (joined.slice(0, at) + m.text + joined.slice(at)).split('\n');
    }
  }
  return lines.join('\n');
}

/** Mutations that only move, drop, repeat or cut whole lines: chrome lines stay recognisable. */
const lineMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('blank' as const), at: fc.nat() }),
);

const SAMPLE = sampleText();
const SAMPLE_LINES = SAMPLE.split('\n');
const CHROME = [SAMPLE_LINES[0], SAMPLE_LINES[1], SAMPLE_LINES[5], SAMPLE_LINES[23], SAMPLE_LINES[24], SAMPLE_LINES[25]].map((l) =>
  (l ?? '').trim(),
);
const HTML = templateHtml(samplePartsForTemplate());

describe('readPage never throws and always answers a well-formed outcome', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), name, (bytes, fileName) => void check(bytes, fileName)), { numRuns: 2000 });
  });

  it('on random text in any encoding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), encode, name, (text, enc, fileName) => void check(enc(text), fileName)),
      { numRuns: 1500 },
    );
  });

  it('on random arrangements of page-like tokens', () => {
    const tokens = fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((t) => t.join(''));
    fc.assert(fc.property(tokens, encode, name, (text, enc, fileName) => void check(enc(text), fileName)), { numRuns: 2500 });
  });

  it('on mutated copies of the sample (text and HTML)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        encode,
        (asHtml, mutations, enc) => void check(enc(mutate(asHtml ? HTML : SAMPLE, mutations)), asHtml ? 'page.html' : 'page.txt'),
      ),
      { numRuns: 3000 },
    );
  });

  it('on the sample with flipped bytes', () => {
    const bytes = utf8(SAMPLE);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (flips) => {
        const copy = bytes.slice();
        for (const [at, value] of flips) copy[at % copy.length] = value;
        check(copy, 'page.txt');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps chrome out of the body of line-mutated samples', () => {
    fc.assert(
      fc.property(fc.array(lineMutation, { minLength: 1, maxLength: 10 }), (mutations) => {
        const outcome = check(utf8(mutate(SAMPLE, mutations)), 'page.txt');
        if (!outcome.ok) return;
        for (const paragraph of outcome.page.paragraphs) {
          if (CHROME.includes(paragraph) || /عدد القراءات|All rights reserved|^Powered by/u.test(paragraph)) {
            throw new Error(`chrome in the body: ${paragraph.slice(0, 80)}`);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
