/**
 * The article of a page its scripts render: the saved HTML shows no article text, and the article sits
 * in the data the page's scripts would render it from — Next.js, Nuxt, React Query and similar
 * hydration state — as a string of HTML paragraphs inside an inline script. Read only when the page
 * itself yields no paragraph, so a page that shows its text is never second-guessed.
 */

/** Every double-quoted string literal, short ones too, so the scan stays aligned on quotes. */
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"/gu;
const PARAGRAPH = /<p[\s>]/iu;
const ESCAPED_PARAGRAPH = /\\u003cp[\s>\\]/iu;
const TAG = /<[^>]*>/gu;
/** Scripts larger than this are bundles, not page data. */
const MAX_SCRIPT_CHARS = 8 << 20;
/** A string with less visible text than this is a caption or a teaser, not an article. */
const MIN_TEXT_CHARS = 200;

/** Page data serialised into a string of its own (a streamed payload: JSON text, or "1:{…}" rows). */
const DATA_TEXT = /^\s*(?:[[{]|\w+:[[{"])/u;
/** Page data inside page data goes this deep, no deeper. */
const MAX_DEPTH = 2;
const SCRIPT_OPEN = /<script\b/giu;
const SCRIPT_CLOSE = /<\/script/giu;

/** A JSON string literal's value, or null when it is not one. */
function decodeLiteral(literal: string): string | null {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Strings of HTML paragraphs among the string literals of `code`, and inside the data strings it holds. */
function collectHtml(code: string, depth: number, found: string[]): void {
  for (const literal of code.matchAll(STRING_LITERAL)) {
    if (literal[0].length < MIN_TEXT_CHARS) continue;
    const value = decodeLiteral(literal[0]);
    if (value === null) continue;
    if (DATA_TEXT.test(value)) {
      if (depth < MAX_DEPTH) collectHtml(value, depth + 1, found);
    } else if (PARAGRAPH.test(value)) found.push(value);
  }
}

/** The inline scripts of a page: attributes and code. One pass: a script left open ends the scan. */
function* inlineScripts(html: string): Generator<{ attributes: string; code: string }> {
  SCRIPT_OPEN.lastIndex = 0;
  for (;;) {
    const open = SCRIPT_OPEN.exec(html);
    if (open === null) return;
    const tagEnd = html.indexOf('>', open.index);
    if (tagEnd < 0) return;
    SCRIPT_CLOSE.lastIndex = tagEnd;
    const close = SCRIPT_CLOSE.exec(html);
    if (close === null) return;
    yield { attributes: html.slice(open.index + 7, tagEnd), code: html.slice(tagEnd + 1, close.index) };
    SCRIPT_OPEN.lastIndex = close.index + 8;
  }
}

/** The longest string of HTML paragraphs in the page's inline scripts, or null when there is none. */
export function hydratedArticleHtml(html: string): string | null {
  let best: string | null = null;
  let bestText = 0;
  for (const { attributes, code } of inlineScripts(html)) {
    if (/\bsrc\s*=/iu.test(attributes) || /ld\+json/iu.test(attributes) || code.length > MAX_SCRIPT_CHARS) continue;
    if (!PARAGRAPH.test(code) && !ESCAPED_PARAGRAPH.test(code)) continue;
    const found: string[] = [];
    collectHtml(code, 0, found);
    for (const value of found) {
      const text = value.replace(TAG, '').trim().length;
      if (text > bestText) {
        best = value;
        bestText = text;
      }
    }
  }
  return bestText >= MIN_TEXT_CHARS ? best : null;
}
