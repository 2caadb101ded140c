/**
 * The dead ends of issue 10, end to end through a real import: a name that is also a function word
 * (علي), function words typed on purpose, ة kept apart from ه, OR chains with function words,
 * relaxed matching with "did you mean" splits, near-duplicate groups, and the time budget.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchResult } from '../../../src-main/common/types.js';
import type { Archive } from '../../../src-main/core/archive/archive.js';
import { listArticles } from '../../../src-main/core/archive/articles.js';
import { articleCopies } from '../../../src-main/core/archive/copies.js';
import { getStats } from '../../../src-main/core/archive/stats.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { buildArchive, type TestArticle } from './fixture.js';

const HOSPITAL = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب.',
  'وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المنطقة الغربية، وإن العمل فيه استغرق ثلاث سنوات.',
  'وأضاف أن المستشفى سيستقبل المرضى ابتداء من الشهر المقبل بعد استكمال تجهيز الأقسام وتدريب الكوادر الطبية والفنية العاملة فيه.',
];

/** ids follow this order (1-based). */
const ARTICLES: TestArticle[] = [
  // 1–2: علي the name (written with ي); 3–4: على the preposition, and بن without علي
  { title: 'سيرة الإمام علي بن أبي طالب في كتب التاريخ', paragraphs: ['تناول الكتاب سيرة علي بن أبي طالب وأثره في التاريخ الإسلامي.'] },
  { title: 'الشيخ علي يلقي محاضرة في الجامع', paragraphs: ['ألقى الشيخ علي الحسن محاضرة عن الأخلاق أمام جمع من المصلين.'] },
  { title: 'الوزير يطلع على سير العمل', paragraphs: ['اطلع الوزير على سير العمل في المشروع ووقف على احتياجاته.'] },
  { title: 'محمد بن سلمان يزور المنطقة', paragraphs: ['زار الأمير محمد بن سلمان المنطقة الشرقية واطلع على المشاريع.'] },
  // 5–7: الرياضة (sport), الرياض (Riyadh) and مدينة, مصر
  { title: 'الرياضة المدرسية تعود', paragraphs: ['تهتم وزارة التعليم بالرياضة في المدارس وتنظم مسابقات للطلاب.'] },
  { title: 'أمطار غزيرة في الرياض', paragraphs: ['شهدت مدينة الرياض أمطارا غزيرة صباح اليوم.'] },
  { title: 'مصر تستضيف القمة', paragraphs: ['تستضيف مصر القمة العربية الشهر المقبل.'] },
  // 8–10: ف + نار, and the lighthouse فنار
  { title: 'حريق قرب القنصلية في إسطنبول', paragraphs: ['اشتعلت نار في مبنى مجاور للقنصلية في إسطنبول صباح اليوم وهرعت فرق الإطفاء.'] },
  { title: 'فنار الميناء القديم', paragraphs: ['يعد فنار الميناء من أقدم المعالم في المدينة الساحلية.'] },
  { title: 'عواقب وخيمة للتدخين', paragraphs: ['حذر الأطباء من عواقب وخيمة للتدخين على صحة القلب.'] },
  // 11: و + خيمة
  { title: 'نشاط دعوي في الحي', paragraphs: ['أقامت الجمعية في يومها الأول أنشطة دعوية في خيمة كبيرة للأطفال.'] },
  // 12–14: one wire story on three sites, behind different prefixes; 15: another story
  { title: 'عام / افتتاح مستشفى جديد في جدة', paragraphs: HOSPITAL, site: 'spa.gov.sa', published: '2016-12-10 09:00:00' },
  { title: 'اقتصادي / افتتاح مستشفى جديد في جدة', paragraphs: HOSPITAL, site: 'okaz.com.sa', published: '2016-12-10 11:00:00' },
  {
    title: 'افتتاح مستشفى جديد بجدة بسعة 300 سرير',
    paragraphs: [HOSPITAL[0]!.replace('اليوم', 'أمس'), HOSPITAL[1]!, HOSPITAL[2]!],
    site: 'alriyadh.com',
    published: '2016-12-11 06:00:00',
  },
  { title: 'مستشفى جدة الجديد يوظف الممرضين', paragraphs: ['أعلن مستشفى في جدة عن وظائف للممرضين والممرضات في أقسام الطوارئ.'], site: 'okaz.com.sa' },
];

let dir = '';
let archive: Archive;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-dead-ends-'));
  archive = await buildArchive(dir, ARTICLES);
}, 120_000);

afterAll(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function search(query: string, more: Omit<SearchQuery, 'query'> = {}): SearchResult {
  return searchArchive(archive, { query, ...more });
}

const ids = (r: SearchResult): number[] => r.hits.map((h) => h.id).sort((a, b) => a - b);

describe('a name that is also a function word', () => {
  it('علي typed with ي is the name: searched, and only where it is written with ي', () => {
    const r = search('علي');
    expect(r.problem).toBeNull();
    expect(r.relaxed).toBe(false);
    expect(ids(r)).toEqual([1, 2]);
    expect(r.hits.every((h) => h.titleHighlights.every((m) => h.title.slice(m.start, m.end) === 'علي'))).toBe(true);
  });

  it('علي بن: both words count', () => {
    expect(ids(search('علي بن'))).toEqual([1]);
    expect(ids(search('"علي بن"'))).toEqual([1]);
  });

  it('على typed with ى is the function word: alone it is searched, beside a word it is dropped', () => {
    expect(search('على').hits.length).toBeGreaterThan(2);
    expect(ids(search('على الوزير'))).toEqual(ids(search('الوزير')));
  });
});

describe('function words typed on purpose', () => {
  it('a lone في finds the articles that have it', () => {
    const r = search('في');
    expect(r.problem).toBeNull();
    expect(r.total).toBeGreaterThan(5);
    expect(r.hits[0]!.highlights.length + r.hits[0]!.titleHighlights.length).toBeGreaterThan(0);
  });

  it('an OR chain keeps its function words, so it finds at least what the chain without them finds', () => {
    const withStopword = search('الرياض OR في OR مصر', { limit: 100, collapse: false });
    const without = search('الرياض OR مصر', { limit: 100, collapse: false });
    expect(without.total).toBe(2);
    expect(withStopword.total).toBeGreaterThanOrEqual(without.total);
    expect(ids(withStopword)).toEqual(expect.arrayContaining(ids(without)));
  });
});

describe('taa marbuta is a letter', () => {
  it('الرياضة and الرياض are different words', () => {
    expect(ids(search('الرياضة'))).toEqual([5]);
    expect(ids(search('رياضة'))).toEqual([5]);
    expect(ids(search('الرياض'))).toEqual([6]);
  });

  it('a search for الرياضة highlights only what matched', () => {
    const hit = search('الرياضة').hits[0]!;
    expect(hit.titleHighlights.map((m) => hit.title.slice(m.start, m.end))).toEqual(['الرياضة']);
  });

  it('مدينه typed with ه still finds مدينة', () => {
    expect(ids(search('مدينه'))).toEqual(expect.arrayContaining([6]));
    expect(ids(search('مدينة الرياض'))).toEqual([6]);
    expect(ids(search('مدينه الرياض'))).toEqual([6]);
  });
});

describe('no dead end when no article has every word', () => {
  it('reads فنار as ف + نار, says the result is relaxed and suggests the split', () => {
    const r = search('والقنصلية فإـسطنبول فنار');
    expect(r.relaxed).toBe(true);
    expect(r.hits[0]!.id).toBe(8);
    expect(r.suggestion).not.toBeNull();
    expect(r.suggestion!.splits).toEqual([{ word: 'فنار', parts: ['ف', 'نار'] }]);
    expect(r.suggestion!.query).toBe('والقنصلية فإـسطنبول ف نار');
    expect(r.hits[0]!.highlights.some((m) => r.hits[0]!.snippet.slice(m.start, m.end) === 'نار')).toBe(true);
  });

  it('reads وخيمه as و + خيمة (not the word وخيم)', () => {
    const r = search('يومها الدعوية وخيمه');
    expect(r.relaxed).toBe(true);
    expect(r.hits[0]!.id).toBe(11);
    expect(r.suggestion!.splits).toEqual([{ word: 'وخيمه', parts: ['و', 'خيمه'] }]);
  });

  it('shows the articles with most of the words, most first', () => {
    const r = search('الرياض مصر القمة');
    expect(r.relaxed).toBe(true);
    expect(ids(r)).toEqual([7]); // مصر and القمة; الرياض alone is less than half of the words
    const two = search('الرياض القمة');
    expect(ids(two)).toEqual([6, 7]);
    expect(two.suggestion).toBeNull();
  });

  it('a strict match is never relaxed', () => {
    expect(search('الشيخ علي').relaxed).toBe(false);
  });
});

describe('near-duplicate groups', () => {
  it('folds a story published on three sites behind different prefixes into one row', () => {
    const r = search('افتتاح مستشفى جدة');
    expect(r.matches).toBe(3);
    expect(r.total).toBe(1);
    const row = r.hits[0]!;
    expect(row.group).not.toBeNull();
    expect(row.copies.map((c) => c.site).sort()).toEqual(['alriyadh.com', 'okaz.com.sa', 'spa.gov.sa'].filter((s) => s !== row.site).sort());
  });

  it('never hides a copy from a filter: a site filter shows that site\u2019s copy', () => {
    const r = search('افتتاح مستشفى جدة', { site: 'okaz.com.sa' });
    expect(r.hits.map((h) => h.id)).toEqual([13]);
    expect(r.hits[0]!.copies).toEqual([]);
  });

  it('keeps a different story about the same place apart, and lists every copy when asked', () => {
    const r = search('مستشفى جدة');
    expect(r.matches).toBe(4);
    expect(r.total).toBe(2);
    expect(search('مستشفى جدة', { collapse: false }).total).toBe(4);
    const byDate = search('مستشفى جدة', { sort: 'newest' });
    expect(byDate.total).toBe(2);
    expect(byDate.hits.flatMap((h) => [h.id, ...h.copies.map((c) => c.id)]).sort((a, b) => a - b)).toEqual([12, 13, 14, 15]);
  });
});

describe('near-duplicate groups when browsing and reading', () => {
  it('lists one row per story, with its copies, and every article when asked', () => {
    const all = listArticles(archive, { limit: 100 });
    expect(all.total).toBe(ARTICLES.length - 2);
    expect(all.articles.length).toBe(ARTICLES.length - 2);
    const row = all.articles.find((a) => [12, 13, 14].includes(a.id))!;
    expect(row.id).toBe(14); // the newest copy comes first in the newest-first list
    expect(row.copies.map((c) => c.id).sort()).toEqual([12, 13]);
    expect(listArticles(archive, { limit: 100, collapse: false }).total).toBe(ARTICLES.length);
    // The archive's figures say how many rows folding hides (the browse view offers "every copy" only then).
    expect(getStats(archive).foldedCopies).toBe(2);
  });

  it('never hides a copy from a filter', () => {
    const okaz = listArticles(archive, { site: 'okaz.com.sa' });
    expect(okaz.articles.map((a) => a.id).sort()).toEqual([13, 15]);
    expect(okaz.articles.find((a) => a.id === 13)!.copies).toEqual([]);
  });

  it('the reader links every copy of the story', () => {
    const info = articleCopies(archive, 12);
    expect(info.group).not.toBeNull();
    expect(info.copies.map((c) => c.site).sort()).toEqual(['alriyadh.com', 'okaz.com.sa']);
    expect(articleCopies(archive, 1)).toEqual({ group: null, copies: [], copyCount: 0 });
  });
});

describe('time budget', () => {
  it('a search past its budget still answers, and says it was cut short', () => {
    const r = searchArchive(archive, { query: 'في' }, { budgetMs: 0 });
    expect(r.truncated).toBe(true);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(search('في').truncated).toBe(false);
  });
});
