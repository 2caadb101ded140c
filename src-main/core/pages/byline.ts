/**
 * Opinion pieces end their title with ".. بقلم: NAME" (by: NAME), or a bare "بقلم:". The same byline
 * appears on ticker headlines. Shared by the page parsers and the ticker linker.
 * Linear scans only: titles and headlines come from untrusted files.
 */
import { squeezeSpace, trimSpace } from './chars.js';

const BY = 'بقلم';

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\t' || ch === '\n';
}

/** Where a ".. بقلم:" byline starts (its separator included) and where the name after the colon starts. */
function findByline(text: string): { start: number; name: number } | null {
  for (let at = text.indexOf(BY); at >= 0; at = text.indexOf(BY, at + 1)) {
    // "بقلم" then optional spaces then a colon.
    let after = at + BY.length;
    while (after < text.length && isSpace(text.charAt(after))) after++;
    const colon = text.charAt(after);
    if (colon !== ':' && colon !== '：') continue;
    // Before it: spaces, and/or two or more dots or an ellipsis; at least one of them.
    let start = at;
    while (start > 0 && isSpace(text.charAt(start - 1))) start--;
    let dots = 0;
    let ellipsis = false;
    while (start > 0 && (text.charAt(start - 1) === '.' || text.charAt(start - 1) === '…')) {
      if (text.charAt(start - 1) === '…') ellipsis = true;
      else dots++;
      start--;
    }
    while (start > 0 && isSpace(text.charAt(start - 1))) start--;
    const separated = dots >= 2 || ellipsis || (at > 0 && isSpace(text.charAt(at - 1)));
    if (!separated) continue;
    if (trimSpace(text.slice(0, start)).length === 0) return null; // the whole title is a byline
    return { start, name: after + 1 };
  }
  return null;
}

export function splitByline(title: string): { title: string; author: string | null } {
  const byline = findByline(title);
  if (byline === null) return { title: trimSpace(title), author: null };
  const author = squeezeSpace(title.slice(byline.name));
  return { title: trimSpace(title.slice(0, byline.start)), author: author.length > 0 ? author : null };
}

/** A line that is only a byline ("بقلم: NAME", "كتب: NAME", "بقلم الكاتب NAME") → NAME; null when not. */
export function matchBylineLine(line: string): string | null {
  if (line.length > 80) return null;
  // "بقلم" may go without a colon; the others are also ordinary words ("كتب" = wrote), so need one.
  const m = /^(?:بقلم\s*[:：]?|(?:كتب|كتبت|الكاتب|الكاتبة|إعداد|اعداد)\s*[:：])\s*(\S.*)$/u.exec(trimSpace(line));
  if (!m) return null;
  const name = squeezeSpace(m[1] ?? '');
  const words = name.split(' ').length;
  return words >= 1 && words <= 6 && !/[.!؟?]$/u.test(name) ? name : null;
}
