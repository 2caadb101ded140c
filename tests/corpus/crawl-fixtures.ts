/**
 * Crawls and scraper exports of the same articles, generated for tests and benches: real Arabic articles
 * (../shared/corpora/saudinewsnet, or tests/fixtures without ../shared) rendered as the HTML pages a site
 * serves; a WARC of a crawl of them (with requests, revisits, a redirect, a PDF, a 404, robots.txt, an
 * image, a home page, content-encoded and chunked responses); a WACZ; and exports in the shapes Scrapy,
 * news-please and trafilatura write.
 */
import zlib from 'node:zlib';
import { decodeCharacterReferences } from '../../src-main/core/pages/references.js';
import { encode1256 } from './encode.js';
import { buildPool, loadCleanArticles, type PoolArticle } from './pool.js';
import { escapeHtml, renderHtml, type PageFields } from './render.js';
import { hashUnit } from './rng.js';
import { defaultSource } from './source.js';
import {
  httpResponse,
  payloadDigest,
  requestRecord,
  responseRecord,
  revisitRecord,
  warcinfoRecord,
  type WarcRecordSpec,
} from './warc-writer.js';
import { buildZip } from './zip-writer.js';

export interface FixtureArticle {
  pool: PoolArticle;
  fields: PageFields;
  url: string;
  /** "YYYY-MM-DDTHH:MM:SS", as the page shows it. */
  publishedAt: string;
  /** The capture time, ISO with Z (the scrape day at noon UTC). */
  capturedAt: string;
}

const DAY_MS = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * The i-th article: the corpus's own while it lasts; past its end (the small fixture corpus of a clone
 * without ../shared) a new one from a title and the paragraphs of another article, rotated.
 */
function nthArticle(pool: PoolArticle[], i: number): PoolArticle {
  const round = Math.floor(i / pool.length);
  const a = pool[i % pool.length] as PoolArticle;
  if (round === 0) return a;
  const b = pool[(i + round) % pool.length] as PoolArticle;
  const turn = round % b.paragraphs.length;
  return { ...a, idx: i, title: `${a.title} ${round + 1}`, paragraphs: [...b.paragraphs.slice(turn), ...b.paragraphs.slice(0, turn)] };
}

/**
 * The article with the characters its source's text names by reference ("&quot;"): a site serves the
 * characters, each format escapes them its own way, and every import must give them back as they are.
 */
function withCharacters(a: PoolArticle): PoolArticle {
  return {
    ...a,
    title: decodeCharacterReferences(a.title),
    author: a.author === null ? null : decodeCharacterReferences(a.author),
    paragraphs: a.paragraphs.map(decodeCharacterReferences),
  };
}

/** `count` articles of the corpus as pages of their sites, deterministic for a seed. */
export async function fixtureArticles(count: number, seed = 1): Promise<FixtureArticle[]> {
  const pool = buildPool(await loadCleanArticles(defaultSource()), seed);
  const chosen = Array.from({ length: count }, (_, i) => withCharacters(nthArticle(pool, i)));
  return chosen.map((a, i) => {
    const publishedMs = Math.floor(a.extractedMs / 60_000) * 60_000 - Math.floor(hashUnit(seed, 'age', a.idx) * 20) * 3_600_000;
    const scrapeMs = publishedMs + (1 + Math.floor(hashUnit(seed, 'lag', a.idx) * 3)) * DAY_MS;
    const scrapeDay = iso(scrapeMs).slice(0, 10);
    const ticker = [1, 2, 3, 4, 5].map((k) => chosen[(i + k) % chosen.length]?.title ?? a.title);
    const fields: PageFields = {
      site: a.site,
      city: a.city,
      scrapeDay,
      ticker,
      section: a.section,
      published: iso(publishedMs).replace('T', ' '),
      displayTitle: a.opinion && a.author ? `${a.title}.. بقلم: ${a.author}` : a.title,
      paragraphs: a.paragraphs,
      joined: a.paragraphs.map(() => false),
      readCount: 100 + Math.floor(hashUnit(seed, 'reads', a.idx) * 5000),
      newsId: 100_000 + a.idx,
    };
    return { pool: a, fields, url: `https://${a.site}/news/${fields.newsId}`, publishedAt: iso(publishedMs), capturedAt: `${scrapeDay}T12:00:00Z` };
  });
}

/** The page a site serves for the article (the same HTML as a saved page of the generated corpus). */
export function articleHtml(a: FixtureArticle): string {
  return renderHtml(a.fields, a.pool.title);
}

export interface CrawlOptions {
  /** Articles whose page is captured again, unchanged, a day later (revisit records). */
  revisits?: number;
  /** Add the records a crawl also holds: a redirect, a PDF, a 404, robots.txt, an image, a home page. */
  extras?: boolean;
}

/** What the crawl's extra records are expected to count as. */
export const EXTRA_SKIPS = { redirect: 1, 'not-html': 2, 'http-error': 1, 'robots-txt': 1, 'not-article': 1 } as const;

/** Response headers for an article page; every few articles are sent gzip-encoded and chunked, or in windows-1256. */
function articleResponse(a: FixtureArticle, i: number): Buffer {
  const html = articleHtml(a);
  if (i % 7 === 3) {
    const gz = zlib.gzipSync(Buffer.from(html, 'utf8'));
    const chunked = Buffer.concat([Buffer.from(`${gz.length.toString(16)}\r\n`, 'latin1'), gz, Buffer.from('\r\n0\r\n\r\n', 'latin1')]);
    return httpResponse(200, 'OK', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' }, chunked);
  }
  if (i % 7 === 5) {
    const legacy = encode1256(html.replace('<meta charset="utf-8">', ''));
    if (legacy) return httpResponse(200, 'OK', { 'Content-Type': 'text/html; charset=windows-1256' }, legacy);
  }
  return httpResponse(200, 'OK', { 'Content-Type': 'text/html; charset=utf-8', Server: 'nginx' }, html);
}

/** The records of a crawl of these articles' pages, in crawl order. */
export function crawlRecords(articles: FixtureArticle[], options: CrawlOptions = {}): WarcRecordSpec[] {
  const first = articles[0];
  const started = first ? first.capturedAt : '2016-01-01T00:00:00Z';
  const records: WarcRecordSpec[] = [warcinfoRecord(started)];
  const site = first?.pool.site ?? 'example.com';
  if (options.extras) {
    records.push(requestRecord(`https://${site}/robots.txt`, started));
    records.push(responseRecord(`https://${site}/robots.txt`, started, httpResponse(200, 'OK', { 'Content-Type': 'text/plain' }, 'User-agent: *\nDisallow: /admin/\n')));
    const sections = ['الرئيسية', 'محليات', 'اقتصاد', 'رياضة', 'ثقافة', 'اتصل بنا'];
    const home = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${site}</title></head><body><ul>${sections
      .map((name, k) => `<li><a href="/section/${k}">${name}</a></li>`)
      .join('')}</ul></body></html>`;
    records.push(responseRecord(`https://${site}/`, started, httpResponse(200, 'OK', { 'Content-Type': 'text/html; charset=utf-8' }, home)));
  }
  articles.forEach((a, i) => {
    records.push(requestRecord(a.url, a.capturedAt));
    records.push(responseRecord(a.url, a.capturedAt, articleResponse(a, i)));
  });
  if (options.extras) {
    const a = articles[0];
    const when = a?.capturedAt ?? started;
    records.push(responseRecord(`https://${site}/news`, when, httpResponse(301, 'Moved Permanently', { Location: `https://${site}/news/`, 'Content-Length': '0' })));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), zlib.deflateSync(Buffer.from('a report '.repeat(200)))]);
    records.push(responseRecord(`https://${site}/files/report.pdf`, when, httpResponse(200, 'OK', { 'Content-Type': 'application/pdf' }, pdf)));
    records.push(responseRecord(`https://${site}/logo.png`, when, httpResponse(200, 'OK', { 'Content-Type': 'image/png' }, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))));
    const notFound = '<!DOCTYPE html><html><head><title>404</title></head><body><h1>الصفحة المطلوبة غير موجودة</h1></body></html>';
    records.push(responseRecord(`https://${site}/news/missing`, when, httpResponse(404, 'Not Found', { 'Content-Type': 'text/html; charset=utf-8' }, notFound)));
  }
  const revisits = Math.min(options.revisits ?? 0, articles.length);
  for (let i = 0; i < revisits; i++) {
    const a = articles[i] as FixtureArticle;
    const body = articleResponse(a, i);
    const later = new Date(Date.parse(a.capturedAt) + DAY_MS).toISOString().replace('.000Z', 'Z');
    records.push(requestRecord(a.url, later));
    records.push(revisitRecord(a.url, later, a.capturedAt, payloadDigest(body.subarray(body.indexOf('\r\n\r\n') + 4))));
  }
  return records;
}

/** A WACZ (Webrecorder's zipped web archive) holding the WARC (a gzipped WARC is stored, as the format asks). */
export function buildWacz(warc: Buffer, articles: FixtureArticle[]): Buffer {
  const pages = [
    JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }),
    ...articles.map((a) => JSON.stringify({ url: a.url, ts: a.capturedAt, title: a.pool.title })),
  ].join('\n');
  const datapackage = JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', resources: [{ name: 'data.warc.gz', path: 'archive/data.warc.gz' }] });
  return buildZip(
    [
      { name: 'archive/data.warc.gz', data: warc },
      { name: 'pages/pages.jsonl', data: Buffer.from(pages, 'utf8') },
      { name: 'datapackage.json', data: Buffer.from(datapackage, 'utf8') },
    ],
    '2016-05-01',
  );
}

function bodyText(a: FixtureArticle): string {
  return a.fields.paragraphs.join('\n');
}

/** news-please's JSON (one object per article, as its JSON-lines output), with its nulls. */
export function newsPleaseItem(a: FixtureArticle): Record<string, unknown> {
  return {
    authors: a.pool.author ? [a.pool.author] : [],
    date_download: `${a.capturedAt.slice(0, 10)} 12:00:00`,
    date_modify: null,
    date_publish: a.fields.published,
    description: a.fields.paragraphs[0]?.slice(0, 120) ?? null,
    filename: `${encodeURIComponent(a.url)}.json`,
    image_url: null,
    language: 'ar',
    localpath: null,
    maintext: bodyText(a),
    source_domain: a.pool.site,
    text: null,
    title: a.pool.title,
    title_page: null,
    title_rss: null,
    url: a.url,
  };
}

/** A Scrapy item as a news spider yields it: the body as the page's HTML paragraphs. */
export function scrapyItem(a: FixtureArticle): Record<string, unknown> {
  return {
    url: a.url,
    title: a.pool.title,
    body: a.fields.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    date: `${a.publishedAt}+03:00`,
    author: a.pool.author ?? '',
    category: a.pool.section,
  };
}

/** A Scrapy item whose spider took the body as text (paragraphs on lines). */
export function scrapyTextItem(a: FixtureArticle): Record<string, unknown> {
  return { ...scrapyItem(a), body: bodyText(a) };
}

/** The same article saved from a site of another CMS (title, date line, paragraphs, chrome around). */
export function genericPageHtml(a: FixtureArticle): string {
  const e = escapeHtml;
  return [
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${e(a.pool.title)} | ${a.pool.site}</title></head><body>`,
    `<nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav><main><article>`,
    `<h1>${e(a.pool.title)}</h1><p class="date">${a.fields.published}</p>`,
    ...a.fields.paragraphs.map((p) => `<p>${e(p)}</p>`),
    `</article></main><script>var x = 1;</script><footer>© ${a.pool.site}</footer></body></html>`,
  ].join('\n');
}

/** trafilatura's JSON output (`--json`): text with paragraphs on lines, the URL under "source". */
export function trafilaturaItem(a: FixtureArticle): Record<string, unknown> {
  return {
    title: a.pool.title,
    author: a.pool.author,
    hostname: a.pool.site,
    date: a.publishedAt.slice(0, 10),
    categories: a.pool.section,
    tags: '',
    fingerprint: 'e3b0c44298fc1c14',
    id: null,
    license: null,
    comments: '',
    raw_text: bodyText(a).replace(/\n/g, ' '),
    text: bodyText(a),
    language: 'ar',
    image: null,
    pagetype: 'article',
    source: a.url,
    'source-hostname': a.pool.site,
    excerpt: a.fields.paragraphs[0] ?? '',
  };
}

export function jsonLines(items: Array<Record<string, unknown>>): Buffer {
  return Buffer.from(items.map((item) => JSON.stringify(item)).join('\n') + '\n', 'utf8');
}

/** A Scrapy JSON feed: "[", one item per line, "]". */
export function jsonArray(items: Array<Record<string, unknown>>): Buffer {
  return Buffer.from(`[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`, 'utf8');
}

/** A Scrapy CSV feed: header of the first item's fields, RFC 4180 quoting. */
export function csv(items: Array<Record<string, unknown>>): Buffer {
  const columns = Object.keys(items[0] ?? {});
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return /[",\r\n]/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = [columns.join(','), ...items.map((item) => columns.map((c) => cell(item[c])).join(','))];
  return Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');
}
