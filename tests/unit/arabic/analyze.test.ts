import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeForIndex, analyzeQueryWord, isStopword, normalizeText, STOPWORDS, titleKey } from '../../../src-main/core/arabic/index.js';
import { scanWords } from '../../../src-main/core/arabic/scanWords.js';
import { indexStems } from '../../../src-main/core/arabic/stem.js';

describe('analyzeForIndex', () => {
  it('gives space-joined norms and stem tokens (clitic forms contribute their tails too)', () => {
    const r = analyzeForIndex('قالَ الرئيسُ إنّ حلب بخيـــر، وكتاب ٢٠١٥.');
    expect(r.norm).toBe('قال الرييس ان حلب بخير وكتاب 2015');
    expect(r.stem).toBe('قال رييس ان حلب خير بخير كتاب وكتاب 2015');
  });

  it('is empty for text without words', () => {
    expect(analyzeForIndex(' ،. َ ')).toEqual({ norm: '', stem: '' });
  });

  it('gives the index stems stem.ts defines for each word, through its caches', () => {
    const fixture = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'articles-mini.json'), 'utf8');
    // Real text twice (the second time from the cache), and the same words written with ة and ى.
    const texts = [fixture, fixture, fixture.replace(/ه(?=[\s،.])/gu, 'ة').replace(/ي(?=[\s،.])/gu, 'ى')];
    for (const text of texts) {
      const { norm, normBounds, finals } = scanWords(text);
      const words = Array.from({ length: normBounds.length / 2 }, (_, i) => indexStems(norm.slice(normBounds[2 * i], normBounds[2 * i + 1]), finals[i]).join(' '));
      expect(analyzeForIndex(text)).toEqual({ norm, stem: words.join(' ') });
    }
  });
});

describe('analyzeQueryWord', () => {
  it('gives the normalised word and its single query stem', () => {
    expect(analyzeQueryWord('بِحلبَ')).toEqual({ norm: 'بحلب', norms: ['بحلب'], stems: ['حلب'], stopword: false });
  });

  it('splits a word with inner punctuation, and flags stop-words', () => {
    expect(analyzeQueryWord('U.S.')).toMatchObject({ norms: ['u', 's'], stems: ['u', 's'] });
    expect(analyzeQueryWord('«في»').stopword).toBe(true);
    expect(analyzeQueryWord('…').stopword).toBe(false);
    expect(analyzeQueryWord('…').norms).toEqual([]);
  });
});

describe('titleKey', () => {
  it('ignores harakat, tatweel, hamza forms, digits script and punctuation', () => {
    const a = titleKey('بريطانيا: أربعة محاور لاستراتيجية جديدة ١٠');
    const b = titleKey('  بريطانيا - اربعـــة مَحاور لاستراتيجيةٍ جديدة 10 ');
    expect(a).toBe('بريطانيا اربعه محاور لاستراتيجيه جديده 10');
    expect(b).toBe(a);
  });

  it('is the normalised words analyzeForIndex gives (the importer takes it from there)', () => {
    for (const title of ['بريطانيا: أربعة محاور لاستراتيجية جديدة ١٠', 'ﷺ U.S. ½', '', ' ،. َ ']) expect(titleKey(title)).toBe(analyzeForIndex(title).norm);
  });
});

describe('stopwords', () => {
  it('are normalised forms', () => {
    for (const w of STOPWORDS) expect(normalizeText(w), w).toBe(w);
    expect(isStopword('علي')).toBe(true);
    expect(isStopword(normalizeText('إلى'))).toBe(true);
    expect(isStopword('حلب')).toBe(false);
  });
});
