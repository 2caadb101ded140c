/**
 * A WARC file → units: `response` (and `resource`) records of HTML pages with status 200 become pages,
 * with the target URL, the HTTP Content-Type (its charset comes first) and the capture day as their
 * context; `revisit` records become revisits of the capture they point to; non-HTML, redirects, other
 * statuses and robots.txt are skipped by reason. Requests, metadata and warcinfo records are the
 * crawl's bookkeeping, not captures: passed over silently. Each unit's address is `file#offset`.
 */
import { createHash } from 'node:crypto';
import type { SkipReason } from '../../../common/types.js';
import { MAX_PAGE_BYTES, tooLargeMessage } from '../file-kinds.js';
import { DamagedSource, type ByteInput } from './byte-input.js';
import { decodeHttpBody, startsWithMarkup } from './http-payload.js';
import type { SourceEvent, SourceUnit } from './types.js';
import { readWarcRecords, type HttpHead, type WarcHead, type WarcRecord } from './warc-reader.js';

type Capture =
  | { kind: 'ignore' }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'page'; contentType: string }
  | { kind: 'revisit' }
  | { kind: 'problem'; message: string };

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function targetUri(head: WarcHead): string {
  return (head.headers.get('warc-target-uri') ?? '').replace(/^<(.*)>$/u, '$1').trim();
}

/** "2016-05-01T10:20:30Z" → "2016-05-01"; null when it is no date. */
export function dayOf(warcDate: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/u.exec(warcDate?.trim() ?? '');
  return m?.[1] ?? null;
}

function isRobotsTxt(url: string): boolean {
  try {
    return new URL(url).pathname === '/robots.txt';
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/robots\.txt(?:[?#]|$)/iu.test(url);
  }
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function byStatus(status: number): SkipReason | null {
  if (status === 200 || status === 203) return null;
  if (status >= 300 && status < 400) return 'redirect';
  return status >= 400 ? 'http-error' : 'http-other';
}

function byContentType(contentType: string): SkipReason | null {
  const type = mediaType(contentType);
  return type === '' || HTML_TYPES.has(type) ? null : 'not-html';
}

/** What a record is, from its headers alone (before its payload is read). */
export function classifyRecord(head: WarcHead, http: HttpHead | null): Capture {
  const url = targetUri(head);
  switch (head.type) {
    case 'response': {
      if (isRobotsTxt(url)) return { kind: 'skip', reason: 'robots-txt' };
      if (http === null) {
        // dns: and ftp: captures (Heritrix) are no HTTP responses; an HTTP one that cannot be read is damage.
        const http = (head.headers.get('content-type') ?? '').toLowerCase().startsWith('application/http');
        return http ? { kind: 'problem', message: 'The response record holds no readable HTTP response.' } : { kind: 'skip', reason: 'not-html' };
      }
      const contentType = http.headers.get('content-type') ?? '';
      const skip = byStatus(http.status) ?? byContentType(contentType);
      return skip ? { kind: 'skip', reason: skip } : { kind: 'page', contentType };
    }
    case 'resource': {
      if (isRobotsTxt(url)) return { kind: 'skip', reason: 'robots-txt' };
      const contentType = head.headers.get('content-type') ?? '';
      const skip = byContentType(contentType);
      return skip ? { kind: 'skip', reason: skip } : { kind: 'page', contentType };
    }
    case 'revisit': {
      if (isRobotsTxt(url)) return { kind: 'skip', reason: 'robots-txt' };
      const skip = http === null ? null : (byStatus(http.status === 304 ? 200 : http.status) ?? byContentType(http.headers.get('content-type') ?? ''));
      return skip ? { kind: 'skip', reason: skip } : { kind: 'revisit' };
    }
    default:
      return { kind: 'ignore' };
  }
}

async function pageUnit(record: WarcRecord, path: string, contentType: string): Promise<SourceUnit> {
  if (record.payload === null) return { type: 'problem', rejection: { path, reason: 'too-large', message: tooLargeMessage(record.payloadLength) } };
  let bytes = record.payload;
  if (record.http !== null) {
    const h = record.http.headers;
    const decoded = await decodeHttpBody(bytes, h.get('transfer-encoding') ?? '', h.get('content-encoding') ?? '', MAX_PAGE_BYTES);
    if (!decoded.ok) return { type: 'problem', rejection: { path, reason: decoded.tooLarge ? 'too-large' : 'decode', message: decoded.message } };
    bytes = decoded.bytes;
  }
  if (contentType === '' && !startsWithMarkup(bytes)) return { type: 'skip', reason: 'not-html' };
  const url = targetUri(record);
  const day = dayOf(record.headers.get('warc-date'));
  return {
    type: 'page',
    path,
    bytes,
    context: { ...(url ? { url } : {}), ...(contentType ? { contentType } : {}), ...(day ? { scrapedOn: day } : {}) },
  };
}

function revisitUnit(record: WarcRecord, path: string): SourceUnit {
  const url = targetUri(record);
  const refersTo = (record.headers.get('warc-refers-to-target-uri') ?? '').replace(/^<(.*)>$/u, '$1').trim() || url;
  const revisit = { url, refersTo, refersToDay: dayOf(record.headers.get('warc-refers-to-date')), day: dayOf(record.headers.get('warc-date')) };
  const hash = createHash('sha1')
    .update(['revisit', url, record.headers.get('warc-date') ?? '', refersTo, record.headers.get('warc-refers-to-date') ?? '', record.headers.get('warc-payload-digest') ?? ''].join('\n'))
    .digest('hex');
  return { type: 'revisit', path, hash, revisit };
}

/** The units of one WARC file (plain or gzipped); damage ends it with one problem naming the offset. */
export async function* warcEvents(input: ByteInput, displayPath: string): AsyncGenerator<SourceEvent> {
  let records = 0;
  const wantPayload = (head: WarcHead, http: HttpHead | null) => classifyRecord(head, http).kind === 'page';
  try {
    for await (const record of readWarcRecords(input, wantPayload, MAX_PAGE_BYTES)) {
      records++;
      const capture = classifyRecord(record, record.http);
      const path = `${displayPath}#${record.offset}`;
      let unit: SourceUnit | null = null;
      if (capture.kind === 'page') unit = await pageUnit(record, path, capture.contentType);
      else if (capture.kind === 'revisit') unit = revisitUnit(record, path);
      else if (capture.kind === 'skip') unit = { type: 'skip', reason: capture.reason };
      else if (capture.kind === 'problem') unit = { type: 'problem', rejection: { path, reason: 'unreadable', message: capture.message } };
      if (unit !== null) yield { ...unit, consumed: input.position };
    }
  } catch (error) {
    if (!(error instanceof DamagedSource)) throw error;
    const message = `The crawl is damaged: ${error.message}; the ${records} record${records === 1 ? '' : 's'} before it were read.`;
    yield { type: 'problem', rejection: { path: displayPath, reason: 'damaged', message }, consumed: input.position };
  }
}
