import { describe, expect, it } from 'vitest';
import { ByteInput } from '../../../src-main/core/importer/sources/byte-input.js';
import { csvRecords, detectDelimiter } from '../../../src-main/core/importer/sources/csv-records.js';
import { FieldFinder } from '../../../src-main/core/importer/sources/export-fields.js';
import { exportEvents, type ExportFormat } from '../../../src-main/core/importer/sources/export-source.js';
import { itemDateTime } from '../../../src-main/core/importer/sources/item-dates.js';
import { pageOfItem } from '../../../src-main/core/importer/sources/item-page.js';
import { jsonLines, jsonValues } from '../../../src-main/core/importer/sources/json-items.js';
import type { ExportItem, SourceEvent } from '../../../src-main/core/importer/sources/types.js';
import { encode1256 } from '../../corpus/encode.js';

function pieces(text: string | Buffer, size: number): Buffer[] {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* iterate<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

const texts = (items: Array<{ line: number; bytes: Buffer | null }>) => items.map((i) => [i.line, i.bytes?.toString('utf8') ?? null]);

describe('jsonLines', () => {
  it('gives each non-blank line with its number, across chunk boundaries, and flags a line over the limit', async () => {
    const text = '{"a":1}\r\n\n  \n{"b":"x\\ny"}\n' + `{"c":"${'z'.repeat(100)}"}\n{"d":4}`;
    for (const size of [1, 5, 1000]) {
      const items = await collect(jsonLines(iterate(pieces(text, size)), 50));
      expect(texts(items)).toEqual([
        [1, '{"a":1}\r'],
        [4, '{"b":"x\\ny"}'],
        [5, null],
        [6, '{"d":4}'],
      ]);
    }
  });
});

describe('jsonValues', () => {
  it('gives the elements of a top-level array, with the line each starts on, whatever is inside their strings', async () => {
    const text = '[\n {"t": "a ] } [ { \\" ,"},\n {"t": "b", "n": [1, {"x": 2}]}, "scalar", 12 ,\n null]\n';
    for (const size of [1, 3, 1000]) {
      const items = await collect(jsonValues(iterate(pieces(text, size)), 1 << 20));
      expect(texts(items)).toEqual([
        [2, '{"t": "a ] } [ { \\" ,"}'],
        [3, '{"t": "b", "n": [1, {"x": 2}]}'],
        [3, '"scalar"'],
        [3, '12'],
        [4, 'null'],
      ]);
    }
  });

  it('reads top-level values one after another (JSON lines saved as .json) and a minified array', async () => {
    expect(texts(await collect(jsonValues(iterate(pieces('{"a":1}\n{"a":2} {"a":3}', 4)), 1 << 20)))).toEqual([
      [1, '{"a":1}'],
      [2, '{"a":2}'],
      [2, '{"a":3}'],
    ]);
    expect(texts(await collect(jsonValues(iterate(pieces('[{"a":1},{"a":2}]', 1000)), 1 << 20)))).toEqual([
      [1, '{"a":1}'],
      [1, '{"a":2}'],
    ]);
  });

  it('stops with the line where the structure breaks or the file ends', async () => {
    await expect(collect(jsonValues(iterate(pieces('[{"a":1},\n{"a":2}}', 100)), 1 << 20))).rejects.toThrow(/line 2: an unmatched "}"/);
    await expect(collect(jsonValues(iterate(pieces('[{"a":1},\n{"a":"2', 100)), 1 << 20))).rejects.toThrow(/line 2: the file ends inside an item/);
    await expect(collect(jsonValues(iterate(pieces('[{"a":1}]\n{"b":2}', 100)), 1 << 20))).rejects.toThrow(/after the end of the top-level array/);
  });
});

describe('csvRecords', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, with the line each record starts on', async () => {
    const text = 'title,text,date\r\n"A, b","line 1\nline ""2""",2016-05-01\r\n\r\nC,plain,\r\n"D",,"x"';
    for (const size of [1, 2, 7, 1000]) {
      const records = await collect(csvRecords(iterate(pieces(text, size).map((b) => b.toString('latin1'))), 1 << 20));
      expect(records).toEqual([
        { line: 1, fields: ['title', 'text', 'date'] },
        { line: 2, fields: ['A, b', 'line 1\nline "2"', '2016-05-01'] },
        { line: 5, fields: ['C', 'plain', ''] },
        { line: 6, fields: ['D', '', 'x'] },
      ]);
    }
  });

  it('takes the delimiter the header uses most, and stops at a quote that never closes', async () => {
    expect(detectDelimiter('title;text;"a,b"\nx')).toBe(';');
    expect(detectDelimiter('title\ttext\tdate')).toBe('\t');
    expect(detectDelimiter('title')).toBe(',');
    const runaway = `title,text\nT,"${'x'.repeat(2000)}`;
    await expect(collect(csvRecords(iterate([runaway.slice(0, 1000), runaway.slice(1000)]), 500))).rejects.toThrow(/line 2/);
    await expect(collect(csvRecords(iterate(['a,b\n"x']), 1 << 20))).rejects.toThrow(/ends inside a quoted field that starts on line 2/);
  });
});

describe('FieldFinder', () => {
  const finder = new FieldFinder();
  it('finds the fields of news-please, Scrapy and trafilatura items by their names', () => {
    expect(
      finder.map({ title: 'T', text: null, maintext: 'P1\nP2', date_publish: '2016-05-01 10:00:00', date_download: '2016-05-02 08:00:00', source_domain: 'a.com', authors: ['A', 'B'], url: 'https://a.com/1' }),
    ).toEqual({
      ok: true,
      item: { title: 'T', body: 'P1\nP2', date: '2016-05-01 10:00:00', url: 'https://a.com/1', author: 'A، B', section: null, site: 'a.com', scraped: '2016-05-02 08:00:00', readCount: null },
    });
    expect(finder.map({ Headline: 'T', Body: ['P1', 'P2'], Category: ['Sport', 'News'], 'Date-Published': 1462096800, views: '1,204' })).toMatchObject({
      ok: true,
      item: { title: 'T', body: ['P1', 'P2'], section: 'Sport', date: '1462096800', readCount: 1204 },
    });
    // trafilatura: the URL is under "source" (only taken when it is one), the site under "hostname".
    expect(finder.map({ title: 'T', text: 'P', source: 'https://a.com/x', hostname: 'a.com' })).toMatchObject({ ok: true, item: { url: 'https://a.com/x', site: 'a.com' } });
    expect(finder.map({ title: 'T', text: 'P', source: 'aawsat' })).toMatchObject({ ok: true, item: { url: null } });
    expect(finder.map({ title: 'T', author: { '@type': 'Person', name: 'N' }, content: 'P' })).toMatchObject({ ok: true, item: { author: 'N' } });
  });

  it('says what is missing, and follows a mapping (dotted names reach into objects)', () => {
    expect(finder.map({ name: 'x', price: 3 })).toEqual({ ok: false, missing: ['title', 'body'] });
    expect(finder.map({ title: 'T', story_text: 'P' })).toEqual({ ok: false, missing: ['body'] });
    const mapped = new FieldFinder({ body: 'story_text', date: 'meta.Published' });
    expect(mapped.map({ title: 'T', story_text: 'P', text: 'not this', meta: { published: '2016-05-01' } })).toMatchObject({ ok: true, item: { body: 'P', date: '2016-05-01' } });
    expect(mapped.map({ title: 'T', text: 'P' })).toEqual({ ok: false, missing: ['body'] });
  });
});

describe('itemDateTime', () => {
  it('reads the dates exports write, keeping the wall time written', () => {
    expect(itemDateTime('2016-05-01 10:20:30')).toBe('2016-05-01T10:20:30');
    expect(itemDateTime('2016-05-01T10:20:30.123+03:00')).toBe('2016-05-01T10:20:30');
    expect(itemDateTime('2016-05-01')).toBe('2016-05-01T00:00:00');
    expect(itemDateTime('Sun, 01 May 2016 10:20:30 +0300')).toBe('2016-05-01T10:20:30');
    expect(itemDateTime('1462098030')).toBe('2016-05-01T10:20:30');
    expect(itemDateTime('1462098030000')).toBe('2016-05-01T10:20:30');
    expect(itemDateTime('الأحد 1 أيار 2016')).toBe('2016-05-01T00:00:00');
    expect(itemDateTime('yesterday')).toBeNull();
    expect(itemDateTime(null)).toBeNull();
  });
});

const ITEM: ExportItem = {
  title: 'عنوان الخبر.. بقلم: كاتب المقال',
  body: '',
  date: '2016-05-01 10:20:30',
  url: 'https://www.Example.com/news/1',
  author: null,
  section: 'سياسة',
  site: null,
  scraped: '2016-05-02T09:00:00Z',
  readCount: null,
  encoding: 'utf-8',
};
const LONG = 'قالت مصادر مطلعة إن المفاوضات بين الأطراف المعنية ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين كاملين.';

describe('pageOfItem', () => {
  it('splits plain text into paragraphs as page layouts split lines, and takes the fields the item gives', () => {
    const outcome = pageOfItem({ ...ITEM, body: `عنوان الخبر\r\n\r\n  ${LONG}\u00a0\n\nالفقرة الثانية من الخبر.\n` });
    expect(outcome).toMatchObject({
      ok: true,
      page: {
        title: 'عنوان الخبر',
        author: 'كاتب المقال',
        publishedAt: '2016-05-01T10:20:30',
        scrapedOn: '2016-05-02',
        site: 'example.com',
        section: 'سياسة',
        url: 'https://www.Example.com/news/1',
        paragraphs: [LONG, 'الفقرة الثانية من الخبر.'],
        format: 'text',
      },
      encoding: 'utf-8',
    });
  });

  it('reads HTML in the text field with the page reader, never carrying scripts or handlers', () => {
    const outcome = pageOfItem({ ...ITEM, body: `<p>${LONG}</p><script>alert(1)</script><p onclick="x()">${LONG} ثانية</p>` });
    expect(outcome).toMatchObject({ ok: true, page: { format: 'html', title: 'عنوان الخبر', publishedAt: '2016-05-01T10:20:30', paragraphs: [LONG, `${LONG} ثانية`] } });
  });

  it('is no article without text', () => {
    expect(pageOfItem({ ...ITEM, body: ' \n ' })).toMatchObject({ ok: false, reason: 'not-article' });
  });
});

async function events(format: ExportFormat, content: Buffer | string, mapping = {}): Promise<SourceEvent[]> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return collect(exportEvents(new ByteInput(pieces(bytes, 64)), 'x/items', format, mapping));
}

describe('exportEvents', () => {
  it('gives items addressed by line, and problems for items without title or text, for bad JSON and for non-objects', async () => {
    const jsonl = ['{"title":"T1","text":"P1"}', '{"title":"T2"}', 'not json', '[1,2]', '{"headline":"T5","body":"P5"}'].join('\n');
    const got = await events('jsonl', jsonl);
    expect(got.map((e) => [e.type, 'path' in e ? e.path : e.type === 'problem' ? e.rejection.path : '', e.type === 'problem' ? e.rejection.reason : ''])).toEqual([
      ['item', 'x/items#1', ''],
      ['problem', 'x/items#2', 'not-article'],
      ['problem', 'x/items#3', 'unreadable'],
      ['problem', 'x/items#4', 'not-article'],
      ['item', 'x/items#5', ''],
    ]);
    const problems = got.flatMap((e) => (e.type === 'problem' ? [e.rejection] : []));
    expect(problems.map((p) => p.path)).toEqual(['x/items#2', 'x/items#3', 'x/items#4']);
    expect(problems[0]?.message).toBe('The item on line 2 has no text.');
    expect(problems[2]?.message).toMatch(/line 4 is a list/);
  });

  it('rejects a file whose items are not articles once, naming their fields and the mapping to use', async () => {
    const products = Array.from({ length: 30 }, (_, i) => JSON.stringify({ sku: i, name: `p${i}`, price: 3 })).join('\n');
    const got = await events('jsonl', products);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'problem', rejection: { path: 'x/items', reason: 'not-article' } });
    expect(got[0]?.type === 'problem' && got[0].rejection.message).toMatch(/none of the first 20.*Their fields: sku, name, price.*--map body=FIELD/);
    const mapped = await events('jsonl', products, { title: 'name', body: 'name' });
    expect(mapped.filter((e) => e.type === 'item')).toHaveLength(30);
  });

  it('numbers items of a minified JSON array by line and order, reads CSV and windows-1256 and UTF-16 exports', async () => {
    const json = await events('json', '[{"title":"T1","text":"P1"},{"title":"T2","text":"P2"}]');
    expect(json.map((e) => ('path' in e ? e.path : ''))).toEqual(['x/items#1', 'x/items#1.2']);
    const csv = await events('csv', '\ufefftitle;body\r\n"عنوان؛ أول";نص\r\nT2;P2\r\n');
    expect(csv.map((e) => (e.type === 'item' ? [e.path, e.item.title, e.item.body] : e.type))).toEqual([
      ['x/items#2', 'عنوان؛ أول', 'نص'],
      ['x/items#3', 'T2', 'P2'],
    ]);
    const legacy = encode1256('title,text\r\nعنوان الخبر الأول,نص الخبر الأول بالعربية\r\n') as Buffer;
    const fromLegacy = await events('csv', legacy);
    expect(fromLegacy[0]).toMatchObject({ type: 'item', item: { title: 'عنوان الخبر الأول', encoding: 'windows-1256' } });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"title":"عنوان","text":"نص"}\n', 'utf16le')]);
    expect((await events('jsonl', utf16))[0]).toMatchObject({ type: 'item', item: { title: 'عنوان', encoding: 'utf-16le' } });
  });

  it('reports damage with its line after the items before it, and an empty export', async () => {
    const got = await events('json', '[{"title":"T1","text":"P1"},\n{"title":"T2","text":"P2"}}');
    expect(got.map((e) => e.type)).toEqual(['item', 'item', 'problem']);
    expect(got[2]).toMatchObject({ rejection: { reason: 'damaged', path: 'x/items', message: expect.stringContaining('line 2') } });
    expect(await events('jsonl', '\n\n')).toMatchObject([{ type: 'problem', rejection: { reason: 'empty' } }]);
  });
});
