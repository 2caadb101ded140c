// Clitic forms of short words and لل + ل-words: proclitics are peeled before suffixes are stripped,
// so the length guards apply to the peeled word, and للبنان is ل + لبنان (not ل + ال + بنان).
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src-main/core/arabic/normalize.js';
import { indexStems, stem } from '../../../src-main/core/arabic/stem.js';

const s = (word: string): string => stem(normalizeText(word));
/** A query for `q` finds a document containing `d`: the query stem is among d's index stems. */
const finds = (q: string, d: string): boolean => indexStems(normalizeText(d)).includes(s(q));
const meet = (a: string, b: string): boolean => finds(a, b) && finds(b, a);

describe('proclitics before suffixes', () => {
  it('gives a short word and its clitic forms one stem', () => {
    for (const w of ['بقمة', 'وقمة', 'وبقمة', 'لقمة']) expect(s(w), w).toBe(s('قمة'));
    expect(s('قمة')).toBe('قمه');
    expect(s('بمكان')).toBe(s('مكان'));
    expect(s('بيده')).toBe(s('يده'));
  });

  it.each([
    ['بقمة', 'قمة'],
    ['وقمة', 'قمة'],
    ['بقمة', 'وقمة'],
    ['وبقمة', 'قمة'],
    ['بمكان', 'مكان'],
  ])('%s meets %s both ways', (a, b) => {
    expect(meet(a, b)).toBe(true);
  });

  it('indexes the word read whole too, so a query that keeps the letter still finds it', () => {
    expect(indexStems('بقمه')).toEqual(['قمه', 'بقم']);
    expect(indexStems('وقمه')).toEqual(['قمه', 'وقم']);
  });

  it('keeps a first letter that belongs to a word stripped to 3 letters', () => {
    expect(s('بلده')).toBe('بلد');
    expect(s('لونه')).toBe('لون');
    expect(s('لجنة')).toBe('لجن');
    expect(s('وقته')).toBe('وقت');
    expect(s('كتبه')).toBe('كتب');
    expect(finds('بلده', 'لده')).toBe(false);
    expect(finds('لده', 'بلده')).toBe(false);
  });

  it('keeps an ending listed for the whole written form when it peels the proclitic', () => {
    expect(s('لبنانية')).toBe('لبنان');
    expect(s('ولبنانية')).toBe('لبنان');
    expect(s('لودريان')).toBe('لودريان');
  });
});

describe('لل + a word beginning with ل', () => {
  it.each([
    ['للبنان', 'لبنان'],
    ['وللبنان', 'لبنان'],
    ['للجنة', 'لجنة'],
    ['للجنة', 'اللجنة'],
    ['وللجنة', 'لجنة'],
    ['للقاء', 'لقاء'],
  ])('%s meets %s both ways', (a, b) => {
    expect(s(a)).toBe(s(b));
    expect(meet(a, b)).toBe(true);
  });

  it('stems them as the bare word', () => {
    expect(s('للبنان')).toBe('لبنان');
    expect(s('للجنة')).toBe(s('لجنة'));
  });

  it('still reads لل as ل + ال before other words', () => {
    expect(s('للحكومة')).toBe(s('الحكومة'));
    expect(s('للاخر')).toBe('اخر');
    expect(s('للبلد')).toBe(s('البلد'));
  });

  it('indexes light10’s reading ل + ال + rest as well (للجنة: for the committee, or for paradise)', () => {
    expect(indexStems('للجنه')).toEqual(['لجن', 'جنه']);
    expect(finds('الجنة', 'للجنة')).toBe(true);
    expect(indexStems('للحكومه')).toEqual(['حكوم']);
  });
});
