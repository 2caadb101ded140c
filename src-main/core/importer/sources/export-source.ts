/**
 * A scraper export (JSON lines, JSON, CSV) → one unit per item, addressed `file#line` (`file#line.k` for
 * the k-th item starting on the same line). An item without a title or a text is a problem with its
 * line; a file whose first items are none of them articles is rejected as a whole, with its fields named.
 */
import type { FieldMap, Rejection } from '../../../common/types.js';
import { DamagedSource, type ByteInput } from './byte-input.js';
import { csvRecords } from './csv-records.js';
import { FieldFinder, usualNames } from './export-fields.js';
import { asciiCompatibleChunks, decoderLabel, itemEncoding, sniffEncoding, type ExportEncoding } from './export-text.js';
import { jsonLines, jsonValues } from './json-items.js';
import type { SourceEvent, SourceUnit } from './types.js';

export type ExportFormat = 'jsonl' | 'json' | 'csv';

/** An item larger than this is no article. */
export const MAX_ITEM_BYTES = 16 * 1024 * 1024;
/** Items looked at before a file whose items are not articles is rejected. */
const ITEMS_TO_JUDGE = 20;
const FIELDS_NAMED = 12;

interface ExportRecord {
  line: number;
  record: Record<string, unknown> | null;
  /** Why the item could not be read (record null). */
  problem?: Omit<Rejection, 'path'>;
}

async function* jsonRecords(input: ByteInput, encoding: ExportEncoding, format: 'jsonl' | 'json'): AsyncGenerator<ExportRecord> {
  const chunks = asciiCompatibleChunks(input, encoding);
  const items = format === 'jsonl' ? jsonLines(chunks, MAX_ITEM_BYTES) : jsonValues(chunks, MAX_ITEM_BYTES);
  const decoder = new TextDecoder(itemEncoding(encoding), { fatal: true });
  for await (const { line, bytes } of items) {
    if (bytes === null) {
      yield { line, record: null, problem: { reason: 'too-large', message: `The item on line ${line} is larger than ${MAX_ITEM_BYTES / 1024 / 1024} MB.` } };
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      yield { line, record: null, problem: { reason: 'decode', message: `The item on line ${line} is not valid ${itemEncoding(encoding).toUpperCase()} text.` } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, record: null, problem: { reason: 'unreadable', message: `The item on line ${line} is not valid JSON: ${(error as Error).message}` } };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, record: null, problem: { reason: 'not-article', message: `The item on line ${line} is ${Array.isArray(value) ? 'a list' : `a ${value === null ? 'null' : typeof value}`}, not an object with fields.` } };
      continue;
    }
    yield { line, record: value as Record<string, unknown> };
  }
}

async function* decodedText(input: ByteInput, encoding: ExportEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(decoderLabel(encoding));
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

async function* csvItems(input: ByteInput, encoding: ExportEncoding): AsyncGenerator<ExportRecord> {
  let header: string[] | null = null;
  for await (const { line, fields } of csvRecords(decodedText(input, encoding), MAX_ITEM_BYTES)) {
    if (header === null) {
      header = fields.map((name, i) => name.trim() || `column ${i + 1}`);
      continue;
    }
    const record: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const value = fields[i];
      if (value !== undefined && !(name in record)) record[name] = value;
    });
    yield { line, record };
  }
}

function notArticles(path: string, judged: number, keys: string[]): SourceUnit {
  const names = keys.slice(0, FIELDS_NAMED).join(', ') + (keys.length > FIELDS_NAMED ? ', …' : '');
  const usual = (field: 'title' | 'body') => usualNames(field).slice(0, 5).join(', ');
  return {
    type: 'problem',
    rejection: {
      path,
      reason: 'not-article',
      message:
        `The items of this export are not articles: none of the first ${judged} has both a title and a text. ` +
        `Their fields: ${names || '(none)'}. Articles need a title (${usual('title')}) and a text (${usual('body')}); ` +
        `for other names give a field mapping, e.g. --map body=FIELD.`,
    },
  };
}

/** The units of one export file. */
export async function* exportEvents(input: ByteInput, displayPath: string, format: ExportFormat, mapping: FieldMap = {}): AsyncGenerator<SourceEvent> {
  const at = (unit: SourceUnit): SourceEvent => ({ ...unit, consumed: input.position });
  const encoding = await sniffEncoding(input);
  if (encoding === null) {
    yield at({ type: 'problem', rejection: { path: displayPath, reason: 'decode', message: 'The export is not UTF-8 (or UTF-16) text, nor Arabic windows-1256.' } });
    return;
  }
  const finder = new FieldFinder(mapping);
  const records = format === 'csv' ? csvItems(input, encoding) : jsonRecords(input, encoding, format);
  const waiting: SourceEvent[] = [];
  let judged = 0;
  let articles = false;
  const keys = new Set<string>();
  let lastLine = 0;
  let sameLine = 1;
  const address = (line: number): string => {
    sameLine = line === lastLine ? sameLine + 1 : 1;
    lastLine = line;
    return `${displayPath}#${line}${sameLine > 1 ? `.${sameLine}` : ''}`;
  };
  try {
    for await (const { line, record, problem } of records) {
      const path = address(line);
      let event: SourceEvent;
      if (record === null) event = at({ type: 'problem', rejection: { path, ...(problem ?? { reason: 'unreadable', message: `Line ${line} cannot be read.` }) } });
      else {
        const mapped = finder.map(record);
        if (!articles) {
          judged++;
          for (const k of Object.keys(record)) keys.add(k);
        }
        if (mapped.ok) {
          articles = true;
          event = at({ type: 'item', path, item: { ...mapped.item, encoding } });
        } else {
          const what = mapped.missing.map((f) => (f === 'body' ? 'text' : f)).join(' and no ');
          event = at({ type: 'problem', rejection: { path, reason: 'not-article', message: `The item on line ${line} has no ${what}.` } });
        }
      }
      if (articles) {
        yield* waiting.splice(0);
        yield event;
      } else if (judged >= ITEMS_TO_JUDGE) {
        yield at(notArticles(displayPath, judged, [...keys]));
        return;
      } else waiting.push(event);
    }
  } catch (error) {
    if (!(error instanceof DamagedSource)) throw error;
    yield* waiting.splice(0);
    yield at({ type: 'problem', rejection: { path: displayPath, reason: 'damaged', message: `The export is damaged: ${error.message}; the items before it were read.` } });
    return;
  }
  if (!articles && judged > 0) yield at(notArticles(displayPath, judged, [...keys]));
  else if (!articles && waiting.length === 0) yield at({ type: 'problem', rejection: { path: displayPath, reason: 'empty', message: 'The export holds no items.' } });
  else yield* waiting;
}
