/**
 * Properties of the crawl and export readers over arbitrary input: how a file is cut into chunks never
 * changes what is read, and hostile bytes end in a DamagedSource (or records), never another error or a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteInput, DamagedSource } from '../../../src-main/core/importer/sources/byte-input.js';
import { csvRecords } from '../../../src-main/core/importer/sources/csv-records.js';
import { jsonLines, jsonValues } from '../../../src-main/core/importer/sources/json-items.js';
import { readWarcRecords } from '../../../src-main/core/importer/sources/warc-reader.js';
import { buildWarc, httpResponse, responseRecord } from '../../corpus/warc-writer.js';

function cut(bytes: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes.length > 0 ? (sizes[i % sizes.length] as number) : bytes.length;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

async function* iterate<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 8 });

describe('export readers', () => {
  it('read the same items of any JSON array however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }), chunkSizes, async (values, sizes) => {
        const text = Buffer.from(JSON.stringify(values, null, values.length % 2 === 0 ? 1 : undefined), 'utf8');
        const items = await collect(jsonValues(iterate(cut(text, sizes)), 1 << 20));
        expect(items.map((i) => JSON.parse(i.bytes?.toString('utf8') ?? 'null') as unknown)).toEqual(JSON.parse(text.toString('utf8')));
      }),
      { numRuns: 200 },
    );
  });

  it('read the same lines of JSON lines however they are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 6 }), chunkSizes, async (values, sizes) => {
        const text = Buffer.from(values.map((v) => JSON.stringify(v)).join('\n'), 'utf8');
        const items = await collect(jsonLines(iterate(cut(text, sizes)), 1 << 20));
        // As written: JSON has no -0, so a generated -0 reads back as 0.
        expect(items.map((i) => JSON.parse(i.bytes?.toString('utf8') ?? '') as unknown)).toEqual(values.map((v) => JSON.parse(JSON.stringify(v)) as unknown));
      }),
      { numRuns: 200 },
    );
  });

  it('read back any table written as RFC 4180 CSV, however it is cut', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ب', ',', '"', '\n', ' ', ';') , maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), chunkSizes, async (rows, sizes) => {
        const table = [['title', 'text'], ...rows.filter((r) => r.some((c) => c !== ''))];
        const quote = (c: string) => (/[",;\n]/u.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);
        const text = table.map((r) => r.map(quote).join(',')).join('\r\n');
        const records = await collect(csvRecords(iterate(cut(Buffer.from(text, 'utf8'), sizes).map((b) => b.toString('latin1'))), 1 << 20));
        const decoded = records.map((r) => r.fields.map((f) => Buffer.from(f, 'latin1').toString('utf8')));
        expect(decoded).toEqual(table);
      }),
      { numRuns: 200 },
    );
  });

  it('end arbitrary bytes with items or a DamagedSource, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const text = Buffer.from(bytes);
        try {
          await collect(jsonValues(iterate([text]), 64));
          await collect(csvRecords(iterate([text.toString('latin1')]), 64));
        } catch (error) {
          expect(error).toBeInstanceOf(DamagedSource);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the WARC reader', () => {
  const page = responseRecord('https://a.com/1', '2016-05-01T00:00:00Z', httpResponse(200, 'OK', { 'Content-Type': 'text/html' }, '<html><body>x</body></html>'));
  const warc = buildWarc([page, page, page], 'record');

  it('gives records, or stops with a DamagedSource, on any damage to a crawl, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: warc.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.boolean(), async (at, byte, truncate) => {
        const damaged = Buffer.from(warc);
        damaged[at] = byte;
        const input = new ByteInput([truncate ? damaged.subarray(0, at) : damaged]);
        try {
          const records = await collect(readWarcRecords(input, () => true, 1 << 20));
          expect(records.length).toBeLessThanOrEqual(3);
        } catch (error) {
          expect(error).toBeInstanceOf(DamagedSource);
        }
      }),
      { numRuns: 300 },
    );
  });
});
