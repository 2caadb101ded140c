import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../../src-main/core/arabic/tokenize.js';

const view = (text: string): [string, string][] => tokenize(text).map((t) => [text.slice(t.start, t.end), t.norm]);

describe('tokenize', () => {
  it('keeps harakat and tatweel inside words and gives offsets into the original', () => {
    const text = 'قالَ الرَّئِيسُ: «حلبُ» بخيـــــر.';
    expect(view(text)).toEqual([
      ['قالَ', 'قال'],
      ['الرَّئِيسُ', 'الرييس'],
      ['حلبُ', 'حلب'],
      ['بخيـــــر', 'بخير'],
    ]);
    const toks = tokenize(text);
    expect(toks[1]).toMatchObject({ start: 5, end: 15 });
  });

  it('splits at NBSP, punctuation (Arabic and Latin) and keeps Latin words and digits', () => {
    const text = 'عام\u00a02015، نشرت BBC-News تقريراً؛ ١٢٣ صفحة… (3.5%)';
    expect(view(text)).toEqual([
      ['عام', 'عام'],
      ['2015', '2015'],
      ['نشرت', 'نشرت'],
      ['BBC', 'bbc'],
      ['News', 'news'],
      ['تقريراً', 'تقريرا'],
      ['١٢٣', '123'],
      ['صفحة', 'صفحه'],
      ['3', '3'],
      ['5', '5'],
    ]);
  });

  it('drops runs that normalise to nothing (a lone haraka or tatweel)', () => {
    expect(view('كتب َ ـ ّ قرأ')).toEqual([
      ['كتب', 'كتب'],
      ['قرأ', 'قرا'],
    ]);
  });

  it('joins across ZWNJ/soft hyphen, splits where NFKC yields separators', () => {
    expect(view('می\u200cخواهم')).toEqual([['می\u200cخواهم', 'ميخواهم']]);
    expect(view('صلى ﷺ')).toEqual([
      ['صلى', 'صلي'],
      ['ﷺ', 'صلي'],
      ['ﷺ', 'الله'],
      ['ﷺ', 'عليه'],
      ['ﷺ', 'وسلم'],
    ]);
    expect(view('ﻻ بد')).toEqual([
      ['ﻻ', 'لا'],
      ['بد', 'بد'],
    ]);
  });

  it('handles surrogate pairs: letters kept, emoji separate', () => {
    expect(view('a𝐀b 😀 حلب')).toEqual([
      ['a𝐀b', 'aab'],
      ['حلب', 'حلب'],
    ]);
  });

  it('gives every token a stem', () => {
    expect(tokenize('وبحلب').map((t) => t.stem)).toEqual(['حلب']);
  });
});

describe('norms survive FTS5 unicode61 re-tokenisation unchanged', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(b, tokenize='unicode61 remove_diacritics 0');
           CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
  const insert = db.prepare('INSERT INTO t(rowid, b) VALUES (?, ?)');
  const terms = db.prepare('SELECT term FROM v WHERE doc = ? ORDER BY offset');
  let rowid = 0;
  const ftsTokens = (text: string): string[] => {
    rowid++;
    insert.run(rowid, text);
    return (terms.all(rowid) as { term: string }[]).map((r) => r.term);
  };
  afterAll(() => db.close());

  it('on Arabic, Persian, Latin and mixed text', () => {
    for (const text of [
      'قالَ الرَّئِيسُ: «حلبُ» بخيـــــر. ﻻ ﷺ ١٢٣ ۴۵۶',
      'می\u200cخواهم کتاب ی گ پ چ ژ',
      'Élysée ΣΟΦΙΑ straße İstanbul ﬁ ½ ² x\u0301y ab\u0903cd ᦰ',
      'hello\u00a0world\u2003؟ ؛ ، ٪ ٫ ٬',
    ]) {
      const norms = tokenize(text).map((t) => t.norm);
      expect(ftsTokens(norms.join(' ')), text).toEqual(norms);
    }
  });

  it('on arbitrary Unicode strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const norms = tokenize(text).map((t) => t.norm);
        expect(ftsTokens(norms.join(' '))).toEqual(norms);
      }),
      { numRuns: 300 },
    );
  });
});
