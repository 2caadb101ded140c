/**
 * What a page's markup states about its article, from every place pages put it: JSON-LD (an Article
 * or NewsArticle, alone, in an array or in an `@graph`, with authors and publishers by `@id`),
 * OpenGraph / Twitter / `article:*` / Dublin Core / Parse.ly / Sailthru `<meta>` keys and microdata
 * `itemprop`s. Each field keeps its sources in order of trust; the callers pick and cross-check.
 */
import type { MetaTag, PageMarkup } from './dom.js';

/** schema.org types whose instances are articles (CreativeWork subtypes that news pages use). */
const ARTICLE_TYPE =
  /^(?:Article|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|Review|VideoObject|Blog)$/u;
/** Page types that may carry the article's dates and title when no Article object exists. */
const PAGE_TYPE = /^(?:WebPage|ItemPage|CollectionPage|AboutPage|ProfilePage|QAPage|FAQPage|MediaObject|CreativeWork)$/u;

export interface JsonLdArticle {
  headline: string | null;
  name: string | null;
  datePublished: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  authors: string[];
  section: string | null;
  publisher: string | null;
  url: string | null;
  body: string | null;
  description: string | null;
  /** The object is a page (WebPage…), not an article. */
  pageOnly: boolean;
}

export interface Metadata {
  /** The first article object of the page's JSON-LD (else the first page object), or null. */
  jsonLd: JsonLdArticle | null;
  /** Breadcrumb names from a JSON-LD BreadcrumbList, in order. */
  breadcrumb: string[];
  /** First value of each `<meta>` key (lower-cased key). */
  meta: ReadonlyMap<string, string>;
  /** Every value of each key, for keys that repeat (article:author, article:section). */
  metaAll: ReadonlyMap<string, string[]>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : null;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const t = text(item);
      if (t !== null) return t;
    }
  }
  if (isObject(value)) return text(value['@value'] ?? value.name);
  return null;
}

function types(object: JsonObject): string[] {
  const type = object['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/u, ''));
}

/** JSON as pages write it: CDATA and comment wrappers, raw line breaks inside strings. */
function parseJson(source: string): Json | undefined {
  const cleaned = source.replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/gu, '').trim();
  if (cleaned.length === 0) return undefined;
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    try {
      // Control characters inside strings are invalid JSON but common; as spaces they are harmless.
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/gu, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

/** JSON-LD values looked at per page (hostile pages can nest without end). */
const MAX_JSON_VALUES = 20_000;

/** Every object in the JSON-LD (top level, arrays, `@graph`, nested values), breadth first. */
function allObjects(roots: Json[]): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: Json[] = [...roots];
  for (let at = 0; at < queue.length && at < MAX_JSON_VALUES; at++) {
    const value = queue[at];
    if (Array.isArray(value)) for (const item of value) queue.push(item);
    else if (isObject(value)) {
      out.push(value);
      for (const [key, child] of Object.entries(value)) {
        if (key === 'articleBody' || key === 'text') continue;
        if (typeof child === 'object' && child !== null) queue.push(child);
      }
    }
  }
  return out;
}

function authorNames(value: Json | undefined, byId: ReadonlyMap<string, JsonObject>): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      const name = item.trim();
      if (name.length > 0 && !/^https?:\/\//u.test(name)) names.push(name);
    } else if (isObject(item)) {
      const ref = typeof item['@id'] === 'string' ? byId.get(item['@id']) : undefined;
      const name = text(item.name) ?? (ref ? text(ref.name) : null);
      if (name !== null) names.push(name);
    }
  }
  return [...new Set(names)];
}

function urlOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (isObject(value)) return urlOf(value['@id'] ?? value.url);
  if (Array.isArray(value)) return urlOf(value[0]);
  return null;
}

function readArticle(object: JsonObject, byId: ReadonlyMap<string, JsonObject>, pageOnly: boolean): JsonLdArticle {
  const publisher = object.publisher;
  const publisherRef = isObject(publisher) && typeof publisher['@id'] === 'string' ? byId.get(publisher['@id']) : undefined;
  return {
    headline: text(object.headline),
    name: text(object.name),
    datePublished: text(object.datePublished),
    dateCreated: text(object.dateCreated) ?? text(object.uploadDate),
    dateModified: text(object.dateModified),
    authors: authorNames(object.author ?? object.creator, byId),
    section: text(object.articleSection),
    publisher: isObject(publisher) ? (text(publisher.name) ?? (publisherRef ? text(publisherRef.name) : null)) : text(publisher),
    url: urlOf(object.url) ?? urlOf(object.mainEntityOfPage),
    body: typeof object.articleBody === 'string' ? object.articleBody : null,
    description: text(object.description),
    pageOnly,
  };
}

function readJsonLd(sources: readonly string[]): { article: JsonLdArticle | null; breadcrumb: string[] } {
  const roots: Json[] = [];
  for (const source of sources) {
    const parsed = parseJson(source);
    if (parsed !== undefined) roots.push(parsed);
  }
  if (roots.length === 0) return { article: null, breadcrumb: [] };
  const objects = allObjects(roots);
  const byId = new Map<string, JsonObject>();
  // A bare {"@id": …} is a reference, not the object it names.
  for (const object of objects) {
    if (typeof object['@id'] === 'string' && Object.keys(object).length > 1 && !byId.has(object['@id'])) byId.set(object['@id'], object);
  }

  let article: JsonObject | null = null;
  let page: JsonObject | null = null;
  let breadcrumb: string[] = [];
  for (const object of objects) {
    const t = types(object);
    if (article === null && t.some((type) => ARTICLE_TYPE.test(type)) && (object.headline !== undefined || object.name !== undefined || object.datePublished !== undefined)) {
      article = object;
    } else if (page === null && t.some((type) => PAGE_TYPE.test(type))) page = object;
    if (breadcrumb.length === 0 && t.includes('BreadcrumbList') && Array.isArray(object.itemListElement)) {
      breadcrumb = breadcrumbNames(object.itemListElement);
    }
  }
  const chosen = article ?? page;
  return { article: chosen === null ? null : readArticle(chosen, byId, article === null), breadcrumb };
}

function breadcrumbNames(items: Json[]): string[] {
  const withPosition = items
    .filter(isObject)
    .map((item, i) => ({
      position: typeof item.position === 'number' ? item.position : Number(item.position ?? i + 1),
      name: text(item.name) ?? (isObject(item.item) ? text(item.item.name) : null),
    }))
    .filter((item): item is { position: number; name: string } => item.name !== null);
  withPosition.sort((a, b) => a.position - b.position);
  return withPosition.map((item) => item.name);
}

export function readMetadata(markup: PageMarkup): Metadata {
  const { article, breadcrumb } = readJsonLd(markup.jsonLd);
  const meta = new Map<string, string>();
  const metaAll = new Map<string, string[]>();
  for (const { key, content } of markup.metas) addMeta(meta, metaAll, key, content);
  return { jsonLd: article, breadcrumb, meta, metaAll };
}

function addMeta(meta: Map<string, string>, metaAll: Map<string, string[]>, key: string, content: string): void {
  const value = content.trim();
  if (value.length === 0) return;
  for (const k of key.split(/\s+/u)) {
    if (!meta.has(k)) meta.set(k, value);
    const all = metaAll.get(k);
    if (all === undefined) metaAll.set(k, [value]);
    else if (all.length < 20) all.push(value);
  }
}

/** The first value among the keys, in order. */
export function firstMeta(meta: ReadonlyMap<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value !== undefined && value.length > 0) return value;
  }
  return null;
}

export type { MetaTag };
