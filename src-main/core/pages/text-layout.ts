/**
 * The alazmenah layout (docs/scraped-pages.md), on a page's non-empty trimmed lines:
 *
 *   CITY  DD / MM / YYYY                      header: the scrape day
 *   H1  H2  …  (joined by 2+ NBSP)            ticker (or one headline per line in some HTML saves)
 *   SECTION
 *   YYYY-MM-DD HH:MM:SS | الأرشيف             published time + breadcrumb
 *   TITLE [.. بقلم: NAME]
 *   paragraphs…                               every line up to the read count
 *   عدد القراءات : N
 *   DOMAIN - All rights reserved YYYY
 *   Powered by …
 *
 * Tolerant: empty lines never matter, any part may be missing (a truncated save keeps what it has), and a
 * chrome line that turns up in the body is dropped, never kept as a paragraph.
 */
import { matchBylineLine, splitByline } from './byline.js';
import { countWords } from './chars.js';
import { hasNbspRun, isCredit, matchFooter, matchHeader, matchPublished, matchReadCount, splitTicker } from './chrome.js';
import type { Draft } from './draft.js';

/** How far down the page the header and the published line may sit. */
const HEADER_WITHIN = 3;
const PUBLISHED_WITHIN = 80;

/** Short enough to be a section name rather than a title or a ticker. */
function isSectionLike(line: string, maxWords: number): boolean {
  return line.length <= 60 && !hasNbspRun(line) && countWords(line) <= maxWords;
}

function isChrome(line: string): boolean {
  return (
    matchHeader(line) !== null ||
    matchPublished(line) !== null ||
    matchReadCount(line) !== null ||
    matchFooter(line) !== null ||
    isCredit(line)
  );
}

function findFirst(lines: readonly string[], from: number, to: number, test: (line: string) => boolean): number {
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) if (test(lines[i] ?? '')) return i;
  return -1;
}

/** The page read as the alazmenah layout; null when the page does not carry its landmarks. */
export function parseAlazmenah(lines: readonly string[]): Draft | null {
  // The header names its city: a bare date line on top is not this layout's header.
  const headerAt = findFirst(lines, 0, HEADER_WITHIN, (l) => (matchHeader(l)?.city ?? '') !== '');
  const start = headerAt + 1;
  const pubAt = findFirst(lines, start, start + PUBLISHED_WITHIN, (l) => matchPublished(l) !== null);
  const published = pubAt >= 0 ? matchPublished(lines[pubAt] ?? '') : null;
  const readAt = findFirst(lines, Math.max(start, pubAt + 1), lines.length, (l) => matchReadCount(l) !== null);
  const byHeader = headerAt >= 0 && (pubAt >= 0 || readAt >= 0 || hasNbspRun(lines[start] ?? ''));
  const byPublished = published !== null && (published.breadcrumb || readAt >= 0);
  if (!byHeader && !byPublished) return null;

  // Chrome above the title: ticker line(s), then the section.
  const tickerLines: string[] = [];
  let section: string | null = null;
  let titleAt: number;
  if (pubAt >= 0) {
    const pre = lines.slice(start, pubAt);
    const last = pre[pre.length - 1];
    if (last !== undefined && isSectionLike(last, 8)) {
      section = last;
      pre.pop();
    }
    for (const line of pre) if (headerAt >= 0 || hasNbspRun(line)) tickerLines.push(line);
    titleAt = pubAt + 1;
  } else {
    let i = start;
    while (i < lines.length && hasNbspRun(lines[i] ?? '')) tickerLines.push(lines[i++] ?? '');
    const next = lines[i];
    if (next !== undefined && isSectionLike(next, 4) && !isChrome(next)) {
      section = next;
      i++;
    }
    titleAt = i;
  }
  const chrome = new Set([...tickerLines, ...(section === null ? [] : [section])]);
  // A repeated ticker line (several headlines) or section is not the title; a single headline that is
  // also in the ticker or a "most read" list is: a site lists its own headline there too.
  const aboveTitle = (line: string): boolean =>
    line === section || matchPublished(line) !== null || (chrome.has(line) && hasNbspRun(line));
  while (titleAt < lines.length && aboveTitle(lines[titleAt] ?? '')) titleAt++;
  const titleLine = lines[titleAt];
  const hasTitle = titleLine !== undefined && !isChrome(titleLine);

  // The body runs to the read count; in a save without one, to the footer or the CMS credit.
  const bodyFrom = hasTitle ? titleAt + 1 : titleAt;
  const footerAt = findFirst(lines, Math.max(bodyFrom, readAt), lines.length, (l) => matchFooter(l) !== null);
  const ends = readAt >= bodyFrom ? [readAt] : [footerAt, findFirst(lines, bodyFrom, lines.length, isCredit)].filter((i) => i >= 0);
  const bodyTo = ends.length > 0 ? Math.min(...ends) : lines.length;

  const { title, author: titleAuthor } = hasTitle ? splitByline(titleLine) : { title: null, author: null };
  let author = titleAuthor;
  const paragraphs: string[] = [];
  for (let i = bodyFrom; i < bodyTo; i++) {
    const line = lines[i] ?? '';
    if (chrome.has(line) || isChrome(line)) continue;
    if (paragraphs.length === 0 && (line === titleLine || line === title)) continue;
    if (paragraphs.length === 0 && author === null) {
      const byline = matchBylineLine(line);
      if (byline !== null) {
        author = byline;
        continue;
      }
    }
    paragraphs.push(line);
  }

  const footer = footerAt >= 0 ? matchFooter(lines[footerAt] ?? '') : null;
  return {
    site: footer !== null && footer !== '' ? footer : null,
    scrapedOn: headerAt >= 0 ? (matchHeader(lines[headerAt] ?? '')?.scrapedOn ?? null) : null,
    ticker: tickerLines.flatMap(splitTicker),
    section,
    publishedAt: published?.publishedAt ?? null,
    title: title !== null && title.length > 0 ? title : null,
    author,
    paragraphs,
    readCount: readAt >= 0 ? matchReadCount(lines[readAt] ?? '') : null,
    titleIndex: hasTitle ? titleAt : -1,
  };
}
