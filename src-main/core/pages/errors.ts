/**
 * Error pages that scrapers save instead of an article: "الصفحة المطلوبة غير موجودة", "404",
 * "Page not found"… Only short lines are judged, so an article that merely mentions a 404 is safe.
 */
import { foldForMatch } from './chars.js';

const ARABIC = [
  /الصفحه\s+(?:\S+\s+){0,5}?غير\s+(?:موجوده|متوفره|متاحه|صحيحه)/u,
  /لم\s+(?:يتم\s+)?(?:العثور|نعثر|يعثر)\s+علي\s+(?:الصفحه|المقال|الخبر|الرابط)/u,
  /(?:المقال|المقاله|الخبر|الرابط|المحتوي)\s+(?:المطلوب\s+|المطلوبه\s+)?غير\s+(?:موجود|موجوده|صحيح|متوفر|متاح)/u,
  /(?<![\p{L}])خطا\s*(?:رقم\s*)?[:!،,-]?\s*404(?!\d)/u,
];
const LATIN = /\bpage\s+not\s+found\b|\b404\b.{0,40}\bnot\s+found\b|\bnot\s+found\b.{0,40}\b404\b|\berror\s*404\b|\b404\s*error\b|^404\s*(?:$|[-–|:])/u;

/** Whether one line says the page is missing. */
export function isErrorLine(line: string): boolean {
  if (line.length > 120) return false;
  const folded = foldForMatch(line);
  if (folded.length === 0) return false;
  if (LATIN.test(folded)) return true;
  return ARABIC.some((re) => re.test(folded));
}

/** The first line among `lines` that says the page is missing, or null. */
export function findErrorLine(lines: readonly string[]): string | null {
  for (const line of lines) if (isErrorLine(line)) return line;
  return null;
}
