/**
 * An HTML page → its article. A save of the alazmenah layout (its header, publication line or read
 * count show in the page's text) is read by that layout's exact recogniser; any other page by the
 * extractor (extract/article.ts), judged the same way: error pages, no title, too little body.
 */
import { splitByline } from './byline.js';
import { countLetters, isArabicLetterCode, toAsciiDigits } from './chars.js';
import { toLines } from './draft.js';
import { isErrorLine } from './errors.js';
import { extractHtmlArticle } from './extract/article.js';
import { renderHtml } from './html.js';
import { articleUrl } from './urls.js';
import { errorPage, judgeExtracted, recogniseAlazmenah, type Verdict } from './recognise.js';

/**
 * The alazmenah layout's landmarks as they appear in the raw HTML: a read count, the header's
 * "DD / MM / YYYY", the publication line's "YYYY-MM-DD HH:MM" (digits of either script). Pages without
 * any of them skip that recogniser. Simple patterns, each one fast scan of the page.
 */
const HEADER_DATE = /\d{1,2} ?\/ ?\d{1,2} ?\/ ?\d{4}/u;
const PUBLISHED_LINE = /\d{4}-\d{1,2}-\d{1,2}(?: |&nbsp;)+\d{1,2}:\d{2}/u;
const INDIC_DIGITS = /[٠-٩]/u;

/** Arabic letters an Arabic article page has at the least (a language menu's "العربية" has a handful). */
const MIN_ARABIC_LETTERS = 100;

function hasArabicText(html: string): boolean {
  let count = 0;
  for (let i = 0; i < html.length; i++) if (isArabicLetterCode(html.charCodeAt(i)) && ++count >= MIN_ARABIC_LETTERS) return true;
  return false;
}

function hasAlazmenahLandmark(html: string): boolean {
  // An Arabic layout: pages in other languages that only name "العربية" in a language menu skip the recogniser.
  if (!html.includes('ا') || !hasArabicText(html)) return false;
  if (html.includes('القراءات') || html.includes('المشاهدات')) return true;
  if (HEADER_DATE.test(html) || PUBLISHED_LINE.test(html)) return true;
  if (!INDIC_DIGITS.test(html)) return false;
  const ascii = toAsciiDigits(html);
  return HEADER_DATE.test(ascii) || PUBLISHED_LINE.test(ascii);
}

export interface HtmlPageContext {
  url?: string;
}

export function readHtmlPage(html: string, context: HtmlPageContext = {}): Verdict {
  if (hasAlazmenahLandmark(html)) {
    const rendered = renderHtml(html);
    const verdict = recogniseAlazmenah(rendered.text, rendered.hints, 'html');
    if (verdict?.ok === true) return { ok: true, page: { ...verdict.page, url: articleUrl(rendered.hints.url) } };
    if (verdict !== null) return verdict;
  }
  const article = extractHtmlArticle(html, context.url === undefined ? {} : { url: context.url });
  for (const hint of [article.documentTitle, article.h1]) if (hint !== null && isErrorLine(hint)) return errorPage(hint);
  const { title, author: titleAuthor } = article.title === null ? { title: null, author: null } : splitByline(article.title);
  const verdict = judgeExtracted(
    {
      site: article.site,
      scrapedOn: null,
      ticker: [],
      section: article.section,
      publishedAt: article.publishedAt,
      title: title !== null && countLetters(title) > 0 ? title : null,
      author: article.author ?? titleAuthor,
      paragraphs: article.paragraphs,
      readCount: null,
      titleIndex: 0,
    },
    () => toLines(renderHtml(html).text),
  );
  return verdict.ok ? { ok: true, page: { ...verdict.page, url: article.url } } : verdict;
}
