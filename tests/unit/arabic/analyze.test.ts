import { describe, expect, it } from 'vitest';
import { analyzeForIndex, analyzeQueryWord, isStopword, normalizeText, STOPWORDS, titleKey } from '../../../src-main/core/arabic/index.js';

describe('analyzeForIndex', () => {
  it('gives space-joined norms and stem tokens (clitic forms contribute their tails too)', () => {
    const r = analyzeForIndex('قالَ الرئيسُ إنّ حلب بخيـــر، وكتاب ٢٠١٥.');
    expect(r.norm).toBe('قال الرييس ان حلب بخير وكتاب 2015');
    expect(r.stem).toBe('قال رييس ان حلب خير بخير كتاب وكتاب 2015');
  });

  it('is empty for text without words', () => {
    expect(analyzeForIndex(' ،. َ ')).toEqual({ norm: '', stem: '' });
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
});

describe('stopwords', () => {
  it('are normalised forms', () => {
    for (const w of STOPWORDS) expect(normalizeText(w), w).toBe(w);
    expect(isStopword('علي')).toBe(true);
    expect(isStopword(normalizeText('إلى'))).toBe(true);
    expect(isStopword('حلب')).toBe(false);
  });
});
