import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchResult, SearchSort } from '../../../src-main/common/types.js';
import type { Archive } from '../../../src-main/core/archive/archive.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { ARTICLES } from './corpus.js';
import { buildArchive } from './fixture.js';

let dir = '';
let archive: Archive;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-search-fuzz-'));
  archive = await buildArchive(dir, ARTICLES);
}, 120_000);

afterAll(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FRAGMENTS = [
  'حلب', 'بحلب', 'دمشق', 'لبنان', 'للبنان', 'الانتخابات', 'اقتص', 'في', 'من', 'على', 'الاقتِصـاد', 'وزير', 'الخارجية',
  'OR', 'or', 'أو', 'او', '|', '||', 'AND', 'NOT', 'NEAR(', 'NEAR', ')', '(', '[', ']', '{', '}', '^', '*', '**', ':', 'title:', 'body_stem:',
  '-', '--', '−', '"', '""', '«', '»', '“', '”', '„', "'", '`', '\\', ';', '%', '_', '+', '.', ',', '،', '؟', '!', '?', '#', '@', '&', '=',
  '\u064e', '\u0650', '\u0651', '\u0652', '\u0670', 'ـ', 'ـــ', '\u200c', '\u200d', '\u200f', '\u061c', '\u00a0', '\u0000', '\ud800', '\udc00',
  '😀', '🇸🇾', '👩‍👩‍👧', 'ﻻ', 'ﷺ', '١٢٣', '۴۵', '½', 'Ⅻ', 'ǅ', 'İ', 'ß', 'ς', 'x', 'abc', 'DROP TABLE articles;', "'; --", 'SELECT',
  ' ', '  ', '\t', '\n', '\r\n',
];

const queryText = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join('')) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

const options = fc.record({
  sort: fc.constantFrom<SearchSort | undefined>(undefined, 'relevance', 'newest', 'oldest', 'most-read'),
  limit: fc.constantFrom<number | undefined>(undefined, 0, 1, 3, 50),
  offset: fc.constantFrom<number | undefined>(undefined, 0, 2, 100),
  site: fc.constantFrom<string | undefined>(undefined, 'sana.sy', "x' OR 1=1 --"),
});

function checkWellFormed(query: SearchQuery, r: SearchResult): void {
  expect(r.query).toBe(query.query);
  expect(Number.isInteger(r.total) && r.total >= 0).toBe(true);
  expect(r.hits.length).toBeLessThanOrEqual(r.limit);
  expect(r.hits.length).toBeLessThanOrEqual(Math.max(0, r.total - r.offset));
  if (r.problem !== null) {
    expect(typeof r.problem).toBe('string');
    expect(r.problem.length).toBeGreaterThan(10);
    expect(r.total).toBe(0);
  }
  for (const h of r.hits) {
    for (const x of h.highlights) expect(0 <= x.start && x.start < x.end && x.end <= h.snippet.length).toBe(true);
    for (const x of h.titleHighlights) expect(0 <= x.start && x.start < x.end && x.end <= h.title.length).toBe(true);
    expect(Number.isFinite(h.score)).toBe(true);
  }
  for (const facet of Object.values(r.facets)) {
    expect(facet.length).toBeLessThanOrEqual(20);
    for (const b of facet) expect(b.count).toBeLessThanOrEqual(r.total);
  }
  const months = r.timeline.map((b) => b.value);
  expect([...months].sort()).toEqual(months);
}

describe('hostile queries', () => {
  it('10,000 random queries: never an exception, always a well-formed result or a problem', () => {
    let problems = 0;
    let withHits = 0;
    fc.assert(
      fc.property(queryText, options, (text, more) => {
        const query: SearchQuery = { query: text, ...more };
        const r = searchArchive(archive, query);
        checkWellFormed(query, r);
        if (r.problem) problems++;
        if (r.total > 0) withHits++;
      }),
      { numRuns: 10_000, seed: 20_240_611 },
    );
    // The generator reaches both sides: queries that find things and queries that cannot.
    expect(problems).toBeGreaterThan(100);
    expect(withHits).toBeGreaterThan(100);
  }, 60_000);

  it.each([
    ['10k letters', 'ح'.repeat(10_000)],
    ['10k words', 'حلب '.repeat(2_500)],
    ['10k quotes', '"'.repeat(10_000)],
    ['10k minus signs', '-'.repeat(10_000)],
    ['10k harakat', '\u064e'.repeat(10_000)],
    ['10k ORs', 'OR '.repeat(3_333)],
    ['10k stars', '*'.repeat(10_000)],
    ['5k emoji', '😀'.repeat(5_000)],
    ['alternating exclusions', 'حلب -دمشق '.repeat(1_000)],
    ['nested brackets', '('.repeat(5_000) + 'حلب' + ')'.repeat(5_000)],
    ['phrase of everything', `"${'حلب دمشق '.repeat(1_000)}"`],
    ['prefixes', 'حلب* '.repeat(2_000)],
  ])('%s', (_name, text) => {
    const t = performance.now();
    const r = searchArchive(archive, { query: text });
    checkWellFormed({ query: text }, r);
    expect(performance.now() - t).toBeLessThan(2_000);
  });

  it('a lone "-", "OR OR", unbalanced quotes and lone harakat explain themselves', () => {
    for (const text of ['-', 'OR OR', '"', '«', '\u064e', 'ـ', '*', ':', '^', '(', ')']) {
      const r = searchArchive(archive, { query: text });
      expect(r.total).toBe(0);
      expect(r.problem).not.toBeNull();
    }
  });
});
