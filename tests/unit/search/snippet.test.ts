import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src-main/core/arabic/index.js';
import { buildMatcher, scan } from '../../../src-main/core/search/matcher.js';
import { parseQuery } from '../../../src-main/core/search/query-parser.js';
import { ELLIPSIS, SNIPPET_CHARS, makeSnippet, titleHighlights } from '../../../src-main/core/search/snippet.js';

const matcher = (q: string) => buildMatcher(parseQuery(q));
const marked = (text: string, q: string): string[] => {
  const s = makeSnippet(text, matcher(q));
  return s.highlights.map((h) => s.snippet.slice(h.start, h.end));
};

const filler = 'كلام عام لا علاقة له بالموضوع يتكرر هنا مرة بعد مرة. '.repeat(12);

describe('makeSnippet', () => {
  it('returns a short text whole, with its matches highlighted', () => {
    const text = 'سقطت قذائف بحلب صباح اليوم.';
    expect(makeSnippet(text, matcher('حلب'))).toEqual({ snippet: text, highlights: [{ start: 11, end: 15 }] });
  });

  it('highlights the original words, harakat and tatweel included', () => {
    expect(marked('قال خبراء إنَّ الاقتِصادَ السوريَّ بدأ يتعافى', 'اقتصاد سوري')).toEqual(['الاقتِصادَ', 'السوريَّ']);
    expect(marked('مدينةُ حَلَبَ الشَّهْباءُ', 'حلب')).toEqual(['حَلَبَ']);
    expect(marked('وزيـــر الخارجيـة', '"وزير الخارجية"')).toEqual(['وزيـــر الخارجيـة']);
  });

  it('cuts a window around the best region at word boundaries, with … on cut sides', () => {
    const text = `${filler}وفي حلب وقع انفجار كبير قرب سوق المدينة القديمة. ${filler}`;
    const s = makeSnippet(text, matcher('انفجار حلب'));
    expect(s.snippet.startsWith(ELLIPSIS)).toBe(true);
    expect(s.snippet.endsWith(ELLIPSIS)).toBe(true);
    expect(s.snippet.length).toBeLessThanOrEqual(SNIPPET_CHARS + 40);
    expect(s.highlights.map((h) => s.snippet.slice(h.start, h.end))).toEqual(['حلب', 'انفجار']);
    const inner = s.snippet.slice(1, -1);
    const at = text.indexOf(inner);
    expect(at).toBeGreaterThan(0);
    // Word boundaries: the characters just outside the window are not letters.
    expect(/[\p{L}\p{M}]/u.test(text[at - 1]!)).toBe(false);
    expect(/[\p{L}\p{M}]/u.test(text[at + inner.length] ?? ' ')).toBe(false);
  });

  it('prefers the window holding the most query words', () => {
    const text = `حلب وحدها هنا. ${filler}${filler}هنا حلب ومعها دمشق معا. ${filler}`;
    expect(marked(text, 'حلب دمشق')).toEqual(['حلب', 'دمشق']);
  });

  it('starts at the beginning when nothing in the body matches', () => {
    const s = makeSnippet(`${filler}${filler}`, matcher('حلب'));
    expect(s.snippet.startsWith('كلام عام')).toBe(true);
    expect(s.snippet.endsWith(ELLIPSIS)).toBe(true);
    expect(s.highlights).toEqual([]);
  });

  it('handles empty text, emoji and lone marks', () => {
    expect(makeSnippet('', matcher('حلب'))).toEqual({ snippet: '', highlights: [] });
    expect(makeSnippet('😀 حلب 😀', matcher('حلب'))).toEqual({ snippet: '😀 حلب 😀', highlights: [{ start: 3, end: 6 }] });
    expect(makeSnippet('\u064e \u064f', matcher('حلب'))).toEqual({ snippet: '', highlights: [] });
  });

  it('gives highlights that always slice to a matching word (property)', () => {
    const words = ['حلب', 'بحلب', 'وحَلَب', 'دمشق', 'لبنان', 'للبنان', 'كتاب', 'الكتـــاب', 'سوريّة', '😀', '،', '\n'];
    const q = matcher('حلب لبنان كتاب');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 200 }), (parts) => {
        const text = parts.join(' ');
        const s = makeSnippet(text, q);
        let prevEnd = 0;
        for (const h of s.highlights) {
          expect(h.start).toBeGreaterThanOrEqual(prevEnd);
          expect(h.end).toBeGreaterThan(h.start);
          const word = s.snippet.slice(h.start, h.end);
          expect(tokenize(word)).toHaveLength(1);
          prevEnd = h.end;
        }
        const inner = s.snippet.replace(/^…/, '').replace(/…$/, '');
        expect(text.replace(/\n/g, ' ').includes(inner)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('titleHighlights', () => {
  it('marks every matching word of the title', () => {
    const title = 'الاقتـــصاد السوريّ يتعافى في حلب وبحلب';
    const ranges = titleHighlights(title, matcher('اقتصاد حلب'));
    expect(ranges.map((r) => title.slice(r.start, r.end))).toEqual(['الاقتـــصاد', 'حلب', 'وبحلب']);
  });

  it('marks prefix matches and the لل forms', () => {
    const title = 'الاقتصادية للبنان';
    expect(titleHighlights(title, matcher('اقتص* لبنان')).map((r) => title.slice(r.start, r.end))).toEqual(['الاقتصادية', 'للبنان']);
  });

  it('works on a scanned text too', () => {
    expect(matcher('حلب').match(scan('في حلب'))).toHaveLength(1);
  });
});
