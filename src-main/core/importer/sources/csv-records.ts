/**
 * CSV records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), streamed from decoded
 * text, each with the line it starts on. The delimiter (comma, semicolon, tab or bar) is the one the
 * header line uses most.
 */
import { DamagedSource } from './byte-input.js';

export interface CsvRecord {
  line: number;
  fields: string[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter the first line (outside quotes) uses most; a comma when none. */
export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && DELIMITERS.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Records of CSV text; throws DamagedSource when a record grows past the limit (a quote never closed). */
export async function* csvRecords(texts: AsyncIterable<string>, maxRecordChars: number): AsyncGenerator<CsvRecord> {
  let delimiter: string | null = null;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let recordChars = 0;
  let inQuotes = false;
  /** A quote inside a quoted field, waiting for the next character (another quote, or the field's end). */
  let quotePending = false;
  let fieldStarted = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = (out: CsvRecord[]): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
    fields = [];
    recordChars = 0;
  };

  for await (const text of texts) {
    delimiter ??= detectDelimiter(text);
    const out: CsvRecord[] = [];
    let run = 0; // start of plain characters not yet added to `field`
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quotePending) {
        quotePending = false;
        if (ch === '"') {
          field += '"';
          run = i + 1;
          continue;
        }
        inQuotes = false;
        run = i;
      }
      if (inQuotes) {
        if (ch === '"') {
          field += text.slice(run, i);
          quotePending = true;
          run = i + 1;
        } else if (ch === '\n') line++;
        continue;
      }
      if (ch === delimiter || ch === '\n' || ch === '\r' || (ch === '"' && !fieldStarted)) {
        field += text.slice(run, i);
        run = i + 1;
        if (ch === '"') {
          inQuotes = true;
          fieldStarted = true;
          continue;
        }
        if (ch === delimiter) endField();
        else if (ch === '\n') {
          if (fields.length > 0 || field.length > 0 || fieldStarted) endRecord(out);
          line++;
          recordLine = line;
        }
        continue;
      }
      fieldStarted = true;
    }
    field += text.slice(run);
    recordChars += text.length;
    if (recordChars > maxRecordChars && out.length === 0) {
      throw new DamagedSource(`the record that starts on line ${recordLine} runs on past ${Math.round(maxRecordChars / 1024 / 1024)} MB (a quote that never closes?)`, recordLine);
    }
    if (out.length > 0) recordChars = field.length;
    yield* out;
  }
  if (inQuotes && !quotePending) throw new DamagedSource(`the file ends inside a quoted field that starts on line ${recordLine} (cut short)`, recordLine);
  if (fields.length > 0 || field.length > 0 || fieldStarted) {
    const out: CsvRecord[] = [];
    endRecord(out);
    yield* out;
  }
}
