import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ByteInput, DamagedSource } from '../../../src-main/core/importer/sources/byte-input.js';
import { decodeHttpBody, dechunk } from '../../../src-main/core/importer/sources/http-payload.js';
import { classifyRecord, warcEvents } from '../../../src-main/core/importer/sources/warc-source.js';
import { readWarcRecords, type WarcRecord } from '../../../src-main/core/importer/sources/warc-reader.js';
import {
  buildWarc,
  encodeRecord,
  httpResponse,
  payloadDigest,
  recordOffsets,
  requestRecord,
  responseRecord,
  revisitRecord,
  warcinfoRecord,
  warcRecord,
  type WarcGzip,
  type WarcRecordSpec,
} from '../../corpus/warc-writer.js';

const PAGE = '<!DOCTYPE html><html><head><title>عنوان</title></head><body><h1>عنوان الخبر</h1><p>نص الخبر</p></body></html>';

function sampleRecords(): WarcRecordSpec[] {
  const html = httpResponse(200, 'OK', { 'Content-Type': 'text/html; charset=utf-8' }, PAGE);
  return [
    warcinfoRecord('2016-05-01T10:00:00Z'),
    requestRecord('https://a.com/news/1', '2016-05-01T10:00:01Z'),
    responseRecord('https://a.com/news/1', '2016-05-01T10:00:01Z', html),
    responseRecord('https://a.com/logo.png', '2016-05-01T10:00:02Z', httpResponse(200, 'OK', { 'Content-Type': 'image/png' }, Buffer.alloc(3000, 7))),
    revisitRecord('https://a.com/news/1', '2016-05-02T10:00:00Z', '2016-05-01T10:00:01Z', payloadDigest(Buffer.from(PAGE))),
  ];
}

/** The bytes as an input of small chunks of the given size (to cross every boundary). */
function chunked(bytes: Buffer, size: number): ByteInput {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return new ByteInput(chunks);
}

async function readAll(input: ByteInput, wantHtml = true): Promise<WarcRecord[]> {
  const out: WarcRecord[] = [];
  const want = (_h: unknown, http: { headers: Map<string, string> } | null) => wantHtml && (http?.headers.get('content-type') ?? '').startsWith('text/html');
  for await (const r of readWarcRecords(input, want, 8 * 1024 * 1024)) out.push(r);
  return out;
}

describe('readWarcRecords', () => {
  for (const gzip of ['none', 'record', 'file'] as WarcGzip[]) {
    for (const chunk of [7, 4096, 1 << 20]) {
      it(`reads every record of a WARC (${gzip} gzip, ${chunk}-byte chunks) with its offset and headers`, async () => {
        const specs = sampleRecords();
        const records = await readAll(chunked(buildWarc(specs, gzip), chunk));
        expect(records.map((r) => r.type)).toEqual(['warcinfo', 'request', 'response', 'response', 'revisit']);
        // Per record gzip: each record's gzip member offset; plain or whole-file gzip: the offset in the WARC stream.
        expect(records.map((r) => r.offset)).toEqual(recordOffsets(specs, gzip === 'record' ? 'record' : 'none'));
        const page = records[2] as WarcRecord;
        expect(page.headers.get('warc-target-uri')).toBe('https://a.com/news/1');
        expect(page.http?.status).toBe(200);
        expect(page.payload?.toString('utf8')).toBe(PAGE);
        expect(records[3]?.payload).toBeNull(); // not asked for: passed over
        expect(records[3]?.payloadLength).toBe(3000);
        expect(records[4]?.headers.get('warc-refers-to-target-uri')).toBe('https://a.com/news/1');
      });
    }
  }

  it('streams a record too large to inflate at once (a 40 MB video) without keeping it', async () => {
    const big = responseRecord('https://a.com/v.mp4', '2016-05-01T10:00:00Z', httpResponse(200, 'OK', { 'Content-Type': 'video/mp4' }, Buffer.alloc(40 * 1024 * 1024, 1)));
    const specs = [big, ...sampleRecords()];
    const records = await readAll(chunked(buildWarc(specs, 'record'), 1 << 20));
    expect(records).toHaveLength(6);
    expect(records[0]?.payloadLength).toBe(40 * 1024 * 1024);
    expect(records.map((r) => r.offset)).toEqual(recordOffsets(specs, 'record'));
    expect(records[3]?.payload?.toString('utf8')).toBe(PAGE);
  });

  it('reads gzip members whose header carries a file name, and WARC/1.0 headers with folded lines', async () => {
    const raw = Buffer.from(
      'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <https://a.com/x>\r\nWARC-Date: 2016-05-01T10:00:00Z\r\n' +
        'Content-Type: application/http;\r\n msgtype=response\r\nContent-Length: 0\r\n\r\n\r\n\r\n',
      'latin1',
    );
    const member = zlib.gzipSync(raw);
    // Set FNAME and insert "crawl\0" after the 10-byte header.
    const named = Buffer.concat([member.subarray(0, 3), Buffer.from([member[3]! | 8]), member.subarray(4, 10), Buffer.from('crawl\0', 'latin1'), member.subarray(10)]);
    const records = await readAll(new ByteInput([Buffer.concat([named, named])]));
    expect(records).toHaveLength(2);
    expect(records[1]?.offset).toBe(named.length);
    expect(records[0]?.headers.get('content-type')).toBe('application/http; msgtype=response');
  });

  it('reports a file cut short, or damaged, after giving the records before it', async () => {
    const specs = sampleRecords();
    for (const gzip of ['none', 'record'] as const) {
      const whole = buildWarc(specs, gzip);
      const cut = whole.subarray(0, recordOffsets(specs, gzip)[3]! + 40);
      const got: string[] = [];
      const error = await (async () => {
        try {
          for await (const r of readWarcRecords(new ByteInput([cut]), () => false, 1 << 20)) got.push(r.type);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(got).toEqual(['warcinfo', 'request', 'response']);
      expect(error).toBeInstanceOf(DamagedSource);
      expect((error as Error).message).toMatch(/cut short/);
    }
    const garbage = Buffer.concat([encodeRecord(specs[0]!, 'none'), Buffer.from('this is not a WARC record\r\n\r\n')]);
    await expect(readAll(new ByteInput([garbage]))).rejects.toThrow(/no WARC record at offset \d+/);
    const flipped = buildWarc(specs, 'record');
    const at = recordOffsets(specs, 'record')[2]! + 40;
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    await expect(readAll(new ByteInput([flipped]))).rejects.toThrow(DamagedSource);
  });
});

describe('classifyRecord', () => {
  const classify = (spec: WarcRecordSpec) => {
    const bytes = warcRecord(spec);
    return (async () => {
      for await (const r of readWarcRecords(new ByteInput([bytes]), () => false, 1 << 20)) return classifyRecord(r, r.http);
      throw new Error('no record');
    })();
  };
  const at = '2016-05-01T10:00:00Z';
  it('takes HTML with status 200 as a page and tells why anything else is skipped', async () => {
    const res = (url: string, status: number, type: string) => responseRecord(url, at, httpResponse(status, 'X', type ? { 'Content-Type': type } : {}, 'x'));
    expect(await classify(res('https://a.com/n/1', 200, 'text/html; charset=windows-1256'))).toEqual({ kind: 'page', contentType: 'text/html; charset=windows-1256' });
    expect(await classify(res('https://a.com/n/1', 200, 'application/xhtml+xml'))).toMatchObject({ kind: 'page' });
    expect(await classify(res('https://a.com/n/1', 200, ''))).toEqual({ kind: 'page', contentType: '' }); // sniffed from the payload
    expect(await classify(res('https://a.com/n/1', 301, 'text/html'))).toEqual({ kind: 'skip', reason: 'redirect' });
    expect(await classify(res('https://a.com/n/1', 404, 'text/html'))).toEqual({ kind: 'skip', reason: 'http-error' });
    expect(await classify(res('https://a.com/n/1', 503, 'text/html'))).toEqual({ kind: 'skip', reason: 'http-error' });
    expect(await classify(res('https://a.com/n/1', 206, 'text/html'))).toEqual({ kind: 'skip', reason: 'http-other' });
    expect(await classify(res('https://a.com/a.pdf', 200, 'application/pdf'))).toEqual({ kind: 'skip', reason: 'not-html' });
    expect(await classify(res('https://a.com/robots.txt', 200, 'text/plain'))).toEqual({ kind: 'skip', reason: 'robots-txt' });
    const dns = { type: 'response' as const, date: at, targetUri: 'dns:a.com', contentType: 'text/dns', block: Buffer.from('20160501100000\na.com. 300 IN A 1.2.3.4\n') };
    expect(await classify(dns)).toEqual({ kind: 'skip', reason: 'not-html' });
    const unreadable = responseRecord('https://a.com/n/2', at, Buffer.from('HTTP/1.1 garbage\r\n\r\n<html></html>'));
    expect(await classify(unreadable)).toMatchObject({ kind: 'problem' });
    expect(await classify(requestRecord('https://a.com/n/1', at))).toEqual({ kind: 'ignore' });
    expect(await classify(warcinfoRecord(at))).toEqual({ kind: 'ignore' });
    expect(await classify(revisitRecord('https://a.com/n/1', at, at, 'sha1:X'))).toEqual({ kind: 'revisit' });
    const resource = { type: 'resource' as const, date: at, targetUri: 'file:///saved/page.html', contentType: 'text/html', block: Buffer.from(PAGE) };
    expect(await classify(resource)).toEqual({ kind: 'page', contentType: 'text/html' });
  });
});

describe('warcEvents', () => {
  it('gives pages with their URL, Content-Type and capture day, revisits, skips, and one problem for damage', async () => {
    const specs = sampleRecords();
    const whole = buildWarc(specs, 'record');
    const events = [];
    for await (const e of warcEvents(new ByteInput([whole.subarray(0, whole.length - 10)]), 'crawl.warc.gz')) events.push(e);
    const offsets = recordOffsets(specs, 'record');
    expect(events.map((e) => e.type)).toEqual(['page', 'skip', 'problem']);
    expect(events[0]).toMatchObject({
      path: `crawl.warc.gz#${offsets[2]}`,
      context: { url: 'https://a.com/news/1', contentType: 'text/html; charset=utf-8', scrapedOn: '2016-05-01' },
    });
    expect(events[2]).toMatchObject({ type: 'problem', rejection: { path: 'crawl.warc.gz', reason: 'damaged' } });
    expect((events[2] as { rejection: { message: string } }).rejection.message).toMatch(/cut short.*the 4 records before it were read/);
    expect(events.map((e) => e.consumed)).toEqual([...events.map((e) => e.consumed)].sort((a, b) => a - b));
  });
});

describe('decodeHttpBody', () => {
  const html = Buffer.from(PAGE);
  it('undoes chunked transfer coding and gzip, deflate and brotli content coding', async () => {
    const gz = zlib.gzipSync(html);
    const chunks = Buffer.concat([Buffer.from(`10\r\n`), gz.subarray(0, 16), Buffer.from(`\r\n${(gz.length - 16).toString(16)};ext=1\r\n`), gz.subarray(16), Buffer.from('\r\n0\r\n\r\n')]);
    expect(dechunk(chunks)?.equals(gz)).toBe(true);
    expect(await decodeHttpBody(chunks, 'chunked', 'gzip', 1 << 20)).toEqual({ ok: true, bytes: html });
    expect(await decodeHttpBody(zlib.deflateSync(html), '', 'deflate', 1 << 20)).toEqual({ ok: true, bytes: html });
    expect(await decodeHttpBody(zlib.deflateRawSync(html), '', 'deflate', 1 << 20)).toEqual({ ok: true, bytes: html });
    expect(await decodeHttpBody(zlib.brotliCompressSync(html), '', 'br', 1 << 20)).toEqual({ ok: true, bytes: html });
  });

  it('leaves bytes a crawler stored decoded as they are, and refuses a decompression bomb', async () => {
    expect(await decodeHttpBody(html, 'chunked', 'gzip', 1 << 20)).toEqual({ ok: true, bytes: html });
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024));
    expect(await decodeHttpBody(bomb, '', 'gzip', 8 * 1024 * 1024)).toMatchObject({ ok: false, tooLarge: true });
    expect(await decodeHttpBody(Buffer.from([1, 2, 3]), '', 'zstd', 1 << 20)).toMatchObject({ ok: false, message: expect.stringContaining('zstd') });
  });
});
