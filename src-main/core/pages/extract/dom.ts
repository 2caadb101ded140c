/**
 * A small mutable element tree for one HTML page, built with htmlparser2's streaming parser (its
 * implied-end-tag rules, entities decoded). Only what article extraction needs is kept: elements of the
 * body with their attributes, text, and from the head the `<title>`, `<meta>`, `<link>` and JSON-LD
 * scripts (as `PageMarkup`). Scripts, styles, templates, SVG/MathML, embedded objects and form widgets
 * whose text is never article text are dropped with their content while parsing. Nothing is executed.
 */
import { Parser } from 'htmlparser2';

export type Attrs = Record<string, string>;

/** Two or more whitespace characters (no `u` flag: `\s` is the same set, and the scan is faster). */
const WHITESPACE_RUN = /\s\s+/g;

export class HtmlNode {
  /** Lower-case tag name; '#text' for text and '#root' for the document. */
  tag: string;
  attrs: Attrs;
  children: HtmlNode[] = [];
  parent: HtmlNode | null = null;
  /** The text of a text node ('' for elements). */
  text: string;
  /** Extraction scratch: the content score (undefined until the node is a candidate). */
  score: number | undefined = undefined;
  /** Extraction scratch: a table judged to hold data rather than layout. */
  dataTable = false;
  /** Where this node last stood among its parent's children (checked before use). */
  private indexHint = 0;
  // Cached texts. Invariant: a cached node's children are cached too, so a change clears its ancestors.
  private cachedText: string | undefined = undefined;
  private cachedInner: string | undefined = undefined;

  constructor(tag: string, attrs: Attrs, text = '') {
    this.tag = tag;
    this.attrs = attrs;
    this.text = text;
  }

  get isText(): boolean {
    return this.tag === '#text';
  }

  attr(name: string): string {
    return this.attrs[name] ?? '';
  }

  get className(): string {
    return this.attrs.class ?? '';
  }

  get id(): string {
    return this.attrs.id ?? '';
  }

  /** Element children only. */
  get elements(): HtmlNode[] {
    return this.children.filter((c) => !c.isText);
  }

  /** Position among the parent's children (-1 when detached); O(1) unless siblings moved. */
  indexInParent(): number {
    const siblings = this.parent?.children;
    if (siblings === undefined) return -1;
    const hint = this.indexHint;
    if (siblings[hint] === this) return hint;
    if (siblings[hint - 1] === this) return (this.indexHint = hint - 1);
    return (this.indexHint = siblings.indexOf(this));
  }

  /** Forgets the cached texts of this node and its ancestors (after a change below them). */
  invalidate(): void {
    if (this.cachedText === undefined && this.cachedInner === undefined) return;
    this.cachedText = undefined;
    this.cachedInner = undefined;
    this.parent?.invalidate();
  }

  append(child: HtmlNode): void {
    if (child.parent !== null) child.remove();
    child.parent = this;
    child.indexHint = this.children.length;
    this.children.push(child);
    this.invalidate();
  }

  remove(): void {
    const parent = this.parent;
    if (parent === null) return;
    const at = this.indexInParent();
    if (at >= 0) parent.children.splice(at, 1);
    parent.invalidate();
    this.parent = null;
  }

  /** Puts `other` where this node is (this node leaves the tree). */
  replaceWith(other: HtmlNode): void {
    const parent = this.parent;
    if (parent === null) return;
    if (other.parent !== null) other.remove();
    const at = this.indexInParent();
    parent.children[at] = other;
    other.parent = parent;
    other.indexHint = at;
    this.parent = null;
    parent.invalidate();
  }

  /** Replaces the children (their parent links follow). */
  setChildren(children: HtmlNode[]): void {
    children.forEach((child, i) => {
      child.parent = this;
      child.indexHint = i;
    });
    this.children = children;
    this.invalidate();
  }

  /** The concatenated text of the subtree (like DOM textContent), cached until it changes. */
  textContent(): string {
    if (this.isText) return this.text;
    if (this.cachedText !== undefined) return this.cachedText;
    let out = '';
    for (const child of this.children) out += child.isText ? child.text : child.textContent();
    this.cachedText = out;
    return out;
  }

  /** The text trimmed, runs of two or more whitespace characters as one space (Readability's innerText). */
  innerText(): string {
    if (this.cachedInner !== undefined) return this.cachedInner;
    const text = this.textContent().trim().replace(WHITESPACE_RUN, ' ');
    this.cachedInner = text;
    return text;
  }

  /** Descendant elements with one of the tags, in document order. */
  descendants(tags: ReadonlySet<string> | string): HtmlNode[] {
    const out: HtmlNode[] = [];
    const test = typeof tags === 'string' ? (t: string) => t === tags : (t: string) => tags.has(t);
    const stack: HtmlNode[] = [];
    for (let i = this.children.length - 1; i >= 0; i--) stack.push(this.children[i] as HtmlNode);
    while (stack.length > 0) {
      const node = stack.pop() as HtmlNode;
      if (node.isText) continue;
      if (test(node.tag)) out.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
    }
    return out;
  }

  /** Whether an element with this tag is among the descendants. */
  contains(tag: string): boolean {
    const stack: HtmlNode[] = [...this.children];
    while (stack.length > 0) {
      const node = stack.pop() as HtmlNode;
      if (node.tag === tag) return true;
      if (!node.isText) for (const child of node.children) stack.push(child);
    }
    return false;
  }
}

/** Next element in document order (depth first); `skipChildren` steps over this node's subtree. */
export function nextElement(node: HtmlNode, skipChildren = false): HtmlNode | null {
  if (!skipChildren) {
    for (const child of node.children) if (!child.isText) return child;
  }
  let current: HtmlNode | null = node;
  while (current !== null) {
    const sibling = nextElementSibling(current);
    if (sibling !== null) return sibling;
    current = current.parent;
  }
  return null;
}

export function nextElementSibling(node: HtmlNode): HtmlNode | null {
  const parent = node.parent;
  if (parent === null) return null;
  const siblings = parent.children;
  for (let i = node.indexInParent() + 1; i < siblings.length; i++) {
    const sibling = siblings[i] as HtmlNode;
    if (!sibling.isText) return sibling;
  }
  return null;
}

export interface MetaTag {
  /** The `name`, `property`, `itemprop` or `http-equiv` key, lower-cased and trimmed. */
  key: string;
  content: string;
}

/** What the markup says about the page outside its visible text. */
export interface PageMarkup {
  title: string | null;
  metas: MetaTag[];
  /** `<link rel="canonical">` href. */
  canonical: string | null;
  /** Text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<html lang>` and `dir`. */
  lang: string | null;
  dir: string | null;
  /** The "saved from url=(NNNN)URL" comment browsers write into saved pages. */
  savedFrom: string | null;
}

export interface ParsedDocument {
  root: HtmlNode;
  body: HtmlNode;
  markup: PageMarkup;
  /** Parsing stopped (hostile nesting or too many elements): the tree holds the part before that point. */
  truncated: boolean;
}

/** Dropped with everything inside them. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'applet', 'canvas', 'audio',
  'video', 'map', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'button', 'frameset', 'frame', 'noframes',
  'head', 'title', 'link', 'meta', 'base', 'param', 'source', 'track',
]);
/** Kept as empty elements (extraction counts embeds), their content dropped. */
const EMPTY = new Set(['iframe', 'object', 'embed']);
/** Deeper elements are flattened into their ancestor at this depth (real pages nest a few dozen deep). */
const MAX_DEPTH = 400;
/** Parsing stops at this depth of open tags: htmlparser2's open-element stack makes hostile nesting quadratic. */
const MAX_OPEN = 1500;
/** Elements kept per page (real pages have a few thousand); the rest of a larger page is not read. */
const MAX_ELEMENTS = 40_000;
const TOO_DEEP = new Error('HTML nested too deeply');
const TOO_MANY = new Error('HTML has too many elements');
const SAVED_FROM = /^\s*saved from url=\(\d+\)(\S+)/iu;
const MAX_JSON_LD = 2_000_000;

export function parseDocument(html: string): ParsedDocument {
  const root = new HtmlNode('#root', {});
  const markup: PageMarkup = { title: null, metas: [], canonical: null, jsonLd: [], lang: null, dir: null, savedFrom: null };
  let current = root;
  let depth = 0;
  let elements = 0;
  /** Open elements deeper than MAX_DEPTH, not in the tree: their text goes to the deepest kept one. */
  const flattened: string[] = [];
  /** > 0 while inside a dropped element (counts nested open tags of it). */
  let dropDepth = 0;
  let dropTag = '';
  let collect: 'title' | 'json-ld' | null = null;
  let collected = '';
  let jsonLdBytes = 0;
  let body: HtmlNode | null = null;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropDepth > 0) {
          if (name === dropTag) dropDepth++;
          return;
        }
        if (DROP.has(name)) {
          readHeadTag(name, attribs, markup);
          if (name === 'title' && markup.title === null) collect = 'title';
          else if (name === 'script' && (attribs.type ?? '').trim().toLowerCase() === 'application/ld+json') collect = 'json-ld';
          if (name === 'meta' || name === 'link' || name === 'base' || name === 'param' || name === 'source' || name === 'track') {
            return; // void: no content to drop
          }
          if (name === 'head') return; // its children are read one by one
          dropTag = name;
          dropDepth = 1;
          return;
        }
        if (name === 'html') {
          if (attribs.lang !== undefined && markup.lang === null) markup.lang = attribs.lang;
          if (attribs.dir !== undefined && markup.dir === null) markup.dir = attribs.dir;
          return;
        }
        if (name === 'body') {
          if (body === null) {
            body = new HtmlNode('body', attribs);
            root.append(body);
          }
          current = body;
          return;
        }
        if (depth >= MAX_DEPTH) {
          if (depth + flattened.length >= MAX_OPEN) throw TOO_DEEP;
          flattened.push(name);
          return;
        }
        if (++elements > MAX_ELEMENTS) throw TOO_MANY;
        if (body === null) {
          body = new HtmlNode('body', {});
          root.append(body);
          current = body;
        }
        if (EMPTY.has(name)) {
          current.append(new HtmlNode(name, attribs));
          if (name !== 'embed') {
            dropTag = name;
            dropDepth = 1;
          }
          return;
        }
        const node = new HtmlNode(name, attribs);
        current.append(node);
        current = node;
        depth++;
      },
      onclosetag(name) {
        if (dropDepth > 0) {
          if (name === dropTag && --dropDepth === 0) {
            if (collect === 'title') markup.title = collected;
            else if (collect === 'json-ld' && jsonLdBytes + collected.length <= MAX_JSON_LD) {
              markup.jsonLd.push(collected);
              jsonLdBytes += collected.length;
            }
            collect = null;
            collected = '';
          }
          return;
        }
        if (name === 'html' || name === 'body' || name === 'head') return;
        if (flattened.length > 0) {
          const at = flattened.lastIndexOf(name);
          if (at >= 0) flattened.length = at;
          return;
        }
        // Close up to the matching open element; a stray end tag closes nothing.
        let node: HtmlNode | null = current;
        while (node !== null && node.tag !== name && node !== body) node = node.parent;
        if (node === null || node === body || node.tag !== name) return;
        while (current !== node) {
          current = current.parent ?? root;
          depth--;
        }
        current = node.parent ?? root;
        depth--;
      },
      ontext(text) {
        if (dropDepth > 0) {
          if (collect !== null) collected += text;
          return;
        }
        if (body === null) {
          if (text.trim().length === 0) return;
          body = new HtmlNode('body', {});
          root.append(body);
          current = body;
        }
        const last = current.children[current.children.length - 1];
        if (last !== undefined && last.isText) last.text += text;
        else current.append(new HtmlNode('#text', {}, text));
      },
      oncomment(comment) {
        if (markup.savedFrom === null) {
          const m = SAVED_FROM.exec(comment);
          if (m) markup.savedFrom = m[1] ?? null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  let truncated = false;
  try {
    parser.write(html);
    parser.end();
  } catch (error) {
    if (error !== TOO_DEEP && error !== TOO_MANY) throw error;
    truncated = true;
  }
  if (markup.title === null && collect === 'title') markup.title = collected;
  const finalBody = body ?? new HtmlNode('body', {});
  if (finalBody.parent === null) root.append(finalBody);
  return { root, body: finalBody, markup, truncated };
}

function readHeadTag(name: string, attribs: Attrs, markup: PageMarkup): void {
  if (name === 'meta') {
    const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? attribs['http-equiv'] ?? '').trim().toLowerCase();
    const content = attribs.content;
    if (key.length > 0 && content !== undefined) markup.metas.push({ key, content });
  } else if (name === 'link' && markup.canonical === null) {
    const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/u);
    if (rel.includes('canonical') && attribs.href !== undefined) markup.canonical = attribs.href;
  }
}
