/**
 * Any HTML page → its article: the content found by Readability's scoring (readable.ts) on our tree,
 * cleaned of the chrome that sits inside articles (cleanup.ts), with title, published time, author,
 * section, site and canonical URL from the page's metadata cross-checked with its headings.
 */
import { squeezeSpace } from '../chars.js';
import { findDomain } from '../chrome.js';
import { HtmlNode, parseDocument, type ParsedDocument } from './dom.js';
import { renderBlocks, type Block } from './blocks.js';
import { cleanBlocks } from './cleanup.js';
import { blocksGuidedByBody } from './guide.js';
import { hydratedArticleHtml } from './hydrated.js';
import { firstMeta, readMetadata, type JsonLdArticle, type Metadata } from './metadata.js';
import {
  CHAR_THRESHOLD,
  FLAG_CLEAN_CONDITIONALLY,
  FLAG_STRIP_HIDDEN,
  FLAG_STRIP_UNLIKELYS,
  FLAG_WEIGHT_CLASSES,
  grabArticle,
  isStreamedSegment,
  prepareBody,
  textSimilarity,
  type ReadableResult,
} from './readable.js';
import { articleUrl, siteOfUrl } from '../urls.js';
import { chooseTitle, titleCompareKey, titleFromDocumentTitle } from './title.js';
import { dateFromUrl, modifiedFromMetadata, publishedFromMetadata, readDateValue } from './when.js';
import { findDate, toDateTime } from '../dates.js';

export interface HtmlArticle {
  title: string | null;
  author: string | null;
  section: string | null;
  /** A domain (lower-cased, no "www.") the page names as its own, or null. */
  site: string | null;
  url: string | null;
  publishedAt: string | null;
  paragraphs: string[];
  /** `<title>` and the first `<h1>`, for recognising error pages. */
  documentTitle: string | null;
  h1: string | null;
}

export interface ExtractContext {
  url?: string;
}

const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'twitter:creator'];
const SECTION_KEYS = ['article:section', 'section', 'parsely-section', 'og:section', 'article-section', 'category', 'dc.subject'];
const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site', 'publisher', 'copyright'];
const LADDER = [
  FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY | FLAG_STRIP_HIDDEN,
  FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY | FLAG_STRIP_HIDDEN,
  FLAG_CLEAN_CONDITIONALLY | FLAG_STRIP_HIDDEN,
  FLAG_STRIP_HIDDEN,
];
/** Last resort for pages whose content sits in hidden elements (scripts reveal it in a browser). */
const HIDDEN_TOO = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;

interface Heading {
  text: string;
  tag: string;
}

/** What is read off the tree before extraction changes it. */
interface Survey {
  headings: Heading[];
  /** itemprop=headline texts. */
  headlines: string[];
  /** Dates from `<time datetime>` and itemprop=datePublished, in page order. */
  times: string[];
  publishedTimes: string[];
}

function isHiddenOrChrome(node: HtmlNode): boolean {
  for (let n: HtmlNode | null = node; n !== null; n = n.parent) {
    if ((n.attrs.hidden !== undefined && !isStreamedSegment(n)) || n.attrs['aria-hidden'] === 'true') return true;
    if (n.tag === 'nav' || n.tag === 'footer' || n.tag === 'aside') return true;
    const style = n.attrs.style;
    if (style !== undefined && /display\s*:\s*none/iu.test(style)) return true;
  }
  return false;
}

/**
 * A heading that is the last step of a breadcrumb trail (sites mark the page's own name there, often
 * as an `<h1>` for search engines): the trail is navigation, not the headline. Only the heading and
 * its near ancestors count, so that a page-wide class ("has-breadcrumbs") hides nothing.
 */
function inBreadcrumb(node: HtmlNode): boolean {
  let n: HtmlNode | null = node;
  for (let depth = 0; n !== null && depth < 4 && n.tag !== 'body' && n.tag !== 'main' && n.tag !== 'article'; depth++, n = n.parent) {
    if (/breadcrumb/iu.test(`${n.className} ${n.id}`)) return true;
  }
  return false;
}

/** An `<h1>` that is the site's logo: only an image, or a link to the home page. */
function isLogo(node: HtmlNode, text: string): boolean {
  if (text.length === 0) return true;
  const links = node.descendants('a');
  if (links.length === 1 && links[0] !== undefined) {
    const href = links[0].attr('href').trim();
    if (/^(?:\/|\.\/?|https?:\/\/[^/]+\/?|index\.\w+)$/iu.test(href)) return true;
  }
  return /(?:^|[\s_-])(?:logo|brand|site-?title|site-?name|masthead)(?:$|[\s_-])/iu.test(`${node.className} ${node.id}`);
}

function survey(body: HtmlNode): Survey {
  const headings: Heading[] = [];
  const headlines: string[] = [];
  const times: string[] = [];
  const publishedTimes: string[] = [];
  const stack: HtmlNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (node.isText) continue;
    const tag = node.tag;
    if (tag === 'h1' || tag === 'h2') {
      // Without a permalink marker ("¶", "#") that documentation pages append to headings.
      const text = squeezeSpace(node.textContent()).replace(/\s*[¶§#🔗]+$/u, '');
      if (text.length > 0) headings.push({ text: isLogo(node, text) || isHiddenOrChrome(node) || inBreadcrumb(node) ? '' : text, tag });
    }
    const itemprop = node.attrs.itemprop;
    if (itemprop !== undefined) {
      const props = itemprop.toLowerCase().split(/\s+/u);
      if (props.includes('headline')) {
        const text = squeezeSpace(node.attrs.content ?? node.textContent());
        if (text.length > 0) headlines.push(text);
      }
      if (props.includes('datepublished')) publishedTimes.push(node.attrs.datetime ?? node.attrs.content ?? node.textContent());
    }
    if (tag === 'time') {
      const value = node.attrs.datetime ?? '';
      if (node.attrs.pubdate !== undefined) publishedTimes.push(value || node.textContent());
      else if (value.length > 0) times.push(value);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
  return { headings, headlines, times, publishedTimes };
}

/** Readability's article title: JSON-LD name/headline, then the meta titles, then `<title>`. */
function readabilityTitle(metadata: Metadata, documentTitle: string | null, h1h2: readonly string[]): string {
  const json = metadata.jsonLd;
  const fromTitle = titleFromDocumentTitle(documentTitle ?? '', h1h2);
  if (json !== null && !json.pageOnly) {
    if (json.name !== null && json.headline !== null && json.name !== json.headline) {
      const nameMatches = textSimilarity(json.name, fromTitle) > 0.75;
      const headlineMatches = textSimilarity(json.headline, fromTitle) > 0.75;
      return headlineMatches && !nameMatches ? json.headline : json.name;
    }
    const title = json.name ?? json.headline;
    if (title !== null) return title;
  }
  return (
    firstMeta(metadata.meta, ['dc.title', 'dcterm.title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title']) ??
    fromTitle
  );
}

/** JSON-LD name or headline: the one the page's other titles confirm, else Readability's pick. */
function jsonLdTitle(json: JsonLdArticle, readabilityPick: string, others: readonly string[]): string {
  if (json.name === null || json.headline === null || json.name === json.headline) return readabilityPick;
  const keys = new Set(others.map(titleCompareKey).filter((k) => k.length > 0));
  const nameConfirmed = keys.has(titleCompareKey(json.name));
  const headlineConfirmed = keys.has(titleCompareKey(json.headline));
  if (nameConfirmed !== headlineConfirmed) return nameConfirmed ? json.name : json.headline;
  return readabilityPick;
}


/**
 * Readability's ladder: each pass that finds too little text is rerun on a fresh copy of the page with
 * fewer rules; the longest result wins. Fresh copies are parsed again only when needed (most pages
 * pass the first time).
 */
function extractContent(html: string, doc: ParsedDocument, title: string, hasByline: boolean): ReadableResult | null {
  prepareBody(doc.body);
  const hidden = hasHidden(doc.body);
  const attempts: ReadableResult[] = [];
  const options = { title, hasByline };
  for (const [i, flags] of [...LADDER, HIDDEN_TOO].entries()) {
    if (i === LADDER.length && !hidden) break;
    let body = doc.body;
    if (i > 0) {
      body = parseDocument(html).body;
      prepareBody(body);
    }
    const result = grabArticle(body, flags, options);
    if (result !== null && result.textLength >= CHAR_THRESHOLD) return result;
    if (result !== null) attempts.push(result);
  }
  attempts.sort((a, b) => b.textLength - a.textLength);
  const best = attempts[0];
  return best !== undefined && best.textLength > 0 ? best : null;
}

/** A paragraph that is only a slot the page's scripts fill (an ad, a widget): `$$ARTICLEAD$$`, `{{related}}`, `%%AD%%`. */
const TEMPLATE_PLACEHOLDER = /^(?:\$\$[\w.-]+\$\$|\{\{[\s\w.-]+\}\}|%%[\w.-]+%%)$/u;

/** The paragraphs of the article a page's scripts would render (hydrated.ts), for a page that shows none. */
function hydratedParagraphs(html: string, title: string | null, hasByline: boolean): string[] {
  const fragment = hydratedArticleHtml(html);
  if (fragment === null) return [];
  const page = `<html><body><article>${fragment}</article></body></html>`;
  const result = extractContent(page, parseDocument(page), title ?? '', hasByline);
  if (result === null) return [];
  return cleanBlocks(renderBlocks(result.content), { title }).filter((p) => !TEMPLATE_PLACEHOLDER.test(p));
}

function hasHidden(root: HtmlNode): boolean {
  const stack: HtmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (node.isText) continue;
    if (node.attrs.hidden !== undefined || node.attrs['aria-hidden'] === 'true' || node.attrs.style !== undefined) return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}

function cleanAuthor(text: string | null): string | null {
  if (text === null) return null;
  let name = squeezeSpace(text).replace(/^(?:by|von|par|por|di|door|av|af|od|written by|بقلم|كتب|كتبت|إعداد|اعداد)\s*[:：]?\s+/iu, '');
  name = name.replace(/^[|,;:\-–—\s]+|[|,;:\-–—\s]+$/gu, '');
  if (name.length === 0 || name.length > 120 || /^https?:\/\//iu.test(name) || /^@/u.test(name)) return null;
  return name;
}

function authorOf(metadata: Metadata, byline: string | null): string | null {
  const json = metadata.jsonLd;
  if (json !== null && json.authors.length > 0) return cleanAuthor(json.authors.join(', '));
  for (const key of AUTHOR_KEYS) {
    const values = metadata.metaAll.get(key);
    if (values === undefined) continue;
    const names = values.map(cleanAuthor).filter((n): n is string => n !== null);
    if (names.length > 0) return [...new Set(names)].join(', ');
  }
  return cleanAuthor(byline);
}

function sectionOf(metadata: Metadata, title: string | null): string | null {
  const fromMeta = metadata.jsonLd?.section ?? firstMeta(metadata.meta, SECTION_KEYS);
  if (fromMeta !== null) return squeezeSpace(fromMeta);
  const crumbs = metadata.breadcrumb.filter((c) => title === null || textSimilarity(title, c) < 0.75);
  return crumbs.length >= 2 ? (crumbs[crumbs.length - 1] ?? null) : null;
}

function siteNamesOf(metadata: Metadata, host: string | null): string[] {
  const names: string[] = [];
  for (const key of SITE_NAME_KEYS) {
    const value = metadata.meta.get(key);
    if (value !== undefined) names.push(value.replace(/^@/u, ''));
  }
  if (metadata.jsonLd?.publisher) names.push(metadata.jsonLd.publisher);
  if (host !== null) {
    const labels = host.split('.');
    names.push(host);
    // "www.example.co.uk" → "example"; "news.example.com" → "example".
    const main = labels.length >= 3 && (labels[labels.length - 2] ?? '').length <= 3 ? labels[labels.length - 3] : labels[labels.length - 2];
    if (main !== undefined && main.length >= 2) names.push(main);
  }
  return names;
}

/** A date stated in the first lines of the article or around its headline. */
function dateFromText(blocks: readonly Block[]): string | null {
  for (const block of blocks.slice(0, 8)) {
    if (block.text.length > 160) continue;
    const found = findDate(block.text);
    if (found !== null) return toDateTime(found);
  }
  return null;
}

export function extractHtmlArticle(html: string, context: ExtractContext = {}): HtmlArticle {
  const doc = parseDocument(html);
  const metadata = readMetadata(doc.markup);
  const surveyed = survey(doc.body);
  const documentTitle = doc.markup.title === null ? null : squeezeSpace(doc.markup.title);
  const h1h2 = surveyed.headings.map((h) => h.text);
  const h1 = surveyed.headings.find((h) => h.tag === 'h1' && h.text.length > 0)?.text ?? null;

  const base = context.url ?? null;
  const url =
    articleUrl(doc.markup.canonical, base ?? metadata.meta.get('og:url') ?? null) ??
    articleUrl(metadata.meta.get('og:url'), base) ??
    articleUrl(metadata.jsonLd?.url, base) ??
    articleUrl(doc.markup.savedFrom, null) ??
    articleUrl(context.url, null);
  const host = siteOfUrl(url) ?? siteOfUrl(context.url ?? null);
  const siteNames = siteNamesOf(metadata, host);

  const json = metadata.jsonLd;
  const metaAuthor = authorOf(metadata, null);
  const result = extractContent(html, doc, readabilityTitle(metadata, documentTitle, h1h2), metaAuthor !== null);
  const blocks = result === null ? [] : renderBlocks(result.content);

  const jsonTitle = json !== null && !json.pageOnly ? jsonLdTitle(json, readabilityTitle(metadata, documentTitle, h1h2), [
    ...surveyed.headings.map((h) => h.text),
    ...surveyed.headlines,
    metadata.meta.get('og:title') ?? '',
    metadata.meta.get('twitter:title') ?? '',
  ]) : null;
  const jsonLdTitles = [jsonTitle, json !== null && !json.pageOnly ? (jsonTitle === json.name ? json.headline : json.name) : null].filter(
    (t): t is string => typeof t === 'string' && t.trim().length > 0,
  );
  const metadataTitles = [
    ...jsonLdTitles,
    metadata.meta.get('og:title'),
    metadata.meta.get('twitter:title'),
    metadata.meta.get('dc.title'),
    metadata.meta.get('dcterms.title'),
    metadata.meta.get('title'),
    metadata.meta.get('parsely-title'),
    metadata.meta.get('headline'),
    json?.pageOnly === true ? json.headline : null,
    json?.pageOnly === true ? json.name : null,
  ].filter((t): t is string => typeof t === 'string' && t.trim().length > 0);
  const headings = [
    ...surveyed.headings.filter((h) => h.tag === 'h1').map((h) => h.text),
    ...surveyed.headlines,
    ...surveyed.headings.filter((h) => h.tag === 'h2').map((h) => h.text),
  ].filter((t) => t.length > 0);
  const title = chooseTitle({ metadata: metadataTitles, fromJsonLd: jsonLdTitles.length, documentTitle, headings, h1h2, siteNames });
  const extracted = cleanBlocks(blocks, { title });
  const guided = blocksGuidedByBody(html, json?.body ?? null, extracted);
  let paragraphs = guided === null ? extracted : cleanBlocks(guided, { title });
  if (paragraphs.length === 0) paragraphs = hydratedParagraphs(html, title, metaAuthor !== null);

  const publishedAt =
    publishedFromMetadata(metadata) ??
    surveyed.publishedTimes.map(readDateValue).find((d) => d !== null) ??
    surveyed.times.map(readDateValue).find((d) => d !== null) ??
    dateFromUrl(url ?? context.url ?? null) ??
    dateFromText(blocks) ??
    modifiedFromMetadata(metadata);

  const siteDomain = findDomain(metadata.meta.get('og:site_name') ?? '');
  return {
    title,
    author: authorOf(metadata, result?.byline ?? null),
    section: sectionOf(metadata, title),
    site: siteDomain ?? host,
    url,
    publishedAt,
    paragraphs,
    documentTitle,
    h1,
  };
}
