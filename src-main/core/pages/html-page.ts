/**
 * An HTML page → its article. A save of the alazmenah layout (its header, publication line or read
 * count show in the page's text) is read by that layout's exact recogniser; any other page by the
 * extractor (extract/article.ts), judged the same way: error pages, no title, too little body.
 */
import { splitByline } from './byline.js';
import { countLetters } from './chars.js';
import { toLines } from './draft.js';
import { isErrorLine } from './errors.js';
import { extractHtmlArticle } from './extract/article.js';
import { renderHtml } from './html.js';
import { errorPage, judgeExtracted, recogniseAlazmenah, type Verdict } from './recognise.js';

/**
 * The alazmenah layout's landmarks as they appear in the raw HTML: the header's "DD / MM / YYYY", the
 * publication line's "YYYY-MM-DD HH:MM", a read count. Pages without any of them skip that recogniser.
 */
const ALAZMENAH_LANDMARK =
  /[0-9٠-٩]{1,2} ?\/ ?[0-9٠-٩]{1,2} ?\/ ?[0-9٠-٩]{4}|[0-9٠-٩]{4}-[0-9٠-٩]{1,2}-[0-9٠-٩]{1,2}(?: |&nbsp;)+[0-9٠-٩]{1,2}:[0-9٠-٩]{2}|القراءات|المشاهدات/u;

export interface HtmlPageContext {
  url?: string;
}

export function readHtmlPage(html: string, context: HtmlPageContext = {}): Verdict {
  if (ALAZMENAH_LANDMARK.test(html)) {
    const rendered = renderHtml(html);
    const verdict = recogniseAlazmenah(rendered.text, rendered.hints, 'html');
    if (verdict !== null) return verdict;
  }
  const article = extractHtmlArticle(html, context.url === undefined ? {} : { url: context.url });
  for (const hint of [article.documentTitle, article.h1]) if (hint !== null && isErrorLine(hint)) return errorPage(hint);
  const { title, author: titleAuthor } = article.title === null ? { title: null, author: null } : splitByline(article.title);
  return judgeExtracted(
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
}
