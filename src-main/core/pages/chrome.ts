/**
 * Recognisers for one line of site chrome: the site header with the scrape day, the publication line
 * with its breadcrumb, the read count, the copyright footer, the CMS credit, the ticker, URL lines.
 * Each takes one trimmed line; every regex is anchored and bounded (no nested unbounded repeats).
 */
import { foldForMatch, toAsciiDigits, trimSpace } from './chars.js';
import { isoDay } from './dates.js';

/** Lines longer than this are prose, never chrome (also keeps every regex cheap). */
const MAX_CHROME = 300;
const CREDIT_FIRST = new Set(['P', 'p', 'D', 'd', 'ت', 'ب']);

function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9);
}

/** `CITY` + spaces/NBSPs + `DD / MM / YYYY` → the scrape day "YYYY-MM-DD"; null when not a header. */
export function matchHeader(line: string): { city: string; scrapedOn: string } | null {
  if (line.length > 80 || !isDigitCode(line.charCodeAt(line.length - 1))) return null;
  const m = /^([^\d]{0,40}?)[\s\u00a0]*(\d{1,2}) {0,3}\/ {0,3}(\d{1,2}) {0,3}\/ {0,3}(\d{4})$/u.exec(toAsciiDigits(line));
  if (!m) return null;
  const scrapedOn = isoDay(Number(m[4]), Number(m[3]), Number(m[2]));
  return scrapedOn === null ? null : { city: trimSpace(m[1] ?? ''), scrapedOn };
}

/**
 * `YYYY-MM-DD HH:MM:SS` (time optional) + optional `| breadcrumb` → "YYYY-MM-DDTHH:MM:SS".
 * `breadcrumb`: whether the line carried the "|" part (a strong sign of the alazmenah layout).
 */
export function matchPublished(line: string): { publishedAt: string; breadcrumb: boolean } | null {
  if (line.length > MAX_CHROME || !isDigitCode(line.charCodeAt(0))) return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T\u00a0]{1,3}(\d{1,2}):(\d{2})(?::(\d{2}))?)?[\s\u00a0]*(\|.*)?$/u.exec(
    toAsciiDigits(line),
  );
  if (!m) return null;
  const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4] ?? '0');
  const minute = Number(m[5] ?? '0');
  const second = Number(m[6] ?? '0');
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  const time = [hour, minute, second].map((v) => String(v).padStart(2, '0')).join(':');
  return { publishedAt: `${day}T${time}`, breadcrumb: m[7] !== undefined };
}

const READS_LABEL = '(?:عدد\\s*)?(?:القراءات|المشاهدات|قراءات|مشاهدات|الزيارات|زيارات|القراء|المشاهده|الزوار)';
const READS_AFTER = new RegExp(`^${READS_LABEL}\\s*[:：]?\\s*(\\d[\\d,٬.]{0,14})\\s*(?:قراءه|مشاهده|زياره|مره)?$`, 'u');
const READS_BEFORE = /^(\d[\d,٬.]{0,14})\s*(?:قراءه|قراءات|مشاهده|مشاهدات|زياره|زيارات)$/u;

/** `عدد القراءات : 981` (and المشاهدات, قراءات, "981 قراءة"; any digits) → 981; null when not a read count. */
export function matchReadCount(line: string): number | null {
  if (line.length > 60) return null;
  const folded = foldForMatch(line);
  const m = READS_AFTER.exec(folded) ?? READS_BEFORE.exec(folded);
  if (!m) return null;
  const value = Number((m[1] ?? '').replace(/[,٬.]/gu, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** Cheap test on the raw line before folding it. */
const RIGHTS_HINT = /©|right|ح[\u064b-\u0652]*ق|\(c\)/iu;
const RIGHTS = /all rights reserved|copyright|©|^\(c\)|جميع الحقوق|الحقوق محفوظه|حقوق النشر|حقوق الطبع/u;
const DOMAIN = /(?<![a-z0-9.@-])(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]{1,63}\.){1,5}[a-z]{2,24})(?![a-z0-9-])/gu;
/** "Top-level domains" that are really file extensions. */
const NOT_TLD = new Set(['php', 'html', 'htm', 'asp', 'aspx', 'jsp', 'cfm', 'txt', 'jpg', 'jpeg', 'png', 'gif', 'pdf', 'css', 'js', 'xml', 'shtml']);

/** The first domain named in the text, lower-cased, without "www."; null when none. */
export function findDomain(text: string): string | null {
  const lower = text.toLowerCase();
  DOMAIN.lastIndex = 0;
  for (let m = DOMAIN.exec(lower); m !== null; m = DOMAIN.exec(lower)) {
    const domain = m[1] ?? '';
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    const labels = domain.split('.');
    if (NOT_TLD.has(tld) || labels.some((l) => l.startsWith('-') || l.endsWith('-') || l === '')) continue;
    return domain;
  }
  return null;
}

/** A copyright footer (`alazmenah.com - All rights reserved 2018`, `© 2016 x.com`) → its domain, or '' if it names none. */
export function matchFooter(line: string): string | null {
  if (line.length > 150 || !RIGHTS_HINT.test(line)) return null;
  const folded = foldForMatch(line);
  if (!RIGHTS.test(folded)) return null;
  const domain = findDomain(folded);
  if (domain !== null) return domain;
  return folded.length <= 80 ? '' : null; // a longer line without a domain is prose about copyright
}

/** The CMS vendor credit (`Powered by …`, `تصميم وتطوير …`, `برمجة وتصميم …`). */
export function isCredit(line: string): boolean {
  if (line.length > 120 || !CREDIT_FIRST.has(line.charAt(0))) return false;
  return /^(?:powered by|designed by|developed by|(?:تصميم|برمجه|تطوير) ?و ?(?:تصميم|برمجه|تطوير|استضافه))(?![\p{L}])/u.test(foldForMatch(line));
}

/** A line that is only a URL → its domain. */
export function matchUrlLine(line: string): string | null {
  if (line.length > 2000 || !/^(?:https?:\/\/|www\.)\S+$/iu.test(line)) return null;
  return findDomain(line);
}

/** Whether the line holds a run of two or more NBSP (the ticker's separator). */
export function hasNbspRun(line: string): boolean {
  return /\u00a0[ \t]{0,4}\u00a0/u.test(line);
}

/** Ticker headlines: split on runs of 2+ NBSP, trimmed, empties dropped, page order kept. */
export function splitTicker(line: string): string[] {
  const out: string[] = [];
  for (const part of line.split(/\u00a0(?:[ \t]{0,4}\u00a0)+/u)) {
    const headline = trimSpace(part);
    if (headline.length > 0) out.push(headline);
  }
  return out;
}
