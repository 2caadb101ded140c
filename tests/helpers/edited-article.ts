/**
 * One article scraped three times while its site edited it (the acceptance scenario of issue 12):
 * scrape 2 changes the headline, scrape 3 changes a figure in one paragraph and removes another.
 * Pages are rendered in the real alazmenah text layout (tests/corpus/render.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderHtml, renderText, type PageFields } from '../corpus/render.js';

export const SITE = 'alazmenah.com';
export const PUBLISHED = '2018-07-20 09:15:00';

export const TITLE_1 = 'وزارة الصحة تفتتح مستشفى جديدا في حلب بسعة 300 سرير';
export const TITLE_2 = 'افتتاح مستشفى حلب الجديد بحضور وزير الصحة';

const PARAGRAPHS_1 = [
  'افتتحت وزارة الصحة اليوم مستشفى جديدا في مدينة حلب، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب والأطفال.',
  'وقال وزير الصحة في كلمة خلال حفل الافتتاح إن المستشفى يتسع لـ 300 سرير، وإن كلفته بلغت أربعة مليارات ليرة سورية.',
  'وأضاف الوزير أن المستشفى سيخدم سكان المدينة وريفها، وأن العمل جار على تجهيز مستشفيين آخرين في المحافظة قبل نهاية العام.',
  'وأشار مدير صحة حلب إلى أن الكوادر الطبية والفنية العاملة في المستشفى خضعت لدورات تدريبية مكثفة خلال الأشهر الماضية.',
];
/** Scrape 3: the figure in paragraph 2 changed (300 → 250), paragraph 3 removed. */
const PARAGRAPHS_3 = [PARAGRAPHS_1[0]!, PARAGRAPHS_1[1]!.replace('300', '250'), PARAGRAPHS_1[3]!];

export const VERSION_TEXTS = [
  { title: TITLE_1, paragraphs: PARAGRAPHS_1 },
  { title: TITLE_2, paragraphs: PARAGRAPHS_1 },
  { title: TITLE_2, paragraphs: PARAGRAPHS_3 },
];

const TICKER = [
  'الجيش يحرر عددا من القرى في ريف درعا',
  'روسيا ترفض جعل منظمة حظر الأسلحة الكيميائية قاضيا',
  'ترامب يعلن استعداده لفرض رسوم جديدة على البضائع الصينية',
];

export interface Scrape {
  day: string;
  readCount: number;
  title: string;
  paragraphs: string[];
}

export const SCRAPES: Scrape[] = [
  { day: '2018-07-20', readCount: 120, ...VERSION_TEXTS[0]! },
  { day: '2018-07-21', readCount: 480, ...VERSION_TEXTS[1]! },
  { day: '2018-07-23', readCount: 910, ...VERSION_TEXTS[2]! },
];

export function fieldsOf(scrape: Scrape, ticker: string[] = TICKER): PageFields {
  return {
    site: SITE,
    city: 'دمشق',
    scrapeDay: scrape.day,
    ticker: [scrape.title, ...ticker],
    section: 'أخبار سورية',
    published: PUBLISHED,
    displayTitle: scrape.title,
    paragraphs: scrape.paragraphs,
    joined: scrape.paragraphs.map(() => false),
    readCount: scrape.readCount,
    newsId: 4242,
  };
}

/** Writes scrape i as `<dir>/<day>/article.txt` (or .html); returns the path. */
export function writeScrape(dir: string, i: number, format: 'text' | 'html' = 'text', name = 'article'): string {
  const scrape = SCRAPES[i]!;
  const file = path.join(dir, scrape.day, `${name}.${format === 'text' ? 'txt' : 'html'}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const f = fieldsOf(scrape);
  fs.writeFileSync(file, format === 'text' ? renderText(f) : renderHtml(f, scrape.title));
  return file;
}
