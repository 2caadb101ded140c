/**
 * Property tests: whatever the bytes, readPage answers (never throws) with a well-formed outcome;
 * mutated copies of the real sample keep chrome out of the body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtmlArticle } from '../../../src-main/core/pages/extract/article.js';
import { readPage } from '../../../src-main/core/pages/index.js';
import type { PageContext, PageOutcome } from '../../../src-main/core/pages/types.js';
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

function check(bytes: Uint8Array, fileName: string, context: PageContext = {}): PageOutcome {
  const outcome = readPage(bytes, fileName, context);
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

/** Random HTML documents: nested elements of real pages' vocabulary, metadata, JSON-LD and text of many scripts. */
const TAGS = [
  'div', 'p', 'span', 'article', 'main', 'section', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'a',
  'b', 'em', 'table', 'tr', 'td', 'figure', 'figcaption', 'blockquote', 'pre', 'form', 'time', 'font', 'center', 'iframe', 'svg',
];
const CLASSES = ['content', 'article-body', 'share-buttons', 'related', 'comments', 'caption', 'logo', 'tag-news', 'sidebar', 'post', 'byline', 'ad-slot', 'entry-content'];
const TEXTS = [
  'The council voted on Tuesday to extend the tram line to the northern suburbs, ending a long debate.',
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، يضم مئتي سرير وقسماً كاملاً للطوارئ.',
  '市议会周二投票决定将有轨电车线路延伸至北部郊区。', 'Share', 'Facebook Twitter', 'إقرأ أيضاً:', 'Comments', '© Agency', 'Photo: X/Y',
  '3 May 2024', '12 رمضان 1445 هـ', '۲ تیر ۱۳۹۹', '&#8220;x&#8221;', '&quot;', '&amp;', '&nbsp;', '404', 'Page not found', ' ', '\n',
];
const attribute = fc.oneof(
  fc.constantFrom(...CLASSES).map((c) => ` class="${c}"`),
  fc.constantFrom(' hidden', ' id="S:0"', ' style="display:none"', ' itemprop="headline"', ' itemprop="datePublished" content="2024-05-03"', ' dir="rtl"', ' role="navigation"', ' aria-hidden="true"', ' href="/"', ' datetime="2024-05-03T10:00"'),
);
const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc.tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 2 }), fc.array(tie('node'), { maxLength: 5 }), fc.boolean()).map(
      ([tag, attrs, children, closed]) => `<${tag}${attrs.join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`,
    ),
  ),
})).node;
const headPart = fc.oneof(
  fc.constantFrom('<title>Tram line | Site</title>', '<meta charset="windows-1252">', '<meta charset="shift_jis">', '<link rel="canonical" href="/a/1">'),
  fc.tuple(fc.constantFrom('og:title', 'og:url', 'article:published_time', 'og:site_name', 'author', 'DC.date.issued'), fc.constantFrom(...TEXTS, 'https://example.com/x', '2024-05-03T10:00:00Z')).map(
    ([k, v]) => `<meta property="${k}" content="${v}">`,
  ),
  fc.jsonValue({ maxDepth: 3 }).map((v) => `<script type="application/ld+json">${JSON.stringify(v)}</script>`),
  fc.constantFrom(
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Tram","author":{"@id":"#a"},"datePublished":"2024-05-03"},{"@id":"#a"}]}</script>',
    '<script type="application/ld+json">[{"@type":"Article","name":null,"author":[1,{"name":2}]}]</script>',
    '<script type="application/ld+json">{ not json </script>',
  ),
);
const htmlDocument = fc
  .tuple(fc.array(headPart, { maxLength: 6 }), fc.array(htmlTree, { maxLength: 6 }), fc.boolean())
  .map(([head, body, saved]) => `${saved ? '<!-- saved from url=(0020)https://example.com/n/1 -->' : ''}<html><head>${head.join('')}</head><body>${body.join('')}</body></html>`);
const context: fc.Arbitrary<PageContext> = fc.record(
  {
    url: fc.oneof(fc.constantFrom('https://www.example.com/news/1', 'https://example.com/', 'not a url', 'javascript:alert(1)', 'https://ex ample.com/x'), fc.webUrl()),
    contentType: fc.constantFrom('text/html; charset=windows-1256', 'text/html; charset=utf-16', 'text/html; charset=bogus', 'text/plain', ''),
    scrapedOn: fc.constantFrom('2024-05-03'),
  },
  { requiredKeys: [] },
);

describe('random HTML never throws', () => {
  it('readPage answers well-formed outcomes for random documents, with or without a crawl context', () => {
    fc.assert(
      fc.property(htmlDocument, encode, context, (html, enc, ctx) => void check(enc(html), 'page.html', ctx)),
      { numRuns: 1500 },
    );
  });

  it('the extractor itself on random markup-like strings', () => {
    const soup = fc.array(fc.oneof(fc.constantFrom(...TAGS.map((t) => `<${t}>`), ...TAGS.map((t) => `</${t}>`), ...TEXTS, '<', '>', '"', "'", '=', '<!--', '<script>'), fc.string({ maxLength: 8 })), { maxLength: 120 });
    fc.assert(
      fc.property(soup, (parts) => {
        const article = extractHtmlArticle(parts.join(''));
        if (!Array.isArray(article.paragraphs) || article.paragraphs.some((p) => p.trim() !== p || p.length === 0)) throw new Error('bad paragraphs');
      }),
      { numRuns: 1500 },
    );
  });

  it('the page-data reader (hydrated.ts) on random script data, and a page of scripts left open', () => {
    const piece = fc.oneof(
      fc.constantFrom('"', '\\"', '\\u003cp>', '<p>', '</p>', '{', '}', '[', ']', ':', ',', '1:', '\\\\', '\n', '$$AD$$'),
      fc.constantFrom(...TEXTS),
      fc.string({ maxLength: 12 }),
    );
    const script = fc.array(piece, { maxLength: 80 }).map((parts) => `<script>${parts.join('')}</script>`);
    fc.assert(
      fc.property(fc.array(script, { maxLength: 4 }), (scripts) => {
        const article = extractHtmlArticle(`<html><head><title>t</title></head><body><div id="root"></div>${scripts.join('')}</body></html>`);
        if (!Array.isArray(article.paragraphs) || article.paragraphs.some((p) => p.trim() !== p || p.length === 0)) throw new Error('bad paragraphs');
      }),
      { numRuns: 1000 },
    );
    // 200,000 script tags never closed: one pass over the page, not one per tag.
    expect(extractHtmlArticle(`<html><body>${'<script>"<p>'.repeat(200_000)}</body></html>`).paragraphs).toEqual([]);
  });
});
