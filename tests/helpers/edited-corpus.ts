/**
 * A folder of scrapes in which every article was edited between scrapes: for article k, scrape 1 is
 * the original, scrape 2 changes its headline, scrape 3 changes a figure and removes a paragraph;
 * every 4th article also has a cut-off scrape (kept, never shown), and every 5th has its second
 * scrape in a back-filled folder imported last though it is dated before the third (the shown
 * version must not move back to it). Built from the fixture articles (always present).
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderText, renderTruncated, type PageFields } from '../corpus/render.js';
import { loadFixtureArticles } from '../corpus/source.js';

export interface EditedCorpus {
  root: string;
  articles: number;
  files: number;
  /** Versions per article, in article order. */
  versions: number[];
}

function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!؟])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 4);
}

function day(offset: number): string {
  return new Date(Date.UTC(2019, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

export function writeEditedCorpus(root: string, articles: number): EditedCorpus {
  const source = loadFixtureArticles();
  const versions: number[] = [];
  let files = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(root, 'alazmenah.com', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files++;
  };
  for (let k = 0; k < articles; k++) {
    const a = source[k % source.length]!;
    const b = source[(k * 7 + 3) % source.length]!;
    const pool = [...sentences(a.content), ...sentences(b.content)];
    const paragraphs = [0, 1, 2, 3].map((p) => pool.slice(p * 2, p * 2 + 2).join(' ') || `فقرة ${p + 1} من الخبر رقم ${k}.`);
    paragraphs[1] = `${paragraphs[1]} وبلغ عدد المشاركين ${1000 + k} شخصا.`;
    const title = `${a.title} (${k})`;
    const minutes = k * 37;
    const published = `${day(Math.floor(minutes / 1440))} ${String(Math.floor((minutes % 1440) / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
    const first = Math.floor(minutes / 1440) + 1;
    const fields = (scrape: number, t: string, paras: string[], reads: number): PageFields => ({
      site: 'alazmenah.com',
      city: 'دمشق',
      scrapeDay: day(first + scrape),
      ticker: [title, `${b.title} (${k})`],
      section: 'أخبار سورية',
      published,
      displayTitle: t,
      paragraphs: paras,
      joined: paras.map(() => false),
      readCount: reads,
      newsId: k,
    });
    const edited = [paragraphs[0]!, paragraphs[1]!.replace(String(1000 + k), String(2000 + k)), paragraphs[3]!];
    const f1 = fields(0, title, paragraphs, 10 + k);
    const f2 = fields(1, `عاجل: ${title}`, paragraphs, 20 + k);
    const f3 = fields(2, `عاجل: ${title}`, edited, 30 + k);
    write(`${f1.scrapeDay}/${k}.txt`, renderText(f1));
    write(`${k % 5 === 0 ? 'zz-backfill' : f2.scrapeDay}/${k}.txt`, renderText(f2));
    write(`${f3.scrapeDay}/${k}.txt`, renderText(f3));
    let n = 3;
    if (k % 4 === 0) {
      write(`${day(first + 3)}/${k}-cut.txt`, renderTruncated({ ...f3, scrapeDay: day(first + 3) }, 1, 6).text);
      n++;
    }
    versions.push(n);
  }
  return { root, articles, files, versions };
}
