/**
 * Source articles → a clean pool of distinct articles ready to render: whitespace and invisible
 * characters cleaned (so "trimmed paragraphs" is unambiguous), chrome-like lines dropped, titles made
 * globally distinct under a coarse normalisation (so identity and ticker links are unambiguous), and
 * each article given a site, city, section and, for opinion pieces, an author.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { loadFixtureArticles, loadSharedArticles, sharedCorpusDir, type SourceArticle, type SourceKind } from './source.js';
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
/** Every section name: a body line equal to one reads as chrome. */
const SECTION_NAMES = new Set([...GENERAL_SECTIONS, ...Object.values(SECTIONS_BY_SOURCE).flat(), OPINION_SECTION]);

/** A byline line: "كتب – NAME", "إعداد وترجمة - NAME", "الرياض: NAME" (short, with a dash or colon). */
export function isBylineLike(line: string): boolean {
  if (line.length > 80) return false;
  if (/^(?:بقلم|كتب|كتبت|الكاتب|الكاتبة|إعداد|اعداد|ترجمة|تقرير|حوار|متابعة|تصوير)(?![\u0621-\u064a])/u.test(line)) return true;
  return line.split(' ').length <= 6 && /[-–—:]/u.test(line);
}

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

/** Format characters (Unicode Cf, BMP): zero-width and bidi marks, soft hyphen, BOM… */
const FORMAT_CHARS = /[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
/** Controls and whitespace (JS \s covers NBSP, U+2028/2029 and the other Unicode spaces). */
const SPACE_RUN = /[\s\u0000-\u001f\u007f-\u009f]+/g;

/** Invisible format characters removed, controls and every whitespace run (NBSP included) → one space, trimmed. */
export function cleanLine(text: string): string {
  return text.replace(FORMAT_CHARS, '').replace(SPACE_RUN, ' ').trim();
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

/** Lines that a page parser could take for chrome (read count, footer, dates, error text, bylines, credits). */
const CHROME_LIKE = new RegExp(
  [
    'عدد\\s*القراءات',
    'all\\s+rights\\s+reserved',
    'powered\\s+by',
    '^\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}:\\d{2}',
    '^\\S*\\s*\\d{1,2}\\s*/\\s*\\d{1,2}\\s*/\\s*\\d{4}',
    'الصفحة\\s*المطلوبة',
    'بقلم',
    '^الأرشيف$',
    'غير\\s+(?:موجود|متوفر|متاح|صحيح)',
    'العثور\\s+على',
    '404|not\\s+found',
    '^https?://',
    '^(?:عدد\\s*)?(?:القراءات|المشاهدات|قراءات|مشاهدات|الزيارات|زيارات|القراء|الزوار)',
    '^\\d[\\d,.٬]*\\s*(?:قراءة|قراءات|مشاهدة|مشاهدات|زيارة|زيارات)',
    'جميع الحقوق|الحقوق محفوظة|حقوق النشر|حقوق الطبع|copyright|©|\\(c\\)',
    '^(?:تصميم|تطوير|برمجة|designed|developed)',
  ].join('|'),
  'i',
);

function isChromeLike(line: string): boolean {
  return CHROME_LIKE.test(line);
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

/** A source article with its text cleaned; independent of the seed, so it can be cached. */
export interface CleanArticle {
  source: string;
  url: string;
  extractedMs: number;
  title: string;
  author: string;
  paragraphs: string[];
}

/** Bumped when cleanArticles() changes, to invalidate the cache. */
const CLEAN_VERSION = 1;

export function cleanArticles(articles: SourceArticle[]): CleanArticle[] {
  const out: CleanArticle[] = [];
  for (const src of articles) {
    const extractedMs = parseExtracted(src.date_extracted);
    if (extractedMs === null) continue;
    const title = cleanLine(src.title);
    if (title.length === 0 || title.length > 180 || isChromeLike(title) || !/[\u0621-\u064a]/u.test(title)) continue;
    const paragraphs = src.content
      .split('\n')
      .map(cleanLine)
      .filter((line) => line.length > 0 && !isChromeLike(line));
    if (paragraphs.length === 0) continue;
    out.push({ source: src.source, url: src.url, extractedMs, title, author: cleanLine(src.author), paragraphs });
  }
  return out;
}

/**
 * The cleaned source articles. For `shared`, cached in the OS temp folder (keyed by the zips' names,
 * sizes and times): cleaning 31k articles takes seconds, reading the cache a fraction of that.
 */
export async function loadCleanArticles(kind: SourceKind): Promise<CleanArticle[]> {
  if (kind === 'fixtures') return cleanArticles(loadFixtureArticles());
  const stamp = fs
    .readdirSync(sharedCorpusDir)
    .filter((name) => name.endsWith('.zip'))
    .sort()
    .map((name) => {
      const st = fs.statSync(path.join(sharedCorpusDir, name));
      return `${name}:${st.size}:${Math.floor(st.mtimeMs)}`;
    })
    .join(',');
  const cacheDir = path.join(os.tmpdir(), 'arshif-test-cache');
  const cacheFile = path.join(cacheDir, `saudinewsnet-clean-v${CLEAN_VERSION}-${hash32(stamp).toString(16)}.v8`);
  try {
    const cached = v8.deserialize(fs.readFileSync(cacheFile)) as { stamp: string; articles: CleanArticle[] };
    if (cached.stamp === stamp && Array.isArray(cached.articles)) return cached.articles;
  } catch {
    // no cache yet
  }
  const clean = cleanArticles(await loadSharedArticles());
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, v8.serialize({ stamp, articles: clean }));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // a cache is an optimisation only
  }
  return clean;
}

export function buildPool(articles: CleanArticle[], seed: number): PoolArticle[] {
  const pool: PoolArticle[] = [];
  const seen = new Set<string>();
  for (const src of articles) {
    let title = src.title;
    const paragraphs = src.paragraphs;
    const extractedMs = src.extractedMs;
    const site = siteOf(src.source);
    const opinionPossible = src.source !== 'was' && src.source !== 'arreyadi' && src.source !== 'arriyadiyah';
    const opinion = opinionPossible && hashUnit(seed, 'opinion', src.url, src.title) < 0.12;
    if (opinion) title = title.replace(/[\s.…:،\-–—]+$/u, '');
    if (title.length === 0) continue;
    const key = coarseKey(title);
    // A body that opens by repeating the title: parsers drop the repeat, so the page never holds it.
    const repeatsTitle = (p: string) => p.length <= title.length * 1.3 + 4 && p.length >= title.length * 0.7 - 4 && coarseKey(p) === key;
    const body = paragraphs.filter((p) => !repeatsTitle(p) && !SECTION_NAMES.has(p));
    // A body that opens with a byline line ("كتب – NAME"): parsers may take it for the author.
    while (body.length > 0 && isBylineLike(body[0] as string)) body.shift();
    if (body.length === 0) continue;
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
      paragraphs: body,
    });
  }
  return pool;
}
