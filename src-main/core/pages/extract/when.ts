/**
 * The published time from markup: JSON-LD, `<meta>` keys, microdata and `<time datetime>`, then the
 * date in the article's URL (`/2016/12/16/`, `/2016-12-16-`, `/20161216`). Values are read as written:
 * "2016-12-16T15:24:14+03:00" → "2016-12-16T15:24:14" (the page's wall time; no zone applied).
 */
import { findDate, isoDay, toDateTime } from '../dates.js';
import { firstMeta, type Metadata } from './metadata.js';

/** `<meta>` keys that hold the published time, most specific first. */
const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datepublished', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'parsely-pub-date', 'sailthru.date',
  'article.published', 'article_date_original', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'dc.date', 'dcterms.date', 'citation_publication_date', 'citation_date', 'original-publish-date', 'date',
  'cxenseparse:recs:publishtime', 'og:updated_time', 'eomportal-lastupdate',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:article:modified_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod'];

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/u;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(\d{2})?)?(?!\d)/u;
const EPOCH = /^\s*(\d{10}|\d{13})\s*$/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date value from markup → "YYYY-MM-DDTHH:MM:SS"; null when it is no date. */
export function readDateValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 200) return null;
  const iso = ISO.exec(text) ?? COMPACT.exec(text);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (day !== null) {
      const hour = Number(iso[4] ?? '0');
      const minute = Number(iso[5] ?? '0');
      const second = Number(iso[6] ?? '0');
      return hour < 24 && minute < 60 && second < 60 ? `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}` : `${day}T00:00:00`;
    }
  }
  const epoch = EPOCH.exec(text);
  if (epoch) {
    const ms = Number(epoch[1]) * (epoch[1]?.length === 10 ? 1000 : 1);
    const date = new Date(ms);
    const day = isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    return day === null ? null : `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  }
  const found = findDate(text);
  return found === null ? null : toDateTime(found);
}

const URL_DATE = [
  /\/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/u,
  /(?<=[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/u,
  /(?<=[/_-])(0?[1-9]|[12]\d|3[01])[._-](0?[1-9]|1[0-2])[._-]((?:19|20)\d{2})(?=[/_.-]|$)/u,
];

/** The day an article's URL states in its path; null when it states none. */
export function dateFromUrl(url: string | null): string | null {
  if (url === null) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const [i, re] of URL_DATE.entries()) {
    const m = re.exec(path);
    if (!m) continue;
    const [year, month, day] = i === 2 ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
    const iso = isoDay(Number(year), Number(month), Number(day));
    if (iso !== null) return `${iso}T00:00:00`;
  }
  return null;
}

export function publishedFromMetadata(metadata: Metadata): string | null {
  const json = metadata.jsonLd;
  return readDateValue(json?.datePublished) ?? readDateValue(firstMeta(metadata.meta, PUBLISHED_KEYS)) ?? readDateValue(json?.dateCreated);
}

export function modifiedFromMetadata(metadata: Metadata): string | null {
  return readDateValue(metadata.jsonLd?.dateModified) ?? readDateValue(firstMeta(metadata.meta, MODIFIED_KEYS));
}
