/**
 * Page text (+ HTML hints) → a parsed page or the reason it is not an article. Tries the alazmenah
 * layout first, then the generic one, and judges the result: error pages, no title, too little body.
 */
import type { PageFormat, RejectReason } from '../../common/types.js';
import { countCjk, countLetters } from './chars.js';
import { toLines, type Draft, type PageHints } from './draft.js';
import { findErrorLine, isErrorLine } from './errors.js';
import { parseGeneric } from './generic.js';
import { parseAlazmenah } from './text-layout.js';
import type { PageLayout, ParsedPage } from './types.js';

export type Verdict = { ok: true; page: ParsedPage } | { ok: false; reason: RejectReason; message: string };

/** A generic page needs one paragraph this long (letters) … */
export const MIN_PARAGRAPH_LETTERS = 40;
/** … and this many letters of body in all. */
export const MIN_BODY_LETTERS = 80;

function reject(reason: RejectReason, message: string): Verdict {
  return { ok: false, reason, message };
}

function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `"${short}"`;
}

function errorPage(line: string): Verdict {
  return reject('error-page', `error page: the page says ${quote(line)}`);
}

function withHints(draft: Draft, hints: PageHints): Draft {
  return { ...draft, site: draft.site ?? hints.site, publishedAt: draft.publishedAt ?? hints.publishedAt };
}

/** Article or not. `strict`: the generic layout also needs a real amount of body text. */
function judge(draft: Draft, lines: readonly string[], strict: boolean, format: PageFormat, layout: PageLayout): Verdict {
  const aboveTitle = draft.titleIndex >= 0 ? lines.slice(0, draft.titleIndex + 1) : [];
  const early = (draft.title !== null && isErrorLine(draft.title) ? draft.title : null) ?? findErrorLine(aboveTitle);
  if (early !== null) return errorPage(early);
  const problem = missing(draft, strict);
  if (problem !== null) {
    const anywhere = findErrorLine(lines);
    return anywhere !== null ? errorPage(anywhere) : reject('not-article', problem);
  }
  const page: ParsedPage = {
    format,
    layout,
    site: draft.site,
    scrapedOn: draft.scrapedOn,
    ticker: draft.ticker,
    section: draft.section,
    publishedAt: draft.publishedAt,
    title: draft.title ?? '',
    author: draft.author,
    paragraphs: draft.paragraphs,
    readCount: draft.readCount,
    url: null,
  };
  return { ok: true, page };
}

/** What keeps the draft from being an article, in words; null when nothing does. */
function missing(draft: Draft, strict: boolean): string | null {
  if (draft.title === null) {
    return draft.paragraphs.length > 0 ? 'not an article: no title found above the text' : 'not an article: no title and no body text found';
  }
  if (draft.paragraphs.length === 0) return `not an article: title ${quote(draft.title)} but no body paragraphs`;
  if (!strict) return null;
  let longest = 0;
  let total = 0;
  for (const paragraph of draft.paragraphs) {
    // A Chinese or Japanese character says about as much as a short word: it counts twice.
    const letters = countLetters(paragraph) + countCjk(paragraph);
    longest = Math.max(longest, letters);
    total += letters;
  }
  if (longest < MIN_PARAGRAPH_LETTERS || total < MIN_BODY_LETTERS) {
    return (
      `not an article: body too short under title ${quote(draft.title)} — longest paragraph ${longest} letters ` +
      `(needs ${MIN_PARAGRAPH_LETTERS}), ${total} letters in all (needs ${MIN_BODY_LETTERS})`
    );
  }
  return null;
}

/**
 * The page read as the alazmenah layout, when it carries that layout's landmarks: its verdict (an
 * article, or an error page). Null when the page is not of this layout or holds no article in it.
 */
export function recogniseAlazmenah(text: string, hints: PageHints, format: PageFormat): Verdict | null {
  const lines = toLines(text);
  if (lines.length === 0) return null;
  for (const hint of [hints.documentTitle, hints.h1]) if (hint !== null && isErrorLine(hint)) return errorPage(hint);
  const alazmenah = parseAlazmenah(lines);
  if (alazmenah === null) return null;
  const verdict = judge(withHints(alazmenah, hints), lines, false, format, format === 'html' ? 'alazmenah-html' : 'alazmenah-text');
  return verdict.ok || verdict.reason === 'error-page' ? verdict : null;
}

export function recognise(text: string, hints: PageHints, format: PageFormat): Verdict {
  const lines = toLines(text);
  if (lines.length === 0) return reject('empty', 'the page shows no text');
  for (const hint of [hints.documentTitle, hints.h1]) if (hint !== null && isErrorLine(hint)) return errorPage(hint);

  const alazmenah = parseAlazmenah(lines);
  let first: Verdict | null = null;
  if (alazmenah !== null) {
    first = judge(withHints(alazmenah, hints), lines, false, format, format === 'html' ? 'alazmenah-html' : 'alazmenah-text');
    if (first.ok || first.reason === 'error-page') return first;
  }
  const generic = judge(withHints(parseGeneric(lines, hints), hints), lines, true, format, format === 'html' ? 'generic-html' : 'generic-text');
  if (generic.ok || first === null) return generic;
  return generic.reason === 'error-page' ? generic : first;
}

/** Article or not, for a page found by the HTML extractor: an error page, no title, too little body. */
export function judgeExtracted(draft: Draft, pageLines: () => readonly string[]): Verdict {
  for (const line of [draft.title]) if (line !== null && isErrorLine(line)) return errorPage(line);
  const problem = missing(draft, true);
  if (problem !== null) {
    const lines = pageLines();
    if (lines.length === 0) return reject('empty', 'the page shows no text');
    const anywhere = findErrorLine(lines);
    return anywhere !== null ? errorPage(anywhere) : reject('not-article', problem);
  }
  return {
    ok: true,
    page: {
      format: 'html',
      layout: 'generic-html',
      site: draft.site,
      scrapedOn: draft.scrapedOn,
      ticker: draft.ticker,
      section: draft.section,
      publishedAt: draft.publishedAt,
      title: draft.title ?? '',
      author: draft.author,
      paragraphs: draft.paragraphs,
      readCount: draft.readCount,
      url: null,
    },
  };
}

export { errorPage, reject };
