import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArshifError } from '../../../src-main/common/result.js';
import type { SearchQuery, SearchResult } from '../../../src-main/common/types.js';
import type { Archive } from '../../../src-main/core/archive/archive.js';
import { PROBLEMS, relatedArticles, searchArchive } from '../../../src-main/core/search/index.js';
import { ARTICLES } from './corpus.js';
import { buildArchive } from './fixture.js';

let dir = '';
let archive: Archive;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-search-'));
  archive = await buildArchive(dir, ARTICLES);
}, 120_000);

afterAll(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function search(query: string, more: Omit<SearchQuery, 'query'> = {}): SearchResult {
  return searchArchive(archive, { query, ...more });
}

/** Hit ids in result order. */
function ids(query: string, more: Omit<SearchQuery, 'query'> = {}): number[] {
  return search(query, more).hits.map((h) => h.id);
}

/** Hit ids, sorted. */
function found(query: string, more: Omit<SearchQuery, 'query'> = {}): number[] {
  return ids(query, more).sort((a, b) => a - b);
}

describe('the test archive', () => {
  it('holds the articles in order', () => {
    expect(archive.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(ARTICLES.length);
    expect(archive.db.prepare('SELECT title FROM articles WHERE id = 15').pluck().get()).toBe(ARTICLES[14]!.title);
  });
});

describe('clitics: recall and precision', () => {
  it('حلب finds بحلب, وحلب and لحلب', () => {
    expect(found('حلب')).toEqual([1, 2, 3, 4]);
  });

  it.each(['بحلب', 'وحلب', 'لحلب', 'فحلب', 'وبحلب', 'الحلب'])('%s finds حلب and its clitic forms', (q) => {
    expect(found(q)).toEqual([1, 2, 3, 4]);
  });

  it('بلد is not drowned by ولد, and ولد not by بلد', () => {
    expect(found('بلد')).toEqual([5, 19]); // 19: البلدية (municipal) shares the light stem
    expect(found('البلد')).toEqual([5, 19]);
    expect(found('ولد')).toEqual([6]);
  });

  it('لبنان finds لبنان and للبنان, not بنان', () => {
    expect(found('لبنان')).toEqual([7, 12]);
    expect(found('بلبنان')).toEqual([7, 12]);
    expect(found('للبنان')).toContain(7);
    expect(found('بنان')).not.toContain(7);
  });

  it('short words meet their clitic forms although the stemmer stems them apart (قمة, بقمة)', () => {
    expect(found('قمة')).toEqual([25, 26]);
    expect(found('بقمة')).toEqual([25, 26]);
    expect(found('وبقمة')).toEqual([25, 26]);
    const hit = search('قمة').hits.find((h) => h.id === 26)!;
    expect(hit.highlights.map((r) => hit.snippet.slice(r.start, r.end))).toEqual(['بقمة']);
  });

  it('كتاب is not تاب, and فرنسا is found', () => {
    expect(found('كتاب')).toEqual([9]);
    expect(found('الكتاب')).toEqual([9]);
    expect(found('تاب')).toEqual([10]);
    expect(found('فرنسا')).toEqual([11]);
    expect(found('وفرنسا')).toEqual([11]);
  });

  it('ignores harakat, tatweel, hamza forms, ة/ه and ى/ي in the query', () => {
    expect(found('الاقتِصـــاد')).toEqual(found('الاقتصاد'));
    expect(found('الاقتصاد')).toEqual([15, 17]);
    expect(found('اعلنت')).toEqual(found('أعلنت'));
    expect(found('مساعدات انسانيه')).toEqual([4]);
  });
});

describe('query language', () => {
  it('a "phrase" matches the words in order without stemming; plain words match anywhere', () => {
    expect(found('"وزير الخارجية"')).toEqual([13]);
    expect(found('وزير الخارجية')).toEqual([13, 14]);
    expect(found('"الخارجية وزير"')).toEqual([]);
    expect(found('«وزير الخارجية»')).toEqual([13]);
  });

  it('a quoted single word is matched exactly, without its clitic forms', () => {
    expect(found('"حلب"')).toEqual([1]);
    expect(found('"وحلب"')).toEqual([3]);
  });

  it('-word excludes', () => {
    expect(found('حلب -دمشق')).toEqual([1, 2, 4]);
    expect(found('حلب -"مدينة حلب"')).toEqual([2, 3, 4]);
  });

  it('OR (and أو) matches either side', () => {
    expect(found('كتاب OR فرنسا')).toEqual([9, 11]);
    expect(found('كتاب أو فرنسا')).toEqual([9, 11]);
    expect(found('كتاب | فرنسا')).toEqual([9, 11]);
    expect(found('تعلن كتاب OR فرنسا')).toEqual([11]);
    expect(found('OR كتاب OR OR')).toEqual([9]);
  });

  it('word* matches by prefix, in words and stems', () => {
    expect(found('اقتص*')).toEqual([15, 17]);
    expect(found('الاقتص*')).toEqual([15, 17]);
    expect(found('الانتخاب*')).toEqual([19, 20, 21, 22, 23, 24]);
  });

  it('all words must match; when none has them all, the result says it is relaxed', () => {
    expect(found('حلب المعارك')).toEqual([1]);
    expect(search('حلب المعارك').relaxed).toBe(false);
    const relaxed = search('حلب فرنسا');
    expect(relaxed.relaxed).toBe(true);
    expect(relaxed.hits.length).toBeGreaterThan(0);
  });
});

describe('problems instead of errors', () => {
  it.each([
    ['', PROBLEMS.empty],
    ['   \t ', PROBLEMS.empty],
    ['-حلب', PROBLEMS.onlyExclusions],
    ['-حلب -دمشق', PROBLEMS.onlyExclusions],
    ['!!! ؟؟ ...', PROBLEMS.noWords],
    ['ـَـ ً', PROBLEMS.noWords],
    ['OR OR', PROBLEMS.noWords],
    ['-', PROBLEMS.noWords],
    ['""', PROBLEMS.noWords],
  ])('%j → a problem, total 0', (query, problem) => {
    const r = search(query);
    expect(r).toMatchObject({ query, total: 0, hits: [], problem, timeline: [] });
    expect(r.facets).toEqual({ site: [], section: [], year: [], author: [] });
  });

  it('a query that finds nothing has no problem', () => {
    expect(search('كلمةغيرموجودة')).toMatchObject({ total: 0, problem: null });
  });
});

describe('ranking', () => {
  it('puts headline matches first and scores never increase along the hits', () => {
    const r = search('حلب');
    expect(r.hits[0]!.id).toBe(1);
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i]!.score).toBeLessThanOrEqual(r.hits[i - 1]!.score);
  });

  it('ranks an exact headline word above a stem-only one', () => {
    expect(ids('الخارجية')[0]).toBe(14); // "الخارجية" starts 14's headline; 13 has it too, later
    expect(ids('"وزير الخارجية"')).toEqual([13]);
  });

  it('ranks all-words-in-the-headline above some', () => {
    expect(ids('وزير الخارجية')).toEqual([13, 14]);
  });
});

describe('filters, sorts and paging', () => {
  const all = [19, 20, 21, 22, 23, 24];

  it('filters by site, section, author, dates and reads', () => {
    expect(found('الانتخابات')).toEqual(all);
    expect(found('الانتخابات', { site: 'sana.sy' })).toEqual([19, 20, 24]);
    expect(found('الانتخابات', { section: 'مقالات' })).toEqual([21, 22]);
    expect(found('الانتخابات', { author: 'سامر الخطيب' })).toEqual([21, 22]);
    expect(found('الانتخابات', { from: '2016-01-01', to: '2016-12-31' })).toEqual([21, 22]);
    expect(found('الانتخابات', { to: '2016-05-02' })).toEqual([19, 20, 21]);
    expect(found('الانتخابات', { minReads: 700 })).toEqual([20, 22, 23]);
    expect(found('الانتخابات', { site: 'nowhere.example' })).toEqual([]);
  });

  it('sorts newest, oldest, most-read', () => {
    expect(ids('الانتخابات', { sort: 'newest' })).toEqual([24, 23, 22, 21, 20, 19]);
    expect(ids('الانتخابات', { sort: 'oldest' })).toEqual([19, 20, 21, 22, 23, 24]);
    expect(ids('الانتخابات', { sort: 'most-read' })).toEqual([22, 20, 23, 21, 19, 24]);
  });

  it('pages with limit and offset, the total counting everything', () => {
    const r = search('الانتخابات', { sort: 'newest', limit: 2, offset: 2 });
    expect(r).toMatchObject({ total: 6, limit: 2, offset: 2 });
    expect(r.hits.map((h) => h.id)).toEqual([22, 21]);
    expect(search('الانتخابات', { limit: 5000 }).limit).toBe(1000);
    expect(search('الانتخابات', { offset: 10 }).hits).toEqual([]);
    const byRelevance = ids('الانتخابات', { limit: 100 });
    expect([...ids('الانتخابات', { limit: 3 }), ...ids('الانتخابات', { limit: 3, offset: 3 })]).toEqual(byRelevance);
  });
});

describe('facets and timeline', () => {
  it('count the whole result set, not the page', () => {
    const r = search('الانتخابات', { limit: 1 });
    expect(r.total).toBe(6);
    expect(r.hits).toHaveLength(1);
    expect(r.facets.site).toEqual([
      { value: 'alazmenah.com', count: 3 },
      { value: 'sana.sy', count: 3 },
    ]);
    expect(r.facets.section).toEqual([
      { value: 'محليات', count: 2 },
      { value: 'مقالات', count: 2 },
      { value: 'أخبار سورية', count: 1 },
      { value: 'سياسة', count: 1 },
    ]);
    expect(r.facets.year).toEqual([
      { value: '2015', count: 2 },
      { value: '2016', count: 2 },
      { value: '2017', count: 2 },
    ]);
    expect(r.facets.author).toEqual([{ value: 'سامر الخطيب', count: 2 }]);
    expect(r.timeline).toEqual([
      { value: '2015-03', count: 2 },
      { value: '2016-05', count: 2 },
      { value: '2017-01', count: 2 },
    ]);
  });

  it('follow the filters', () => {
    const r = search('الانتخابات', { site: 'sana.sy' });
    expect(r.facets.site).toEqual([{ value: 'sana.sy', count: 3 }]);
    expect(r.timeline).toEqual([
      { value: '2015-03', count: 2 },
      { value: '2017-01', count: 1 },
    ]);
  });

  it('see new articles after an import', async () => {
    const before = search('الانتخابات').total;
    const { writePages } = await import('./fixture.js');
    const { runImport } = await import('../../../src-main/core/importer/run-import.js');
    const extra = writePages(path.join(dir, 'extra'), [
      { title: 'الانتخابات الطلابية', paragraphs: ['جرت الانتخابات الطلابية في الجامعة.'], published: '2018-02-01 10:00:00', site: 'extra.example' },
    ]);
    await runImport(archive, [extra], { parseWorkers: 0 });
    const r = search('الانتخابات');
    expect(r.total).toBe(before + 1);
    expect(r.facets.site.map((b) => b.value)).toContain('extra.example');
    expect(r.timeline.at(-1)).toEqual({ value: '2018-02', count: 1 });
  });
});

describe('snippets and highlights on the original text', () => {
  it('highlight the words as written, with harakat and tatweel', () => {
    const hit = search('اقتصاد').hits.find((h) => h.id === 15)!;
    expect(hit.highlights.map((r) => hit.snippet.slice(r.start, r.end))).toEqual(['الاقتِصادَ']);
    expect(hit.titleHighlights.map((r) => hit.title.slice(r.start, r.end))).toEqual(['الاقتـــصاد']);
  });

  it('highlight clitic forms and phrases', () => {
    const hit = search('حلب').hits.find((h) => h.id === 2)!;
    expect(hit.highlights.map((r) => hit.snippet.slice(r.start, r.end))).toEqual(['بحلب']);
    const phrase = search('"وزير الخارجية"').hits[0]!;
    expect(phrase.highlights.map((r) => phrase.snippet.slice(r.start, r.end))).toEqual(['وزير الخارجية']);
    expect(phrase.titleHighlights.map((r) => phrase.title.slice(r.start, r.end))).toEqual(['وزير الخارجية']);
  });

  it('cut a long body around the match, at word boundaries, with … marks', () => {
    const hit = search('القمح').hits[0]!;
    expect(hit.id).toBe(18);
    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippet.endsWith('…')).toBe(true);
    expect(hit.snippet.length).toBeLessThanOrEqual(300);
    expect(hit.highlights.map((r) => hit.snippet.slice(r.start, r.end))).toEqual(['القمح']);
    const body = ARTICLES[17]!.paragraphs.join(' ');
    expect(body.includes(hit.snippet.slice(1, -1))).toBe(true);
  });

  it('find the match deep in a very long body, and mark a cut tail', () => {
    const deep = search('الزعفران').hits[0]!;
    expect(deep.id).toBe(27);
    expect(deep.highlights.map((r) => deep.snippet.slice(r.start, r.end))).toEqual(['الزعفران']);
    expect(deep.snippet.startsWith('…')).toBe(true);
    const lead = search('سنوي').hits[0]!;
    expect(lead.snippet.startsWith('الفقرة رقم 1')).toBe(true);
    expect(lead.snippet.endsWith('…')).toBe(true);
  });

  it('show the beginning of the body when only the headline matches', () => {
    const hit = search('مطول').hits[0]!;
    expect(hit.snippet.startsWith('الفقرة رقم 1')).toBe(true);
    expect(hit.highlights).toEqual([]);
    expect(hit.titleHighlights.map((r) => hit.title.slice(r.start, r.end))).toEqual(['مطول']);
  });
});

describe('related articles', () => {
  it('are articles sharing the distinctive words, never the article itself', () => {
    const related = relatedArticles(archive, 21, 5).map((a) => a.id);
    expect(related).not.toContain(21);
    expect(related).toContain(22);
    expect(related.length).toBeLessThanOrEqual(5);
  });

  it('of an article with nothing distinctive in common is an empty list', () => {
    expect(relatedArticles(archive, 10, 5).map((a) => a.id)).not.toContain(10);
  });

  it('of a missing article is a not-found error', () => {
    expect(() => relatedArticles(archive, 9999)).toThrow(ArshifError);
  });
});
