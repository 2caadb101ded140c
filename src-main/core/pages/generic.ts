/**
 * Pages of other layouts: the title is the `<h1>` (HTML), the line matching `<title>`, or else the first
 * substantial line; the published time is a date line near the title (in words, numeric or ISO); the
 * body is every following line that is not chrome, up to a footer or a "related articles" marker.
 * Site from a copyright line or a URL line, else from HTML hints; read count only when stated.
 */
import { matchBylineLine, splitByline } from './byline.js';
import { countLetters, countWords, foldForMatch, squeezeSpace } from './chars.js';
import { findDomain, isCredit, matchFooter, matchHeader, matchPublished, matchReadCount, matchUrlLine } from './chrome.js';
import { findDate, toDateTime } from './dates.js';
import type { Draft, PageHints } from './draft.js';

/** Lines after the title in which the published date is looked for. */
const DATE_AFTER_TITLE = 6;
/** Lines before the title in which it is looked for when none follows. */
const DATE_BEFORE_TITLE = 3;
/** How far down the page a title is looked for. */
const TITLE_WITHIN = 40;

const NAV_WORDS = new Set(['الرئيسيه', 'الصفحه الرئيسيه', 'اتصل بنا', 'من نحن', 'home', 'الارشيف', 'بحث', 'english', 'عربي']);
/** Where the article ends: "related", "read also", comments, tags… as a line of its own (the colon optional). */
const STOP_PHRASE =
  /^(?:مقالات ذات صله|اخبار ذات صله|مواضيع ذات صله|اخبار متعلقه|مقالات متعلقه|اقرا ايضا|اقرا المزيد|المزيد من \S+|الاكثر قراءه|الاكثر مشاهده|اخر الاخبار|شارك (?:هذا )?(?:المقال|الخبر)|اضف تعليق(?:ك)?)\s*[:：.…]?$/u;
const STOP_WORD = /^(?:شارك|التعليقات|تعليقات|الوسوم|كلمات مفتاحيه|تابعونا|related|comments|share|tags)\s*[:：.…]?$/u;

type Kind = 'text' | 'reads' | 'footer' | 'credit' | 'url' | 'date' | 'byline' | 'nav' | 'stop';

interface Classified {
  kind: Kind;
  readCount?: number;
  site?: string;
  publishedAt?: string;
  author?: string;
}

function isNavLike(line: string): boolean {
  if (line.length > 200) return false;
  const folded = foldForMatch(line);
  if (NAV_WORDS.has(folded)) return true;
  // Breadcrumbs and menus: short items between spaced separators. «quoted» words and "A - B - C" headlines are not.
  const parts = folded.split(/\s+[|»›>•·\-–]\s+|\s*[|•·]\s*/u).filter((p) => p.length > 0);
  return parts.length >= 3 && parts.every((p) => countWords(p) <= 2);
}

function classify(line: string): Classified {
  const reads = matchReadCount(line);
  if (reads !== null) return { kind: 'reads', readCount: reads };
  const footer = matchFooter(line);
  if (footer !== null) return footer === '' ? { kind: 'footer' } : { kind: 'footer', site: footer };
  if (isCredit(line)) return { kind: 'credit' };
  const url = matchUrlLine(line);
  if (url !== null) return { kind: 'url', site: url };
  if (line.length <= 160) {
    const published = matchPublished(line);
    if (published !== null) return { kind: 'date', publishedAt: published.publishedAt };
    const header = matchHeader(line);
    if (header !== null && countWords(header.city) <= 3) return { kind: 'date', publishedAt: `${header.scrapedOn}T00:00:00` };
    const found = findDate(line);
    if (found !== null && countWords(found.rest) <= 4) return { kind: 'date', publishedAt: toDateTime(found) };
  }
  const byline = matchBylineLine(line);
  if (byline !== null) return { kind: 'byline', author: byline };
  if (line.length <= 40) {
    const folded = foldForMatch(line);
    if (STOP_WORD.test(folded) || STOP_PHRASE.test(folded)) return { kind: 'stop' };
  }
  if (isNavLike(line)) return { kind: 'nav' };
  return { kind: 'text' };
}

function isTitleLike(line: string, kind: Kind): boolean {
  if (kind !== 'text' || line.length > 300) return false;
  const words = countWords(line);
  if (words < 2 || words > 30 || countLetters(line) < 8) return false;
  // A sentence (a word then a full stop), not a headline; "..", "!." and "?." end headlines too.
  if (/[\p{L}\p{N}]\.$/u.test(line) || /[،,:;]$/u.test(line)) return false;
  return findDomain(line) === null;
}

/** The index of the line that is the title, and its text (which an `<h1>` may give even when no line equals it). */
function chooseTitle(lines: readonly string[], kinds: readonly Classified[], hints: PageHints): { at: number; text: string | null } {
  const squeezed = (i: number): string => squeezeSpace(lines[i] ?? '');
  // A title split over lines (an <h1> with a <br>) is found by its first line.
  const indexOf = (text: string, prefix: boolean): number => {
    for (let i = 0; i < lines.length; i++) {
      const line = squeezed(i);
      if (line === text || (prefix && line.length >= 8 && text.startsWith(line))) return i;
    }
    return -1;
  };
  if (hints.h1 !== null) {
    const h1 = squeezeSpace(hints.h1);
    if (h1.length > 0) return { at: indexOf(h1, true), text: h1 };
  }
  if (hints.documentTitle !== null) {
    const whole = squeezeSpace(hints.documentTitle);
    const parts = [whole, ...whole.split(/\s+[-–|:«»]{1,2}\s+/u)].filter((p) => countWords(p) >= 2);
    for (const part of parts) {
      const at = indexOf(part, false);
      if (at >= 0) return { at, text: part };
    }
  }
  for (let i = 0; i < Math.min(lines.length, TITLE_WITHIN); i++) {
    if (isTitleLike(lines[i] ?? '', kinds[i]?.kind ?? 'text')) return { at: i, text: lines[i] ?? null };
  }
  return { at: -1, text: null };
}

function findPublished(kinds: readonly Classified[], titleAt: number, hints: PageHints): string | null {
  const from = Math.max(0, titleAt + 1);
  for (let i = from; i < Math.min(kinds.length, from + DATE_AFTER_TITLE); i++) {
    const at = kinds[i]?.publishedAt;
    if (at !== undefined) return at;
  }
  if (hints.publishedAt !== null) return hints.publishedAt;
  for (let i = titleAt - 1; i >= Math.max(0, titleAt - DATE_BEFORE_TITLE); i--) {
    const at = kinds[i]?.publishedAt;
    if (at !== undefined) return at;
  }
  return null;
}

function findSite(lines: readonly string[], kinds: readonly Classified[], hints: PageHints): string | null {
  for (let i = kinds.length - 1; i >= 0; i--) {
    const c = kinds[i];
    if (c?.kind === 'footer' && c.site !== undefined) return c.site;
  }
  if (hints.site !== null) return hints.site;
  const edges = [0, 1, 2, lines.length - 1, lines.length - 2, lines.length - 3];
  for (const i of edges) {
    const c = kinds[i];
    if (c?.kind === 'url' && c.site !== undefined) return c.site;
  }
  return null;
}

export function parseGeneric(lines: readonly string[], hints: PageHints): Draft {
  const kinds = lines.map(classify);
  const chosen = chooseTitle(lines, kinds, hints);
  const split = chosen.text === null ? null : splitByline(chosen.text);
  let author = split?.author ?? null;

  const paragraphs: string[] = [];
  let longSeen = false;
  for (let i = chosen.at + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const c = kinds[i] ?? { kind: 'text' };
    if (c.kind === 'footer' && paragraphs.length > 0) break;
    if (c.kind === 'stop' && longSeen) break;
    if (c.kind === 'byline' && author === null && paragraphs.length === 0) author = c.author ?? null;
    if (c.kind !== 'text') continue;
    if (paragraphs.length === 0 && (countWords(line) <= 2 || (chosen.text?.includes(squeezeSpace(line)) ?? false))) continue;
    paragraphs.push(line);
    if (countLetters(line) >= 40) longSeen = true;
  }
  // Trailing odds and ends (share buttons, tags, "print") after the last real paragraph.
  for (let last = paragraphs[paragraphs.length - 1]; last !== undefined; last = paragraphs[paragraphs.length - 1]) {
    if (paragraphs.length === 1 || (countWords(last) >= 4 && countLetters(last) >= 15)) break;
    paragraphs.pop();
  }

  const readAt = kinds.findIndex((c) => c.kind === 'reads');
  const title = split === null || split.title.length === 0 ? null : split.title;
  return {
    site: findSite(lines, kinds, hints),
    scrapedOn: null,
    ticker: [],
    section: null,
    publishedAt: findPublished(kinds, chosen.at, hints),
    title,
    author,
    paragraphs,
    readCount: readAt >= 0 ? (kinds[readAt]?.readCount ?? null) : null,
    titleIndex: title === null ? -1 : Math.max(chosen.at, 0),
  };
}
