/**
 * A minimal WARC 1.1 writer for test fixtures and the bench: records as crawlers write them (warcinfo,
 * request, response, revisit, resource, metadata), uncompressed, gzipped per record (the usual
 * `.warc.gz`) or gzipped as one whole file. Written by hand so the reader under test is checked against
 * bytes it did not produce itself.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

export type WarcType = 'warcinfo' | 'request' | 'response' | 'revisit' | 'resource' | 'metadata';
export type WarcGzip = 'none' | 'record' | 'file';

export interface WarcRecordSpec {
  type: WarcType;
  /** ISO time, e.g. "2016-05-01T10:20:30Z". */
  date: string;
  targetUri?: string;
  /** The record's Content-Type (application/http; msgtype=response for HTTP records). */
  contentType?: string;
  /** Further WARC headers (WARC-Refers-To-Target-URI, WARC-Profile, …). */
  headers?: Record<string, string>;
  block: Buffer;
  /** The record id; by default derived from the record's content (deterministic files). */
  id?: string;
}

const CRLF = '\r\n';

/** An HTTP/1.1 response: status line, headers, blank line, body. */
export function httpResponse(status: number, reason: string, headers: Record<string, string>, body: Buffer | string = Buffer.alloc(0)): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const lines = [`HTTP/1.1 ${status} ${reason}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'latin1'), bytes]);
}

export function httpRequest(url: string): Buffer {
  const u = new URL(url);
  const lines = [`GET ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'User-Agent: arshif-test-crawler/1.0', 'Accept: */*'];
  return Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'latin1');
}

/** "sha1:BASE32" as crawlers write WARC-Payload-Digest. */
export function payloadDigest(payload: Buffer): string {
  const digest = createHash('sha1').update(payload).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return `sha1:${out}`;
}

function contentId(spec: WarcRecordSpec): string {
  const h = createHash('sha1').update(`${spec.type}\n${spec.date}\n${spec.targetUri ?? ''}\n`).update(spec.block).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One record, uncompressed: headers, block, and the two CRLFs that end it. */
export function warcRecord(spec: WarcRecordSpec): Buffer {
  const headers: Array<[string, string]> = [
    ['WARC-Type', spec.type],
    ['WARC-Record-ID', `<urn:uuid:${spec.id ?? contentId(spec)}>`],
    ['WARC-Date', spec.date],
  ];
  if (spec.targetUri !== undefined) headers.push(['WARC-Target-URI', spec.targetUri]);
  for (const [k, v] of Object.entries(spec.headers ?? {})) headers.push([k, v]);
  if (spec.contentType !== undefined) headers.push(['Content-Type', spec.contentType]);
  headers.push(['Content-Length', String(spec.block.length)]);
  const head = `WARC/1.1${CRLF}${headers.map(([k, v]) => `${k}: ${v}`).join(CRLF)}${CRLF}${CRLF}`;
  return Buffer.concat([Buffer.from(head, 'utf8'), spec.block, Buffer.from(CRLF + CRLF, 'latin1')]);
}

/** A response record of an HTTP response. */
export function responseRecord(url: string, date: string, http: Buffer, id?: string): WarcRecordSpec {
  const body = http.subarray(http.indexOf('\r\n\r\n') + 4);
  return {
    type: 'response',
    date,
    targetUri: url,
    contentType: 'application/http; msgtype=response',
    headers: { 'WARC-Payload-Digest': payloadDigest(body) },
    block: http,
    ...(id !== undefined ? { id } : {}),
  };
}

export function requestRecord(url: string, date: string): WarcRecordSpec {
  return { type: 'request', date, targetUri: url, contentType: 'application/http; msgtype=request', block: httpRequest(url) };
}

/** An identical-payload revisit of `url` (first captured at `originalDate`): HTTP headers only, no body. */
export function revisitRecord(url: string, date: string, originalDate: string, digest: string): WarcRecordSpec {
  return {
    type: 'revisit',
    date,
    targetUri: url,
    contentType: 'application/http; msgtype=response',
    headers: {
      'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
      'WARC-Refers-To-Target-URI': url,
      'WARC-Refers-To-Date': originalDate,
      'WARC-Payload-Digest': digest,
    },
    block: httpResponse(200, 'OK', { 'Content-Type': 'text/html; charset=utf-8' }),
  };
}

export function warcinfoRecord(date: string, software = 'arshif-test-crawler/1.0'): WarcRecordSpec {
  return {
    type: 'warcinfo',
    date,
    contentType: 'application/warc-fields',
    block: Buffer.from(`software: ${software}${CRLF}format: WARC File Format 1.1${CRLF}`, 'utf8'),
  };
}

/** One record as it is written to a file: uncompressed, or as one gzip member. */
export function encodeRecord(spec: WarcRecordSpec, gzip: Exclude<WarcGzip, 'file'>): Buffer {
  const raw = warcRecord(spec);
  return gzip === 'none' ? raw : zlib.gzipSync(raw, { level: 6 });
}

/** A whole WARC file from its records. */
export function buildWarc(records: WarcRecordSpec[], gzip: WarcGzip): Buffer {
  const raw = records.map(warcRecord);
  if (gzip === 'none') return Buffer.concat(raw);
  if (gzip === 'file') return zlib.gzipSync(Buffer.concat(raw), { level: 6 });
  return Buffer.concat(raw.map((r) => zlib.gzipSync(r, { level: 6 })));
}

/** The byte offset where each record starts in a file built by buildWarc (gzip 'none' or 'record'). */
export function recordOffsets(records: WarcRecordSpec[], gzip: Exclude<WarcGzip, 'file'>): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const r of records) {
    offsets.push(at);
    at += encodeRecord(r, gzip).length;
  }
  return offsets;
}
