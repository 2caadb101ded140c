/**
 * Source articles → a clean pool of distinct articles ready to render: whitespace and invisible
 * characters cleaned (so "trimmed paragraphs" is unambiguous), chrome-like lines dropped, titles made
 * globally distinct under a coarse normalisation (so identity and ticker links are unambiguous), and
 * each article given a site, city, section and, for opinion pieces, an author.
 */
import type { SourceArticle } from './source.js';
import { hash32, hashUnit } from './rng.js';

export interface SiteInfo {
  domain: string;
  city: string;
}

const SITES: Record<string, SiteInfo> = {
  aawsat: { domain: 'aawsat.com', city: 'لندن' },
  aleqtisadiya: { domain: 'aleqt.com', city: 'الرياض' },
  aljazirah: { domain: 'al-jazirah.com', city: 'الرياض' },
  almadina: { domain: 'al-madina.com', city: 'جدة' },
  alriyadh: { domain: 'alriyadh.com', city: 'الرياض' },
  alwatan: { domain: 'alwatan.com.sa', city: 'أبها' },
  alweeam: { domain: 'alweeam.com.sa', city: 'الرياض' },
  alyaum: { domain: 'alyaum.com', city: 'الدمام' },
  arreyadi: { domain: 'arreyadi.com.sa', city: 'الرياض' },
  arriyadiyah: { domain: 'arriyadiyah.com', city: 'الرياض' },
  okaz: { domain: 'okaz.com.sa', city: 'جدة' },
  sabq: { domain: 'sabq.org', city: 'الرياض' },
  '3alyoum': { domain: '3alyoum.com', city: 'الرياض' },
  was: { domain: 'spa.gov.sa', city: 'الرياض' },
};

export function siteOf(source: string): SiteInfo {
  const known = SITES[source];
  if (known) return known;
  const slug = source.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'unknown';
  return { domain: `${slug}.com`, city: 'الرياض' };
}

/** Sites of the "other layout" (generic) pages: their folder names are their domains. */
export const GENERIC_SITES = ['sana.sy', 'al-akhbar.com', 'alquds.co.uk', 'enabbaladi.net'] as const;

const GENERAL_SECTIONS = ['محليات', 'محليات', 'محليات', 'اقتصاد', 'رياضة', 'دوليات', 'دوليات', 'ثقافة', 'منوعات', 'سياسة'];
const SECTIONS_BY_SOURCE: Record<string, string[]> = {
  aleqtisadiya: ['اقتصاد', 'اقتصاد', 'أسواق', 'عقارات', 'دوليات'],
  arreyadi: ['رياضة'],
  arriyadiyah: ['رياضة'],
  was: ['محليات', 'دوليات', 'سياسة'],
};
export const OPINION_SECTION = 'رأي';

/** Columnists for opinion pieces whose source byline is not a plain name. */
const COLUMNISTS = [
  'أسعد أبو خليل',
  'محمد الساعد',
  'خالد السليمان',
  'عبدالرحمن الراشد',
  'سمر المقرن',
  'هيلة المشوح',
  'تركي الدخيل',
  'عبدالله بن بخيت',
  'حمود أبو طالب',
  'فهد عامر الأحمدي',
  'ناصر الصرامي',
  'مها الوابل',
];

export interface PoolArticle {
  idx: number;
  source: string;
  site: string;
  city: string;
  url: string;
  /** date_extracted as a UTC-encoded wall time (ms). */
  extractedMs: number;
  title: string;
  section: string;
  opinion: boolean;
  author: string | null;
  paragraphs: string[];
}

/** Invisible format characters removed, controls and every whitespace run (NBSP included) → one space, trimmed. */
export function cleanLine(text: string): string {
  return text
    .replace(/[\p{Cf}]/gu, '')
    .replace(/[\p{Cc}\s\u00a0\u2028\u2029]+/gu, ' ')
    .trim();
}

/** A coarse title key: folds more than any reasonable normaliser, so distinct keys stay distinct titles. */
export function coarseKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]/gu, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/ؤ/gu, 'و')
    .replace(/ئ/gu, 'ي')
    .replace(/[٠-٩]/gu, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/gu, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lines that a page parser could take for chrome (read count, footer, dates, error text, bylines). */
const CHROME_LIKE = [
  /عدد\s*القراءات/u,
  /all\s+rights\s+reserved/iu,
  /powered\s+by/iu,
  /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}/u,
  /^\S*\s*\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/u,
  /الصفحة\s*المطلوبة/u,
  /بقلم/u,
  /^الأرشيف$/u,
  /غير\s+(?:موجود|موجودة|متوفر|متوفرة|متاح|متاحة|صحيح|صحيحة)/u,
  /العثور\s+على/u,
  /404|not\s+found/iu,
  /^https?:\/\//iu,
];

function isChromeLike(line: string): boolean {
  return CHROME_LIKE.some((re) => re.test(line));
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function parseExtracted(value: string): number | null {
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isFinite(ms) ? ms : null;
}

/** The plain name in a source byline ("لندن: رنيم حنوش" → "رنيم حنوش"), or null when it is not one. */
function nameFromByline(author: string): string | null {
  let name = cleanLine(author);
  const colon = name.lastIndexOf(':');
  if (colon >= 0) name = name.slice(colon + 1);
  name = name.replace(/[-–—،,:.]+$/u, '').trim();
  if (!/^[\u0621-\u064a]+(?: [\u0621-\u064a]+){1,3}$/u.test(name)) return null;
  if (name.length < 6 || name.length > 30) return null;
  return name;
}

export function buildPool(articles: SourceArticle[], seed: number): PoolArticle[] {
  const pool: PoolArticle[] = [];
  const seen = new Set<string>();
  for (const src of articles) {
    const extractedMs = parseExtracted(src.date_extracted);
    if (extractedMs === null) continue;
    let title = cleanLine(src.title);
    if (title.length === 0 || title.length > 180 || isChromeLike(title) || !/[\u0621-\u064a]/u.test(title)) continue;
    const paragraphs = src.content
      .split('\n')
      .map(cleanLine)
      .filter((line) => line.length > 0 && !isChromeLike(line));
    if (paragraphs.length === 0) continue;

    const site = siteOf(src.source);
    const opinionPossible = src.source !== 'was' && src.source !== 'arreyadi' && src.source !== 'arriyadiyah';
    const opinion = opinionPossible && hashUnit(seed, 'opinion', src.url, src.title) < 0.12;
    if (opinion) title = title.replace(/[\s.…:،\-–—]+$/u, '');
    if (title.length === 0) continue;
    const key = coarseKey(title);
    if (key.length < 3 || seen.has(key)) continue;
    seen.add(key);

    let section: string;
    let author: string | null = null;
    if (opinion) {
      section = OPINION_SECTION;
      author = nameFromByline(src.author) ?? (COLUMNISTS[hash32(seed, 'columnist', src.url) % COLUMNISTS.length] as string);
    } else {
      const choices = SECTIONS_BY_SOURCE[src.source] ?? GENERAL_SECTIONS;
      section = choices[hash32(seed, 'section', src.url, src.title) % choices.length] as string;
    }
    pool.push({
      idx: pool.length,
      source: src.source,
      site: site.domain,
      city: site.city,
      url: src.url,
      extractedMs,
      title,
      section,
      opinion,
      author,
      paragraphs,
    });
  }
  return pool;
}
