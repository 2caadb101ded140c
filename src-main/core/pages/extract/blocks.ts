/**
 * An element subtree → its text as a browser lays it out (innerText-like): one block per paragraph,
 * heading, list item, quote or cell; `<br>` starts a new block; inline runs joined and whitespace
 * collapsed (NBSP kept); `<pre>` keeps its line breaks. Each block remembers where it sat (heading,
 * list, quote, figure caption, link share), so the cleanup can judge it.
 */
import { trimSpace } from '../chars.js';
import type { HtmlNode } from './dom.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SPACE_RUNS = /[ \t\n\r\f]+/gu;
/** Ancestors from this depth (0 = the rendered root) name the block's context. */
const CONTEXT_FROM = 2;

export interface Block {
  text: string;
  /** The innermost block element's tag. */
  tag: string;
  heading: boolean;
  /** Inside `<li>`. */
  listItem: boolean;
  /** Inside `<blockquote>` or `<q>`. */
  quote: boolean;
  /** Inside `<figcaption>`/`<figure>` or `<caption>`. */
  caption: boolean;
  /** Characters of the block's text that sit inside links. */
  linkChars: number;
  /**
   * Class and id names (lower-cased) of the block's ancestors inside the rendered root, not counting the
   * root and its children: those are the containers extraction chose, the boxes inside them are not.
   */
  context: string;
}

interface Frame {
  node: HtmlNode;
  next: number;
}

export function renderBlocks(root: HtmlNode): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let pendingSpace = false;
  let linkChars = 0;
  let pre = 0;
  let links = 0;
  /** Open elements, innermost last. */
  const open: HtmlNode[] = [];
  let started: HtmlNode[] | null = null;

  const breakBlock = (): void => {
    const trimmed = trimSpace(text);
    if (trimmed.length > 0) blocks.push(describe(trimmed, Math.min(linkChars, trimmed.length), started ?? open));
    text = '';
    pendingSpace = false;
    linkChars = 0;
    started = null;
  };
  const addText = (raw: string): void => {
    if (started === null) started = [...open];
    if (pre > 0) {
      const parts = raw.split(/\r\n?|\n/u);
      parts.forEach((part, i) => {
        if (i > 0) breakBlock();
        if (started === null) started = [...open];
        text += part;
        if (links > 0) linkChars += part.length;
      });
      return;
    }
    let piece = raw.replace(SPACE_RUNS, ' ');
    if (piece.length === 0) return;
    if (piece === ' ') {
      pendingSpace = true;
      return;
    }
    const lead = piece.startsWith(' ');
    const trail = piece.endsWith(' ');
    piece = piece.slice(lead ? 1 : 0, trail ? -1 : undefined);
    if ((pendingSpace || lead) && text.length > 0) text += ' ';
    text += piece;
    if (links > 0) linkChars += piece.length;
    pendingSpace = trail;
  };

  const stack: Frame[] = [{ node: root, next: 0 }];
  open.push(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const child = frame.node.children[frame.next++];
    if (child === undefined) {
      stack.pop();
      const node = open.pop() as HtmlNode;
      if (BLOCK.has(node.tag)) breakBlock();
      if (node.tag === 'pre') pre--;
      if (node.tag === 'a') links--;
      continue;
    }
    if (child.isText) {
      addText(child.text);
      continue;
    }
    if (child.tag === 'br' || child.tag === 'hr') {
      breakBlock();
      continue;
    }
    if (BLOCK.has(child.tag)) breakBlock();
    if (child.tag === 'pre') pre++;
    if (child.tag === 'a') links++;
    if (child.tag === 'img' || child.tag === 'input') continue;
    open.push(child);
    stack.push({ node: child, next: 0 });
  }
  breakBlock();
  return blocks;
}

function describe(text: string, linkChars: number, ancestors: readonly HtmlNode[]): Block {
  let tag = '';
  let heading = false;
  let listItem = false;
  let quote = false;
  let caption = false;
  let context = '';
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as HtmlNode;
    const names = i >= CONTEXT_FROM && (node.attrs.class !== undefined || node.attrs.id !== undefined) ? `${node.className} ${node.id}`.trim() : '';
    if (names.length > 0) context += ` ${names.toLowerCase()}`;
    if (tag === '' && BLOCK.has(node.tag)) tag = node.tag;
    if (HEADING.has(node.tag)) heading = true;
    else if (node.tag === 'li') listItem = true;
    else if (node.tag === 'blockquote' || node.tag === 'q') quote = true;
    else if (node.tag === 'figcaption' || node.tag === 'figure' || node.tag === 'caption') caption = true;
  }
  return { text, tag: tag === '' ? 'div' : tag, heading, listItem, quote, caption, linkChars, context };
}
