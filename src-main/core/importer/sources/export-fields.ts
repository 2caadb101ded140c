/**
 * The fields of an article in a scraper export, found by the names scrapers use (Scrapy items,
 * news-please, trafilatura, most CMS dumps) or by the user's mapping (`--map body=story_text`; a dotted
 * name reaches into nested objects). Names match ignoring case, "_" and "-"; the first name with a value
 * wins (news-please leaves `text` null and fills `maintext`).
 */
import type { ExportField, FieldMap } from '../../../common/types.js';
import type { ExportItem } from './types.js';

type ItemField = ExportField | 'readCount';

const FIELD_NAMES: Record<ItemField, readonly string[]> = {
  title: ['title', 'headline', 'title_page', 'title_rss'],
  body: ['text', 'body', 'content', 'article', 'maintext', 'main_text', 'article_body', 'article_text', 'raw_text', 'html', 'content_html', 'body_html'],
  date: ['date', 'published', 'date_publish', 'date_published', 'published_at', 'publish_date', 'pubdate', 'publication_date', 'published_date', 'datetime'],
  url: ['url', 'link', 'canonical_url', 'source_url', 'href', 'source'],
  author: ['author', 'authors', 'byline', 'writer'],
  section: ['section', 'category', 'categories', 'section_name'],
  site: ['site', 'source_domain', 'hostname', 'domain', 'site_name', 'sitename', 'website'],
  scraped: ['date_download', 'scraped_at', 'scraped', 'crawled_at', 'date_crawled', 'crawl_date', 'date_extracted', 'fetched_at'],
  readCount: ['read_count', 'views', 'view_count', 'reads', 'hits'],
};

/** The usual names of each field, for messages. */
export function usualNames(field: ExportField): readonly string[] {
  return FIELD_NAMES[field];
}

function keyOf(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A mapped name "a.b" reaches into nested objects; each part matches like the usual names. */
function lookupPath(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const obj = value as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(obj, part)) value = obj[part];
    else {
      const wanted = keyOf(part);
      const key = Object.keys(obj).find((k) => keyOf(k) === wanted);
      value = key === undefined ? undefined : obj[key];
    }
  }
  return value;
}

function present(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.some(present);
  return typeof value === 'number' || typeof value === 'object';
}

/** An author or section given as an object (JSON-LD style) or a list. */
function asText(value: unknown, join: string): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => asText(v, join)).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(join) : null;
  }
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    return asText(obj.name ?? obj.title ?? obj.text ?? null, join);
  }
  return null;
}

/** A section given as a list of categories: the first. */
function firstText(value: unknown): string | null {
  if (!Array.isArray(value)) return asText(value, ' ');
  for (const v of value) {
    const text = asText(v, ' ');
    if (text !== null) return text;
  }
  return null;
}

function asBody(value: unknown): string | string[] | null {
  if (Array.isArray(value)) {
    const parts = value.map((v) => asText(v, ' ')).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts : null;
  }
  return asText(value, '\n');
}

function asDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return asText(value, ' ');
}

function asCount(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[,\s٬]/gu, '')) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export type Mapped = { ok: true; item: Omit<ExportItem, 'encoding'> } | { ok: false; missing: Array<'title' | 'body'> };

export class FieldFinder {
  constructor(private readonly mapping: FieldMap = {}) {}

  private raw(record: Record<string, unknown>, field: ItemField): unknown {
    const mapped = field === 'readCount' ? undefined : this.mapping[field];
    if (mapped !== undefined) return lookupPath(record, mapped);
    const byKey = new Map<string, string>();
    for (const k of Object.keys(record)) if (!byKey.has(keyOf(k))) byKey.set(keyOf(k), k);
    for (const name of FIELD_NAMES[field]) {
      const key = byKey.get(keyOf(name));
      if (key === undefined) continue;
      const value = record[key];
      if (!present(value)) continue;
      if (field === 'url' && (typeof value !== 'string' || !/^https?:\/\//iu.test(value.trim()))) continue;
      return value;
    }
    return undefined;
  }

  /** The article fields of one export record. */
  map(record: Record<string, unknown>): Mapped {
    const title = asText(this.raw(record, 'title'), ' ');
    const body = asBody(this.raw(record, 'body'));
    if (title === null || body === null) {
      const missing: Array<'title' | 'body'> = [];
      if (title === null) missing.push('title');
      if (body === null) missing.push('body');
      return { ok: false, missing };
    }
    return {
      ok: true,
      item: {
        title,
        body,
        date: asDate(this.raw(record, 'date')),
        url: asText(this.raw(record, 'url'), ' '),
        author: asText(this.raw(record, 'author'), '، '),
        section: firstText(this.raw(record, 'section')),
        site: asText(this.raw(record, 'site'), ' '),
        scraped: asDate(this.raw(record, 'scraped')),
        readCount: asCount(this.raw(record, 'readCount')),
      },
    };
  }
}
