/**
 * WARC records (ISO 28500, WARC/1.0 and 1.1) from a plain or gzipped file, streamed: the WARC headers
 * and, for HTTP records, the HTTP status and headers of each record; its payload only when the caller
 * asks for it (pages), every other block is passed over without being kept. Memory stays bounded
 * however large the file or a record.
 *
 * Written on Node's zlib rather than through warcio.js: warcio inflates with pako (JavaScript) and read
 * a 300 MB crawl at 15 MB/s where this reader, on native zlib, read it at 50–95 MB/s on the same loaded
 * machine (`npm run bench:warc -- --warcio` measures both on the bench's crawl).
 */
import { DamagedSource, type ByteInput } from './byte-input.js';
import { decompressedPieces } from './gzip-members.js';
import { PieceReader } from './piece-reader.js';

/** A WARC header block longer than this is damage, not a record. */
const MAX_WARC_HEAD_BYTES = 1024 * 1024;
const MAX_HTTP_HEAD_BYTES = 256 * 1024;
const HTTP_PREFIX = Buffer.from('HTTP/', 'latin1');

export interface WarcHead {
  /** Where the record starts: its gzip member's offset in a `.warc.gz`, else its offset in the (decompressed) stream. */
  offset: number;
  /** WARC-Type, lower-cased ("response", "revisit", "request", …). */
  type: string;
  /** WARC headers by lower-cased name. */
  headers: Map<string, string>;
  /** Content-Length of the block. */
  length: number;
}

export interface HttpHead {
  status: number;
  /** HTTP headers by lower-cased name (repeated headers joined with ", "). */
  headers: Map<string, string>;
}

export interface WarcRecord extends WarcHead {
  http: HttpHead | null;
  /** The HTTP payload (or the whole block of a non-HTTP record) when asked for and not larger than the limit. */
  payload: Buffer | null;
  /** Bytes of the payload, read or not. */
  payloadLength: number;
}

/** What to do with a record's payload, decided from its headers. */
export type PayloadWanted = (head: WarcHead, http: HttpHead | null) => boolean;

/** Header lines "Name: value" (continuation lines folded in) by lower-cased name. */
export function parseHeaderLines(lines: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of lines) {
    if (line.length === 0) continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== null) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const before = headers.get(name);
    headers.set(name, before === undefined ? value : `${before}, ${value}`);
    last = name;
  }
  return headers;
}

function splitLines(head: Buffer): string[] {
  // Header bytes are ASCII by the standard; a stray UTF-8 URL still decodes.
  return head.toString('utf8').split(/\r?\n/u);
}

function parseHttpHead(head: Buffer): HttpHead | null {
  const lines = splitLines(head);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s|$)/u.exec(lines[0] ?? '');
  if (!status) return null;
  return { status: Number(status[1]), headers: parseHeaderLines(lines.slice(1)) };
}

function isHttpBlock(head: WarcHead): boolean {
  const contentType = (head.headers.get('content-type') ?? '').toLowerCase();
  return contentType.startsWith('application/http') || head.type === 'response' || head.type === 'revisit';
}

/**
 * The records of a WARC file (plain or gzipped, one member per record or one for the whole file).
 * Throws DamagedSource where the file stops being a WARC (a damaged or cut-short file): the records
 * before it have been given.
 */
export async function* readWarcRecords(input: ByteInput, wantPayload: PayloadWanted, maxPayloadBytes: number): AsyncGenerator<WarcRecord> {
  const reader = new PieceReader(decompressedPieces(input)[Symbol.asyncIterator]());
  for (;;) {
    if (!(await reader.skipLineBreaks())) return;
    const start = reader.position;
    const offset = reader.memberOffsetAt(start) ?? start;
    const headBytes = await reader.readHead(MAX_WARC_HEAD_BYTES);
    if (headBytes === null) throw new DamagedSource(`no WARC record at offset ${offset} (damaged, or the file is cut short)`, offset);
    const lines = splitLines(headBytes);
    if (!/^WARC\/\d+\.\d+\s*$/u.test(lines[0] ?? '')) {
      throw new DamagedSource(`no WARC record at offset ${offset}: it starts "${(lines[0] ?? '').slice(0, 40)}"`, offset);
    }
    const headers = parseHeaderLines(lines.slice(1));
    const lengthText = headers.get('content-length') ?? '';
    if (!/^\d{1,15}$/u.test(lengthText)) throw new DamagedSource(`the WARC record at offset ${offset} has no valid Content-Length`, offset);
    const head: WarcHead = { offset, type: (headers.get('warc-type') ?? '').toLowerCase(), headers, length: Number(lengthText) };

    let http: HttpHead | null = null;
    let left = head.length;
    if (left > 0 && isHttpBlock(head) && (await reader.startsWith(HTTP_PREFIX))) {
      const httpBytes = await reader.readHead(Math.min(left, MAX_HTTP_HEAD_BYTES));
      if (httpBytes !== null) {
        http = parseHttpHead(httpBytes);
        left -= httpBytes.length;
      }
    }
    let payload: Buffer | null = null;
    if (left <= maxPayloadBytes && wantPayload(head, http)) {
      payload = await reader.read(left);
      if (payload.length < left) throw new DamagedSource(`the file ends inside the WARC record at offset ${offset} (cut short)`, offset);
    } else if ((await reader.skip(left)) < left) {
      throw new DamagedSource(`the file ends inside the WARC record at offset ${offset} (cut short)`, offset);
    }
    yield { ...head, http, payload, payloadLength: left };
  }
}
