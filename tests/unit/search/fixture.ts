/**
 * Small archives for the search tests: articles written as pages in the alazmenah text layout
 * (docs/scraped-pages.md; tests/corpus/render.ts renders them like the real sample) and imported
 * with the real importer, so the search index is exactly what an import makes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openArchive, type Archive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { renderText } from '../../corpus/render.js';

export interface TestArticle {
  title: string;
  paragraphs: string[];
  site?: string;
  section?: string;
  /** "YYYY-MM-DD HH:MM:SS" */
  published?: string;
  author?: string;
  reads?: number;
}

/** Writes the articles as pages (one folder per site) and returns the folder. */
export function writePages(dir: string, articles: TestArticle[]): string {
  const root = path.join(dir, 'pages');
  articles.forEach((a, i) => {
    const site = a.site ?? 'alazmenah.com';
    const published = a.published ?? `2016-12-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`;
    const text = renderText({
      site,
      city: 'دمشق',
      scrapeDay: '2018-07-21',
      ticker: ['عنوان أول في الشريط', 'عنوان ثان في الشريط'],
      section: a.section ?? 'أخبار سورية',
      published,
      displayTitle: a.author ? `${a.title} .. بقلم: ${a.author}` : a.title,
      paragraphs: a.paragraphs,
      joined: a.paragraphs.map(() => false),
      readCount: a.reads ?? 100 + i,
      newsId: 1000 + i,
    });
    const hex = createHash('sha256').update(`${i}:${a.title}`).digest('hex').slice(0, 16);
    const file = path.join(root, site, `${String(i).padStart(3, '0')}_${hex}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  });
  return root;
}

/** A new archive in `dir` holding exactly these articles (ids follow the array order). */
export async function buildArchive(dir: string, articles: TestArticle[]): Promise<Archive> {
  const pages = writePages(dir, articles);
  const archive = openArchive(path.join(dir, 'search.arshif'), { create: true });
  const files = articles.map((a, i) => {
    const site = a.site ?? 'alazmenah.com';
    const name = fs.readdirSync(path.join(pages, site)).find((f) => f.startsWith(`${String(i).padStart(3, '0')}_`));
    return path.join(pages, site, name as string);
  });
  // One file at a time, in order, so article ids are 1..n in the order given.
  for (const file of files) {
    const report = await runImport(archive, [file], { parseWorkers: 0 });
    if (report.articlesAdded !== 1) throw new Error(`fixture page ${file} was not imported: ${JSON.stringify(report.rejections)}`);
  }
  return archive;
}
