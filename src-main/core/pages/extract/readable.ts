/**
 * Finds the article's content element the way Firefox Reader View does: a port of the content scoring
 * of Mozilla Readability (Readability.js 0.6, Apache-2.0, see resources/licenses/THIRD_PARTY_NOTICES.txt;
 * its `_grabArticle` and `_prepArticle`) to our own tree. Paragraph-like elements earn points for their length and commas and pass them up to
 * their ancestors; class names and link density weigh in; the best ancestor and its related siblings
 * are the article; then lists, tables, forms and boxes that look like chrome are cleaned out. When the
 * result is too short the search is rerun with fewer rules, as Readability does.
 *
 * Differences from Readability, all for speed or our tree: no styles, lazy images, URLs or classes are
 * rewritten (they never change the text); scripts, SVG and form widgets were dropped while parsing.
 */
import { HtmlNode, nextElement } from './dom.js';

export const FLAG_STRIP_UNLIKELYS = 1;
export const FLAG_WEIGHT_CLASSES = 2;
export const FLAG_CLEAN_CONDITIONALLY = 4;
/** Ours: also removes hidden elements (off only in the last resort, for pages whose content sits in `<div hidden>`). */
export const FLAG_STRIP_HIDDEN = 8;

const N_TOP_CANDIDATES = 5;
export const CHAR_THRESHOLD = 500;

const RE = {
  unlikelyCandidates:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i,
  okMaybeItsACandidate: /and|article|body|column|content|main|shadow/i,
  positive: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i,
  byline: /byline|author|dateline|writtenby|p-author/i,
  normalize: /\s{2,}/g,
  videos:
    /\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i,
  shareElements: /(\b|_)(share|sharedaddy)(\b|_)/i,
  // Readability splits on \W, which in JavaScript drops every non-Latin letter: words of any script here.
  tokenize: /[^\p{L}\p{N}]+/gu,
  hasContent: /\S$/,
  hashUrl: /^#.+/,
  commas: /\u002C|\u060C|\uFE50|\uFE10|\uFE11|\u2E41|\u2E34|\u2E32|\uFF0C/g,
  adWords: /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$/iu,
  loadingWords: /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu,
};

const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const DIV_TO_P_ELEMS = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const ALTER_TO_DIV_EXCEPTIONS = new Set(['div', 'article', 'section', 'p', 'ol', 'ul']);
const TAGS_TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const PHRASING_ELEMS = new Set([
  'abbr', 'audio', 'b', 'bdo', 'br', 'button', 'cite', 'code', 'data', 'datalist', 'dfn', 'em', 'embed', 'i', 'img',
  'input', 'kbd', 'label', 'mark', 'math', 'meter', 'noscript', 'object', 'output', 'progress', 'q', 'ruby', 'samp',
  'script', 'select', 'small', 'span', 'strong', 'sub', 'sup', 'textarea', 'time', 'var', 'wbr',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P_ELEMS]);
const EMBEDS = new Set(['object', 'embed', 'iframe']);
const EMPTY_CHECK = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface ReadableOptions {
  /** The article's title as the metadata states it: an `<h1>`/`<h2>` repeating it is not body. */
  title: string;
  /** Whether the metadata already names the author (then no byline element is taken out). */
  hasByline: boolean;
}

export interface ReadableResult {
  content: HtmlNode;
  /** The text of the byline element taken out of the body, if any. */
  byline: string | null;
  textLength: number;
}

function innerText(node: HtmlNode, normalize = true): string {
  return normalize ? node.innerText() : node.textContent().trim();
}

function matchString(node: HtmlNode): string {
  return `${node.className} ${node.id}`;
}

function hasAncestorTag(node: HtmlNode, tag: string, maxDepth = 3, filter?: (n: HtmlNode) => boolean): boolean {
  let depth = 0;
  let current = node;
  while (current.parent !== null) {
    if (maxDepth > 0 && depth > maxDepth) return false;
    if (current.parent.tag === tag && (filter === undefined || filter(current.parent))) return true;
    current = current.parent;
    depth++;
  }
  return false;
}

function isProbablyVisible(node: HtmlNode): boolean {
  const style = node.attrs.style;
  if (style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(style)) return false;
  if (node.attrs.hidden !== undefined && !isStreamedSegment(node)) return false;
  return node.attrs['aria-hidden'] !== 'true' || node.className.includes('fallback-image');
}

/**
 * React's streamed server rendering sends parts of the page in `<div hidden id="S:0">` and moves them in
 * place with a script: in a saved page they hold the article, so they count as visible.
 */
export function isStreamedSegment(node: HtmlNode): boolean {
  return /^S:\d+$/u.test(node.id);
}

function isWhitespace(node: HtmlNode): boolean {
  return (node.isText && node.text.trim().length === 0) || node.tag === 'br';
}

function isPhrasingContent(node: HtmlNode): boolean {
  return (
    node.isText ||
    PHRASING_ELEMS.has(node.tag) ||
    ((node.tag === 'a' || node.tag === 'del' || node.tag === 'ins') && node.children.every(isPhrasingContent))
  );
}

function hasSingleTagInside(node: HtmlNode, tag: string): boolean {
  const elements = node.elements;
  if (elements.length !== 1 || elements[0]?.tag !== tag) return false;
  return !node.children.some((c) => c.isText && RE.hasContent.test(c.text));
}

function isElementWithoutContent(node: HtmlNode): boolean {
  if (node.textContent().trim().length > 0) return false;
  const elements = node.elements;
  if (elements.length === 0) return true;
  return elements.length === node.descendants('br').length + node.descendants('hr').length;
}

function hasChildBlockElement(node: HtmlNode): boolean {
  return node.children.some((c) => !c.isText && (DIV_TO_P_ELEMS.has(c.tag) || hasChildBlockElement(c)));
}

function linkDensity(node: HtmlNode): number {
  const length = innerText(node).length;
  if (length === 0) return 0;
  let links = 0;
  for (const a of node.descendants('a')) {
    const coefficient = RE.hashUrl.test(a.attr('href')) ? 0.3 : 1;
    links += innerText(a).length * coefficient;
  }
  return links / length;
}

function textDensity(node: HtmlNode, tags: ReadonlySet<string>): number {
  const length = innerText(node).length;
  if (length === 0) return 0;
  let inner = 0;
  for (const child of node.descendants(tags)) inner += innerText(child).length;
  return inner / length;
}

/** Readability's similarity: 1 − the share of B's text made of words that are not in A. */
export function textSimilarity(a: string, b: string): number {
  const tokensA = a.toLowerCase().split(RE.tokenize).filter(Boolean);
  const tokensB = b.toLowerCase().split(RE.tokenize).filter(Boolean);
  if (tokensA.length === 0 || tokensB.length === 0) return 0;
  const setA = new Set(tokensA);
  const uniqueB = tokensB.filter((t) => !setA.has(t));
  return 1 - uniqueB.join(' ').length / tokensB.join(' ').length;
}

/**
 * Replaces runs of two or more `<br>` with a `<p>` holding the phrasing content that follows, up to the
 * next run (Readability's `_replaceBrs`), one pass per parent so long pages stay linear.
 */
function replaceBrs(body: HtmlNode): void {
  const parents = new Set<HtmlNode>();
  for (const br of body.descendants('br')) if (br.parent !== null) parents.add(br.parent);
  for (const parent of parents) {
    const children = parent.children;
    const nextNonSpace = (from: number): number => {
      let i = from;
      while (i < children.length && (children[i] as HtmlNode).isText && (children[i] as HtmlNode).text.trim().length === 0) i++;
      return i;
    };
    const isBr = (i: number): boolean => children[i]?.tag === 'br';
    const out: HtmlNode[] = [];
    let replaced = false;
    let i = 0;
    while (i < children.length) {
      const node = children[i] as HtmlNode;
      if (node.tag !== 'br' || !isBr(nextNonSpace(i + 1))) {
        out.push(node);
        i++;
        continue;
      }
      replaced = true;
      // Skip the run of <br> (and the blanks between them).
      let at = nextNonSpace(i + 1);
      while (isBr(at)) at = nextNonSpace(at + 1);
      for (let k = i; k < at; k++) (children[k] as HtmlNode).parent = null;
      const p = new HtmlNode('p', {});
      const inside: HtmlNode[] = [];
      while (at < children.length) {
        const next = children[at] as HtmlNode;
        if (next.tag === 'br' && isBr(nextNonSpace(at + 1))) break;
        if (!isPhrasingContent(next)) break;
        inside.push(next);
        at++;
      }
      while (inside.length > 0 && isWhitespace(inside[inside.length - 1] as HtmlNode)) inside.pop();
      p.setChildren(inside);
      out.push(p);
      i = at;
    }
    if (!replaced) continue;
    parent.setChildren(out);
    if (parent.tag === 'p') parent.tag = 'div';
  }
}

/** Readability's document preparation on the body: `<font>` → `<span>`, `<br><br>` → `<p>`. */
export function prepareBody(body: HtmlNode): void {
  for (const font of body.descendants('font')) font.tag = 'span';
  replaceBrs(body);
}

class Grabber {
  private byline: string | null = null;

  constructor(
    private readonly flags: number,
    private readonly options: ReadableOptions,
  ) {}

  private active(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  private classWeight(node: HtmlNode): number {
    if (!this.active(FLAG_WEIGHT_CLASSES)) return 0;
    let weight = 0;
    const cls = node.className;
    if (cls !== '') {
      if (RE.negative.test(cls)) weight -= 25;
      if (RE.positive.test(cls)) weight += 25;
    }
    const id = node.id;
    if (id !== '') {
      if (RE.negative.test(id)) weight -= 25;
      if (RE.positive.test(id)) weight += 25;
    }
    return weight;
  }

  private initialize(node: HtmlNode): void {
    let score = 0;
    switch (node.tag) {
      case 'div':
        score += 5;
        break;
      case 'pre':
      case 'td':
      case 'blockquote':
        score += 3;
        break;
      case 'address':
      case 'ol':
      case 'ul':
      case 'dl':
      case 'dd':
      case 'dt':
      case 'li':
      case 'form':
        score -= 3;
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'th':
        score -= 5;
        break;
    }
    node.score = score + this.classWeight(node);
  }

  private isValidByline(node: HtmlNode, match: string): boolean {
    const rel = node.attr('rel');
    const itemprop = node.attr('itemprop');
    const length = node.textContent().trim().length;
    return (rel === 'author' || itemprop.includes('author') || RE.byline.test(match)) && length > 0 && length < 100;
  }

  private removeAndGetNext(node: HtmlNode): HtmlNode | null {
    const next = nextElement(node, true);
    node.remove();
    return next;
  }

  /**
   * Takes a node out during the walk. The walk visits parents before children, so nothing it reads
   * later depends on the removal: the node is dropped from its parent in one pass per parent afterwards
   * (removing thousands of siblings one by one would be quadratic).
   */
  private dropAndGetNext(node: HtmlNode, dropped: Set<HtmlNode>): HtmlNode | null {
    const next = nextElement(node, true);
    dropped.add(node);
    return next;
  }

  /** Puts runs of phrasing content of a `<div>` into paragraphs. */
  private wrapPhrasing(div: HtmlNode): void {
    const out: HtmlNode[] = [];
    let p: HtmlNode | null = null;
    let pChildren: HtmlNode[] = [];
    const closeP = (): void => {
      if (p === null) return;
      while (pChildren.length > 0 && isWhitespace(pChildren[pChildren.length - 1] as HtmlNode)) pChildren.pop();
      p.setChildren(pChildren);
      p = null;
      pChildren = [];
    };
    let changed = false;
    for (const child of div.children) {
      if (isPhrasingContent(child)) {
        if (p !== null) pChildren.push(child);
        else if (!isWhitespace(child)) {
          p = new HtmlNode('p', {});
          out.push(p);
          pChildren.push(child);
          changed = true;
        } else out.push(child);
      } else {
        if (p !== null) {
          // Readability trims trailing whitespace only when a block follows.
          closeP();
        }
        out.push(child);
      }
    }
    if (p !== null) {
      (p as HtmlNode).setChildren(pChildren);
    }
    if (changed) div.setChildren(out);
  }

  grab(body: HtmlNode): ReadableResult | null {
    const elementsToScore: HtmlNode[] = [];
    const dropped = new Set<HtmlNode>();
    let removeTitleHeader = true;
    let node: HtmlNode | null = body;
    while (node !== null) {
      const match = matchString(node);
      if (this.active(FLAG_STRIP_HIDDEN) && node !== body && !isProbablyVisible(node)) {
        node = this.dropAndGetNext(node, dropped);
        continue;
      }
      if (node.attrs['aria-modal'] === 'true' && node.attrs.role === 'dialog') {
        node = this.dropAndGetNext(node, dropped);
        continue;
      }
      if (this.byline === null && !this.options.hasByline && this.isValidByline(node, match)) {
        const end = nextElement(node, true);
        let next = nextElement(node);
        let named: HtmlNode | null = null;
        while (next !== null && next !== end) {
          if (next.attr('itemprop').includes('name')) {
            named = next;
            break;
          }
          next = nextElement(next);
        }
        this.byline = (named ?? node).textContent().trim();
        node = this.dropAndGetNext(node, dropped);
        continue;
      }
      if (removeTitleHeader && (node.tag === 'h1' || node.tag === 'h2') && textSimilarity(this.options.title, innerText(node, false)) > 0.75) {
        removeTitleHeader = false;
        node = this.dropAndGetNext(node, dropped);
        continue;
      }
      if (this.active(FLAG_STRIP_UNLIKELYS)) {
        if (
          RE.unlikelyCandidates.test(match) &&
          !RE.okMaybeItsACandidate.test(match) &&
          !hasAncestorTag(node, 'table') &&
          !hasAncestorTag(node, 'code') &&
          node.tag !== 'body' &&
          node.tag !== 'a'
        ) {
          node = this.dropAndGetNext(node, dropped);
          continue;
        }
        if (UNLIKELY_ROLES.has(node.attr('role'))) {
          node = this.dropAndGetNext(node, dropped);
          continue;
        }
      }
      if (EMPTY_CHECK.has(node.tag) && isElementWithoutContent(node)) {
        node = this.dropAndGetNext(node, dropped);
        continue;
      }
      if (TAGS_TO_SCORE.has(node.tag)) elementsToScore.push(node);
      if (node.tag === 'div') {
        this.wrapPhrasing(node);
        if (hasSingleTagInside(node, 'p') && linkDensity(node) < 0.25) {
          const child = node.elements[0] as HtmlNode;
          node.replaceWith(child);
          node = child;
          elementsToScore.push(node);
        } else if (!hasChildBlockElement(node)) {
          node.tag = 'p';
          elementsToScore.push(node);
        }
      }
      node = nextElement(node);
    }
    compact(dropped);

    const candidates: HtmlNode[] = [];
    for (const element of elementsToScore) {
      if (element.parent === null || element.parent.tag === '#root') continue;
      const text = innerText(element);
      if (text.length < 25) continue;
      const ancestors = ancestorsOf(element, 5);
      if (ancestors.length === 0) continue;
      const contentScore = 1 + text.split(RE.commas).length + Math.min(Math.floor(text.length / 100), 3);
      ancestors.forEach((ancestor, level) => {
        if (ancestor.tag === '#root' || ancestor.parent === null) return;
        if (ancestor.score === undefined) {
          this.initialize(ancestor);
          candidates.push(ancestor);
        }
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        ancestor.score = (ancestor.score ?? 0) + contentScore / divider;
      });
    }

    const top: HtmlNode[] = [];
    for (const candidate of candidates) {
      const score = (candidate.score ?? 0) * (1 - linkDensity(candidate));
      candidate.score = score;
      for (let t = 0; t < N_TOP_CANDIDATES; t++) {
        const other = top[t];
        if (other === undefined || score > (other.score ?? 0)) {
          top.splice(t, 0, candidate);
          if (top.length > N_TOP_CANDIDATES) top.pop();
          break;
        }
      }
    }

    let topCandidate = top[0] ?? null;
    let created = false;
    if (topCandidate === null || topCandidate.tag === 'body') {
      topCandidate = new HtmlNode('div', {});
      created = true;
      topCandidate.setChildren([...body.children]);
      body.setChildren([topCandidate]);
      this.initialize(topCandidate);
    } else {
      const alternatives: HtmlNode[][] = [];
      for (let i = 1; i < top.length; i++) {
        if ((top[i]?.score ?? 0) / (topCandidate.score ?? 1) >= 0.75) alternatives.push(ancestorsOf(top[i] as HtmlNode, 0));
      }
      const MINIMUM = 3;
      if (alternatives.length >= MINIMUM) {
        let parent = topCandidate.parent;
        while (parent !== null && parent.tag !== 'body') {
          let lists = 0;
          for (let i = 0; i < alternatives.length && lists < MINIMUM; i++) lists += alternatives[i]?.includes(parent) ? 1 : 0;
          if (lists >= MINIMUM) {
            topCandidate = parent;
            break;
          }
          parent = parent.parent;
        }
      }
      if (topCandidate.score === undefined) this.initialize(topCandidate);
      let parent = topCandidate.parent;
      let lastScore = topCandidate.score ?? 0;
      const threshold = lastScore / 3;
      while (parent !== null && parent.tag !== 'body') {
        if (parent.score === undefined) {
          parent = parent.parent;
          continue;
        }
        if (parent.score < threshold) break;
        if (parent.score > lastScore) {
          topCandidate = parent;
          break;
        }
        lastScore = parent.score;
        parent = parent.parent;
      }
      parent = topCandidate.parent;
      while (parent !== null && parent.tag !== 'body' && parent.elements.length === 1) {
        topCandidate = parent;
        parent = topCandidate.parent;
      }
      if (topCandidate.score === undefined) this.initialize(topCandidate);
    }

    const content = new HtmlNode('div', {});
    const parentOfTop = topCandidate.parent;
    const topScore = topCandidate.score ?? 0;
    const siblingThreshold = Math.max(10, topScore * 0.2);
    const kept: HtmlNode[] = [];
    for (const sibling of created || parentOfTop === null ? [topCandidate] : parentOfTop.elements) {
      let append = false;
      if (sibling === topCandidate) append = true;
      else {
        let bonus = 0;
        if (sibling.className === topCandidate.className && topCandidate.className !== '') bonus += topScore * 0.2;
        if (sibling.score !== undefined && sibling.score + bonus >= siblingThreshold) append = true;
        else if (sibling.tag === 'p') {
          const density = linkDensity(sibling);
          const text = innerText(sibling);
          if (text.length > 80 && density < 0.25) append = true;
          else if (text.length < 80 && text.length > 0 && density === 0 && /\.( |$)/u.test(text)) append = true;
        }
      }
      if (append) {
        if (!ALTER_TO_DIV_EXCEPTIONS.has(sibling.tag)) sibling.tag = 'div';
        kept.push(sibling);
      }
    }
    for (const sibling of kept) sibling.remove();
    content.setChildren(kept);
    this.prepArticle(content);
    return { content, byline: this.byline, textLength: innerText(content, true).length };
  }

  private prepArticle(content: HtmlNode): void {
    markDataTables(content);
    this.cleanConditionally(content, 'form');
    this.cleanConditionally(content, 'fieldset');
    clean(content, 'object');
    clean(content, 'embed');
    clean(content, 'footer');
    clean(content, 'link');
    clean(content, 'aside');
    for (const child of content.elements) {
      const end = nextElement(child, true);
      let next = nextElement(child);
      while (next !== null && next !== end) {
        if (RE.shareElements.test(matchString(next)) && next.textContent().length < CHAR_THRESHOLD) {
          next = this.removeAndGetNext(next);
        } else next = nextElement(next);
      }
    }
    clean(content, 'iframe');
    clean(content, 'input');
    clean(content, 'textarea');
    clean(content, 'select');
    clean(content, 'button');
    for (const heading of content.descendants(new Set(['h1', 'h2'])).reverse()) {
      if (this.classWeight(heading) < 0) heading.remove();
    }
    this.cleanConditionally(content, 'table');
    this.cleanConditionally(content, 'ul');
    this.cleanConditionally(content, 'div');
    for (const h1 of content.descendants('h1')) h1.tag = 'h2';
    for (const p of content.descendants('p').reverse()) {
      if (p.parent === null) continue;
      const media = p.descendants(new Set(['img', 'embed', 'object', 'iframe'])).length;
      if (media === 0 && innerText(p, false).length === 0) p.remove();
    }
  }

  private cleanConditionally(root: HtmlNode, tag: string): void {
    if (!this.active(FLAG_CLEAN_CONDITIONALLY)) return;
    const nodes = root.descendants(tag);
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i] as HtmlNode;
      if (node.parent === null) continue;
      if (this.shouldClean(node, tag)) node.remove();
    }
  }

  private shouldClean(node: HtmlNode, tag: string): boolean {
    let isList = tag === 'ul' || tag === 'ol';
    if (!isList) {
      let listLength = 0;
      for (const list of node.descendants(new Set(['ul', 'ol']))) listLength += innerText(list).length;
      isList = listLength / innerText(node).length > 0.9;
    }
    if (tag === 'table' && node.dataTable) return false;
    if (hasAncestorTag(node, 'table', -1, (t) => t.dataTable)) return false;
    if (hasAncestorTag(node, 'code')) return false;
    if (node.descendants('table').some((t) => t.dataTable)) return false;
    const weight = this.classWeight(node);
    if (weight < 0) return true;
    const text = innerText(node);
    if (text.split(',').length - 1 >= 10) return false;

    const p = node.descendants('p').length;
    const img = node.descendants('img').length;
    const li = node.descendants('li').length - 100;
    const input = node.descendants('input').length;
    const headingDensity = textDensity(node, HEADINGS);
    let embedCount = 0;
    for (const embed of node.descendants(EMBEDS)) {
      if (Object.values(embed.attrs).some((v) => RE.videos.test(v))) return false;
      embedCount++;
    }
    if (RE.adWords.test(text) || RE.loadingWords.test(text)) return true;
    const contentLength = text.length;
    const density = linkDensity(node);
    const density2 = textDensity(node, TEXTISH);
    const isFigureChild = hasAncestorTag(node, 'figure');

    let remove =
      (!isFigureChild && img > 1 && p / img < 0.5) ||
      (!isList && li > p) ||
      input > Math.floor(p / 3) ||
      (!isList && !isFigureChild && headingDensity < 0.9 && contentLength < 25 && (img === 0 || img > 2) && density > 0) ||
      (!isList && weight < 25 && density > 0.2) ||
      (weight >= 25 && density > 0.5) ||
      (embedCount === 1 && contentLength < 75) ||
      embedCount > 1 ||
      (img === 0 && density2 === 0);

    if (isList && remove) {
      for (const child of node.elements) if (child.elements.length > 1) return remove;
      if (img === node.descendants('li').length) remove = false;
    }
    return remove;
  }
}

/** Takes the dropped nodes out of their parents, one pass per parent. */
function compact(dropped: ReadonlySet<HtmlNode>): void {
  const parents = new Set<HtmlNode>();
  for (const node of dropped) if (node.parent !== null) parents.add(node.parent);
  for (const parent of parents) {
    const kept = parent.children.filter((child) => !dropped.has(child));
    for (const child of parent.children) if (dropped.has(child)) child.parent = null;
    parent.setChildren(kept);
  }
}

function ancestorsOf(node: HtmlNode, maxDepth: number): HtmlNode[] {
  const out: HtmlNode[] = [];
  let current = node;
  let i = 0;
  while (current.parent !== null) {
    out.push(current.parent);
    if (maxDepth > 0 && ++i === maxDepth) break;
    current = current.parent;
  }
  return out;
}

function clean(root: HtmlNode, tag: string): void {
  const embed = EMBEDS.has(tag);
  for (const node of root.descendants(tag).reverse()) {
    if (embed && Object.values(node.attrs).some((v) => RE.videos.test(v))) continue;
    node.remove();
  }
}

function markDataTables(root: HtmlNode): void {
  for (const table of root.descendants('table')) table.dataTable = isDataTable(table);
}

function isDataTable(table: HtmlNode): boolean {
  if (table.attr('role') === 'presentation') return false;
  if (table.attr('datatable') === '0') return false;
  if (table.attrs.summary) return true;
  const caption = table.descendants('caption')[0];
  if (caption !== undefined && caption.children.length > 0) return true;
  if (table.descendants(new Set(['col', 'colgroup', 'tfoot', 'thead', 'th'])).length > 0) return true;
  if (table.contains('table')) return false;
  let rows = 0;
  let columns = 0;
  for (const tr of table.descendants('tr')) {
    rows += Number.parseInt(tr.attr('rowspan'), 10) || 1;
    let inRow = 0;
    for (const td of tr.descendants('td')) inRow += Number.parseInt(td.attr('colspan'), 10) || 1;
    columns = Math.max(columns, inRow);
  }
  if (columns === 1 || rows === 1) return false;
  if (rows >= 10 || columns > 4) return true;
  return rows * columns > 10;
}

/** One extraction pass over a prepared body with the given flags. */
export function grabArticle(body: HtmlNode, flags: number, options: ReadableOptions): ReadableResult | null {
  return new Grabber(flags, options).grab(body);
}
