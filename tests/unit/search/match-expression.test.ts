import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sql as initialSchema } from '../../../src-main/core/archive/migrations/001-initial.js';
import { sql as titleSchema } from '../../../src-main/core/archive/migrations/002-title-index.js';
import {
  ARTICLE_COLUMNS,
  ARTICLE_TITLE_COLUMNS,
  RANK_HITS,
  SELECT_HITS,
  TITLE_INDEX_COLUMNS,
  matchExpression,
  quoteToken,
} from '../../../src-main/core/search/match-expression.js';
import { parseQuery } from '../../../src-main/core/search/query-parser.js';

const db = new Database(':memory:');
db.exec(initialSchema);
db.exec(titleSchema);
afterAll(() => db.close());

const select = (q: string): string | null => matchExpression(parseQuery(q), SELECT_HITS);
const rank = (q: string): string | null => matchExpression(parseQuery(q), RANK_HITS);

describe('matchExpression', () => {
  it('matches a word by its stem to select hits, and also by its surface to rank them', () => {
    expect(select('بحلب')).toBe('{title_stem body_stem} : "حلب"');
    expect(rank('بحلب')).toBe('({title body} : "بحلب" OR {title_stem body_stem} : "حلب")');
  });

  it('meets لبنان and its لل contraction through one stem (the stemmer reads لل + a ل-word)', () => {
    expect(select('لبنان')).toBe('{title_stem body_stem} : "لبنان"');
    expect(select('للبنان')).toBe('{title_stem body_stem} : "لبنان"');
  });

  it('matches a phrase as adjacent surface words, a prefix in surface and stem columns', () => {
    expect(select('"وزير الخارجية"')).toBe('{title body} : ("وزير" + "الخارجيه")');
    expect(select('الاقتصاد*')).toBe('({title body} : "الاقتصاد"* OR {title_stem body_stem} : "اقتصاد"*)');
  });

  it('combines groups with AND, alternatives with OR, exclusions with NOT', () => {
    expect(select('حلب OR دمشق قصف -هدنة -"وقف اطلاق"')).toBe(
      '(({title_stem body_stem} : "حلب" OR {title_stem body_stem} : "دمشق") AND {title_stem body_stem} : "قصف") NOT (({title_stem body_stem} : "هدنة" OR {title body} : ("هدنه")) OR {title body} : ("وقف" + "اطلاق"))',
    );
  });

  it('keeps a typed ة and ى in the stem (a text may write ه for ة: its exact form matches too)', () => {
    expect(select('الرياضة')).toBe('({title_stem body_stem} : "رياضة" OR {title body} : ("الرياضه"))');
    expect(select('الرياض')).toBe('{title_stem body_stem} : "رياض"');
    expect(select('مدينه')).toBe('{title_stem body_stem} : ("مدين" OR "مدينة")');
    expect(select('مستشفى')).toBe('{title_stem body_stem} : ("مستشفى" OR "مستشف")');
    expect(select('مستشفي')).toBe('{title_stem body_stem} : ("مستشف" OR "مستشفى")');
  });

  it('matches the name علي (typed with ي) by its stem only, never the surface that على folds into', () => {
    expect(select('علي')).toBe('{title_stem body_stem} : "علي"');
    expect(matchExpression(parseQuery('علي'), { columns: ARTICLE_COLUMNS, words: 'both', combine: 'all', exclusions: true })).toBe(
      '{title_stem body_stem} : "علي"',
    );
    expect(select('"علي بن"')).toBe('({title body} : ("علي" + "بن") AND {title_stem body_stem} : ("علي"))');
  });

  it('builds title expressions for the title index and for the title columns', () => {
    const q = parseQuery('حلب دمشق -قصف');
    expect(matchExpression(q, { columns: TITLE_INDEX_COLUMNS, words: 'surface', combine: 'all', exclusions: false })).toBe(
      '({title} : "حلب" AND {title} : "دمشق")',
    );
    expect(matchExpression(q, { columns: ARTICLE_TITLE_COLUMNS, words: 'stem', combine: 'any', exclusions: false })).toBe(
      '({title_stem} : "حلب" OR {title_stem} : "دمشق")',
    );
  });

  it('returns null when nothing positive is left', () => {
    expect(select('')).toBeNull();
    expect(select('-حلب')).toBeNull();
    expect(select('في -حلب')).not.toBeNull(); // only function words (and exclusions): they are searched
  });

  it('emits only quoted letters and digits, which FTS5 accepts', () => {
    expect(quoteToken('حلب')).toBe('"حلب"');
    expect(quoteToken('a"b')).toBeNull();
    expect(quoteToken('')).toBeNull();
    expect(quoteToken('a b')).toBeNull();
    for (const q of ['حلب OR دمشق -قصف "وزير الخارجية" اقتص*', 'NEAR(a b) AND OR NOT ^x title:y', 'covid-19 U.S. ﷺ ½', 'لبنان للبنان وللجنة']) {
      for (const expr of [select(q), rank(q)]) {
        expect(() => db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').get(expr)).not.toThrow();
      }
      const titles = matchExpression(parseQuery(q), { columns: TITLE_INDEX_COLUMNS, words: 'both', combine: 'any', exclusions: false });
      expect(() => db.prepare('SELECT count(*) FROM titles_fts WHERE titles_fts MATCH ?').get(titles)).not.toThrow();
    }
  });
});
