import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src-main/core/arabic/normalize.js';
import { FOLD, JOIN, KIND } from '../../../src-main/core/arabic/chars.js';

describe('normalizeText', () => {
  it.each([
    // Lucene TestArabicNormalizationFilter
    ['آجن', 'اجن'],
    ['أحمد', 'احمد'],
    ['إعاذ', 'اعاذ'],
    ['بنى', 'بني'],
    ['فاطمة', 'فاطمه'],
    ['روبرـــــت', 'روبرت'],
    ['مَبنا', 'مبنا'],
    ['علِي', 'علي'],
    ['بُوات', 'بوات'],
    ['ولداً', 'ولدا'],
    ['ولدٍ', 'ولد'],
    ['ولدٌ', 'ولد'],
    ['نلْسون', 'نلسون'],
    ['هتميّ', 'هتمي'],
  ])('Lucene: %s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('drops every haraka U+064B–U+065F and the superscript alef U+0670', () => {
    for (let c = 0x064b; c <= 0x065f; c++) expect(normalizeText(`ك${String.fromCharCode(c)}تب`)).toBe('كتب');
    expect(normalizeText('هٰذا')).toBe('هذا');
  });

  it('drops Quranic marks U+0610–U+061A and U+06D6–U+06ED, and tatweel', () => {
    for (let c = 0x0610; c <= 0x061a; c++) expect(normalizeText(`محمد${String.fromCharCode(c)}`)).toBe('محمد');
    for (let c = 0x06d6; c <= 0x06ed; c++) expect(normalizeText(`قال${String.fromCharCode(c)}`)).toBe('قال');
    expect(normalizeText('الســـــلام')).toBe('السلام');
  });

  it('folds alef forms, alef maksura, teh marbuta and hamza carriers; keeps bare hamza', () => {
    expect(normalizeText('أ إ آ ٱ')).toBe('ا ا ا ا');
    expect(normalizeText('مستشفى')).toBe('مستشفي');
    expect(normalizeText('مدرسة')).toBe('مدرسه');
    expect(normalizeText('مؤتمر')).toBe('موتمر');
    expect(normalizeText('رئيس')).toBe('رييس');
    expect(normalizeText('سماء')).toBe('سماء');
  });

  it('maps Persian/Urdu letter forms to Arabic and keeps گ پ چ ژ', () => {
    expect(normalizeText('کتاب')).toBe('كتاب'); // keheh
    expect(normalizeText('ی ې ے')).toBe('ي ي ي');
    expect(normalizeText('ہ ە ۀ ھ ۃ')).toBe('ه ه ه ه ه');
    expect(normalizeText('ٹ ڈ ڑ ں')).toBe('ت د ر ن');
    expect(normalizeText('گ پ چ ژ')).toBe('گ پ چ ژ');
  });

  it('maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII', () => {
    expect(normalizeText('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeText('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('applies NFKC: presentation forms and lam-alef ligatures unfolded, NBSP to space', () => {
    expect(normalizeText('ﻻ ﻷ ﻹ ﻵ')).toBe('لا لا لا لا');
    expect(normalizeText('ﺍﻟﺴﻼﻡ')).toBe('السلام');
    expect(normalizeText('ﷲ')).toBe('الله');
    expect(normalizeText('a\u00a0b')).toBe('a b');
    expect(normalizeText('ﬁ Ａ ²')).toBe('fi a 2');
    // A hamza written as a combining mark composes to the same letter as the precomposed one.
    expect(normalizeText('\u0627\u0654\u062d\u0645\u062f')).toBe('احمد');
  });

  it('lower-cases Latin (and other cased scripts)', () => {
    expect(normalizeText('Hello WORLD École İstanbul Σ')).toBe('hello world école istanbul σ');
  });

  it('keeps punctuation and spaces, and returns plain strings unchanged', () => {
    expect(normalizeText('قال: «نعم»، 2015!')).toBe('قال: «نعم»، 2015!');
    expect(normalizeText('')).toBe('');
    expect(normalizeText('abc')).toBe('abc');
  });

  it('is idempotent', () => {
    const s = 'إِنَّ الـمَدْرَسَةَ ﻻ تُؤْمِنُ بِـ"كۍ" ٢٠١٥ ABC';
    expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
  });

  it('table invariant: every in-word joiner/mark of the fast path folds to nothing', () => {
    for (let c = 0; c < 0x10000; c++) if (KIND[c] === JOIN) expect(FOLD[c], c.toString(16)).toBe(0);
  });
});
