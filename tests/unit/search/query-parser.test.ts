import { describe, expect, it } from 'vitest';
import { lex } from '../../../src-main/core/search/lexer.js';
import {
  MAX_EXCLUSIONS,
  MAX_GROUPS,
  MAX_PHRASE_WORDS,
  PROBLEMS,
  parseQuery,
  type ParsedQuery,
  type Unit,
} from '../../../src-main/core/search/query-parser.js';

/** A compact picture of a parsed query: groups joined by " & ", units by " | ", exclusions after " ! ". */
function shape(q: ParsedQuery): string {
  const unit = (u: Unit): string =>
    u.kind === 'phrase' ? `"${u.norms.join(' ')}"` : u.terms.map((t) => `${t.norm}${t.prefix ? '*' : ''}`).join('+');
  const positive = q.groups.map((g) => g.map(unit).join(' | ')).join(' & ');
  return q.exclusions.length ? `${positive} ! ${q.exclusions.map(unit).join(' ! ')}` : positive;
}

const parse = (input: string): string => shape(parseQuery(input));

describe('lexer', () => {
  it('splits chunks, phrases, exclusions, OR and prefixes', () => {
    expect(lex('حلب "وزير الخارجية" -دمشق OR اقتصاد*')).toEqual([
      { kind: 'chunk', text: 'حلب', negated: false, prefix: false },
      { kind: 'phrase', text: 'وزير الخارجية', negated: false },
      { kind: 'chunk', text: 'دمشق', negated: true, prefix: false },
      { kind: 'or' },
      { kind: 'chunk', text: 'اقتصاد', negated: false, prefix: true },
    ]);
  });

  it('runs an unclosed quote to the end and treats a lone minus as punctuation', () => {
    expect(lex('"مدينة حلب')).toEqual([{ kind: 'phrase', text: 'مدينة حلب', negated: false }]);
    expect(lex('- حلب')).toEqual([{ kind: 'chunk', text: 'حلب', negated: false, prefix: false }]);
    expect(lex('-')).toEqual([]);
    expect(lex('-"حلب"')).toEqual([{ kind: 'phrase', text: 'حلب', negated: true }]);
  });
});

describe('parseQuery', () => {
  it('normalises words: harakat, tatweel, hamza, ة, ى, Arabic-Indic digits', () => {
    expect(parse('الاقتِصـــادُ أعلنَ مدرسة مستشفى ٢٠١٦')).toBe('الاقتصاد & اعلن & مدرسه & مستشفي & 2016');
  });

  it('gives each word its stem and keeps it for matching', () => {
    const q = parseQuery('بحلب');
    const unit = q.groups[0]![0]!;
    expect(unit.kind === 'terms' && unit.terms[0]).toMatchObject({ norm: 'بحلب', stem: 'حلب', prefix: false });
  });

  it('gives لبنان and its لل contraction the same stem, with no alternatives needed', () => {
    for (const word of ['لبنان', 'للبنان', 'وللبنان']) {
      const unit = parseQuery(word).groups[0]![0]!;
      expect(unit.kind === 'terms' && unit.terms[0]).toMatchObject({ stem: 'لبنان', altStems: [], altForms: [] });
    }
  });

  it('parses phrases in any quotes, without stemming or dropping stop-words', () => {
    expect(parse('"وزير في الخارجية"')).toBe('"وزير في الخارجيه"');
    expect(parse('«حلب» “دمشق”')).toBe('"حلب" & "دمشق"');
    expect(parse('"مدينة حلب')).toBe('"مدينه حلب"');
  });

  it('parses exclusions of words and phrases', () => {
    expect(parse('حلب -دمشق -"ريف دمشق"')).toBe('حلب ! دمشق ! "ريف دمشق"');
    expect(parse('حلب --دمشق')).toBe('حلب ! دمشق');
  });

  it('binds OR (|, أو) to the units beside it', () => {
    expect(parse('حلب OR دمشق')).toBe('حلب | دمشق');
    expect(parse('حلب أو دمشق او حمص')).toBe('حلب | دمشق | حمص');
    expect(parse('مدينة حلب | دمشق قصف')).toBe('مدينه & حلب | دمشق & قصف');
    expect(parse('OR حلب OR')).toBe('حلب');
    expect(parse('حلب OR OR دمشق')).toBe('حلب | دمشق');
    expect(parse('حلب OR -دمشق')).toBe('حلب ! دمشق');
    expect(parse('or حلب')).toBe('or & حلب');
  });

  it('parses prefixes of at least 3 letters; shorter ones are whole words', () => {
    expect(parse('اقتصاد*')).toBe('اقتصاد*');
    expect(parse('اق*')).toBe('اق');
    expect(parse('الاقت*')).toBe('الاقت*');
    expect(parse('الاق*')).toBe('الاق');
    expect(parse('وال*')).toBe('وال');
    expect(parse('*')).toBe('');
    expect(parse('اقتصاد*ي')).toBe('اقتصاد+ي');
  });

  it('drops stop-words outside phrases, and duplicates', () => {
    expect(parse('الحرب في سوريا')).toBe('الحرب & سوريا');
    expect(parse('حلب حلب حَلَب')).toBe('حلب');
  });

  it('keeps the words of a chunk with inner punctuation together', () => {
    expect(parse('covid-19 U.S.')).toBe('covid+19 & u+s');
  });

  it('reads operators of FTS5 and other engines as plain words or punctuation', () => {
    expect(parse('NEAR(حلب دمشق) title:حلب ^حلب AND NOT')).toBe('near+حلب & دمشق & title+حلب & حلب & and & not');
  });

  it('explains queries that cannot match', () => {
    expect(parseQuery('').problem).toBe(PROBLEMS.empty);
    expect(parseQuery(' \n ').problem).toBe(PROBLEMS.empty);
    expect(parseQuery('في على من').problem).toBeNull(); // only function words: they are searched
    expect(parseQuery('-حلب').problem).toBe(PROBLEMS.onlyExclusions);
    expect(parseQuery('؟!. ،').problem).toBe(PROBLEMS.noWords);
    expect(parseQuery('\u064e\u0650').problem).toBe(PROBLEMS.noWords);
    expect(parseQuery('😀 🇸🇾').problem).toBe(PROBLEMS.noWords);
    expect(parseQuery('حلب').problem).toBeNull();
    expect(parseQuery('"في"').problem).toBeNull();
  });

  it('caps the size of what it builds, whatever is pasted', () => {
    const words = Array.from({ length: 500 }, (_, i) => `كلمة${i}`);
    const q = parseQuery(`${words.join(' ')} ${words.map((w) => `-${w}x`).join(' ')} "${words.join(' ')}"`);
    expect(q.groups.length).toBe(MAX_GROUPS);
    expect(q.exclusions.length).toBe(MAX_EXCLUSIONS);
    const long = parseQuery(`"${words.join(' ')}"`).groups[0]![0]!;
    expect(long.kind === 'phrase' && long.norms.length).toBe(MAX_PHRASE_WORDS);
    expect(() => parseQuery('ح'.repeat(100_000))).not.toThrow();
  });
});
