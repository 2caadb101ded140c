/**
 * An HTML save → the text a browser's innerText would show (one line per block, `<br>` as a line break,
 * inline runs joined, whitespace collapsed, entities decoded, `&nbsp;` kept as U+00A0) plus hints from
 * the markup (`<title>`, first `<h1>`, og:site_name / canonical URL, published-time meta). Parsed with
 * htmlparser2's streaming parser: no DOM, no recursion, nothing executed, no attribute carried over.
 * Dropped with their content: scripts, styles, embedded objects, navigation, head, buttons, form
 * controls, hidden elements, asides; a `<form>` only when it holds no article text (ASP.NET pages wrap
 * the whole page in one).
 */
import { Parser } from 'htmlparser2';
import { countLetters, squeezeSpace } from './chars.js';
import { findDomain } from './chrome.js';
import type { PageHints } from './draft.js';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio',
  'video', 'map', 'nav', 'head', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'aside',
  'frameset', 'frame', 'noframes', 'dialog',
]);
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'main', 'marquee', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);
/** A `<form>` whose text has a line this long is content, not a search box or comment form. */
const FORM_CONTENT_LETTERS = 80;
/**
 * Deepest element nesting rendered. htmlparser2 keeps its open-element stack with unshift/shift, so
 * hostile nesting (a megabyte of "<div>") would cost quadratic time: rendering stops at this depth.
 */
const MAX_DEPTH = 2000;
const TOO_DEEP = new Error('HTML nested too deeply');
/** Whitespace that collapses: any tab or line break, or two spaces in a row (NBSP is kept). */
const SPACE_RUN = /[\t\n\r\f]| {2}/u;
const SPACE_RUNS = /[ \t\n\r\f]+/gu;

interface Frame {
  name: string;
  skip: boolean;
  block: boolean;
  /** For `<form>`: how many lines were out when it opened. */
  mark: number;
  /** An `<h1>` whose text is being collected. */
  h1: boolean;
}

export interface RenderedHtml {
  text: string;
  hints: PageHints;
  /** Rendering stopped at MAX_DEPTH: the text is the part before that point. */
  truncated: boolean;
}

function isHidden(attribs: Record<string, string>): boolean {
  if (attribs.hidden !== undefined) return true;
  const style = attribs.style;
  return style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu.test(style);
}

/** "2016-12-16T15:24:14+03:00" → "2016-12-16T15:24:14" (the page's wall time, zone dropped). */
function metaDateTime(value: string): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?/u.exec(value);
  if (!m) return null;
  return `${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
}

export function renderHtml(html: string): RenderedHtml {
  const lines: string[] = [];
  let cur = '';
  let pendingSpace = false;
  let skipDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let titleText = '';
  let h1Depth = 0;
  let h1Text = '';
  let h1: string | null = null;
  let siteName: string | null = null;
  let canonical: string | null = null;
  let url: string | null = null;
  let ogUrl: string | null = null;
  let savedFrom: string | null = null;
  let publishedAt: string | null = null;
  const stack: Frame[] = [];

  const breakLine = (): void => {
    if (cur.length > 0) lines.push(cur);
    cur = '';
    pendingSpace = false;
  };
  const append = (raw: string): void => {
    if (preDepth > 0) {
      const parts = raw.split(/\r\n?|\n/u);
      parts.forEach((part, i) => {
        if (i > 0) breakLine();
        cur += part;
      });
      return;
    }
    let text = SPACE_RUN.test(raw) ? raw.replace(SPACE_RUNS, ' ') : raw;
    if (text.length === 0) return;
    if (text === ' ') {
      pendingSpace = true;
      return;
    }
    const lead = text.startsWith(' ');
    const trail = text.endsWith(' ');
    text = text.slice(lead ? 1 : 0, trail ? -1 : undefined);
    if ((pendingSpace || lead) && cur.length > 0) cur += ' ';
    cur += text;
    pendingSpace = trail;
  };
  const close = (frame: Frame): void => {
    if (frame.skip) skipDepth--;
    if (frame.name === 'pre') preDepth--;
    if (frame.name === 'title') inTitle = false;
    if (frame.h1 && --h1Depth === 0 && h1 === null) {
      const text = squeezeSpace(h1Text);
      if (text.length > 0) h1 = text;
      h1Text = '';
    }
    if (frame.block) breakLine();
    if (frame.name === 'form' && !frame.skip && skipDepth === 0) {
      const kept = lines.slice(frame.mark).some((line) => countLetters(line) >= FORM_CONTENT_LETTERS);
      if (!kept) lines.length = Math.min(lines.length, frame.mark);
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length >= MAX_DEPTH) throw TOO_DEEP;
        const lower = name.toLowerCase();
        if (lower === 'meta') {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
          const content = attribs.content ?? '';
          if (key === 'og:site_name' && siteName === null) siteName = findDomain(content);
          else if (key === 'og:url' && ogUrl === null) {
            ogUrl = content;
            if (canonical === null) canonical = findDomain(content);
          }
          else if (
            publishedAt === null &&
            (key === 'article:published_time' || key === 'datepublished' || key === 'pubdate' || key === 'date')
          ) {
            publishedAt = metaDateTime(content);
          }
        } else if (lower === 'link' && (attribs.rel ?? '').toLowerCase().split(/\s+/u).includes('canonical')) {
          canonical = findDomain(attribs.href ?? '') ?? canonical;
          if (url === null && attribs.href !== undefined) url = attribs.href;
        }
        const skip = SKIP.has(lower) || (skipDepth === 0 && isHidden(attribs));
        const block = BLOCK.has(lower);
        if ((block || lower === 'br') && skipDepth === 0) breakLine();
        const frame: Frame = { name: lower, skip, block, mark: lines.length, h1: lower === 'h1' && skipDepth === 0 && !skip };
        if (skip) skipDepth++;
        if (lower === 'pre') preDepth++;
        if (lower === 'title' && titleText === '' && !stack.some((f) => f.name === 'svg' || f.name === 'math')) inTitle = true;
        if (frame.h1) h1Depth++;
        stack.push(frame);
      },
      onclosetag(name) {
        const lower = name.toLowerCase();
        let at = stack.length - 1;
        while (at >= 0 && stack[at]?.name !== lower) at--;
        if (at < 0) return;
        while (stack.length > at) {
          const frame = stack.pop();
          if (frame !== undefined) close(frame);
        }
      },
      oncomment(comment) {
        if (savedFrom === null) savedFrom = /^\s*saved from url=\(\d+\)(\S+)/iu.exec(comment)?.[1] ?? null;
      },
      ontext(text) {
        if (inTitle) {
          titleText += text;
          return;
        }
        if (skipDepth > 0) return;
        if (h1Depth > 0) h1Text += text;
        append(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  let truncated = false;
  try {
    parser.write(html);
    parser.end();
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
    truncated = true;
  }
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame !== undefined) close(frame);
  }
  breakLine();

  const documentTitle = squeezeSpace(titleText);
  return {
    text: lines.join('\n'),
    hints: {
      documentTitle: documentTitle.length > 0 ? documentTitle : null,
      h1,
      site: siteName ?? canonical,
      publishedAt,
      url: url ?? ogUrl ?? savedFrom,
    },
    truncated,
  };
}
