/**
 * Sources: files read as streams of units rather than as one page — crawls (WARC, and WACZ: Webrecorder's
 * zip of WARCs) and scraper exports (JSON lines, JSON, CSV). Each yields pages, export items, revisits,
 * records skipped by reason and problems, with the bytes of the file read so far.
 */
import type { FieldMap } from '../../../common/types.js';
import type { SourceFormat } from '../file-kinds.js';
import { fileKind } from '../file-kinds.js';
import { zipMembers } from '../zip.js';
import { ByteInput } from './byte-input.js';
import { exportEvents } from './export-source.js';
import type { SourceEvent } from './types.js';
import { warcEvents } from './warc-source.js';

export type { ExportItem, RevisitRecord, SourceEvent } from './types.js';
export { processItem } from './item-page.js';

export interface SourceOptions {
  fieldMap?: FieldMap;
}

/** The units of a WARC or an export read from `input`. */
export function streamEvents(format: Exclude<SourceFormat, 'wacz'>, input: ByteInput, displayPath: string, options: SourceOptions = {}): AsyncGenerator<SourceEvent> {
  return format === 'warc' ? warcEvents(input, displayPath) : exportEvents(input, displayPath, format, options.fieldMap);
}

/** The units of every WARC in a WACZ (under archive/); its page list, indexes and metadata are not needed. */
export async function* waczEvents(file: string, displayPath: string): AsyncGenerator<SourceEvent> {
  let done = 0;
  let warcs = 0;
  try {
    for await (const member of zipMembers(file)) {
      if (!member.name.startsWith('archive/') || fileKind(member.name) !== 'warc') continue;
      warcs++;
      const input = ByteInput.fromStream(await member.open());
      try {
        for await (const event of warcEvents(input, `${displayPath}!/${member.name}`)) {
          yield { ...event, consumed: done + Math.min(input.position, member.compressedSize) };
        }
      } finally {
        await input.close();
      }
      done += member.compressedSize;
    }
  } catch (error) {
    const message = `The WACZ file is damaged: ${(error as Error).message}`;
    yield { type: 'problem', rejection: { path: displayPath, reason: 'bad-zip', message }, consumed: done };
    return;
  }
  if (warcs === 0) {
    const message = 'The WACZ file holds no WARC files under archive/ (a web archive collection is a zip of archive/*.warc.gz).';
    yield { type: 'problem', rejection: { path: displayPath, reason: 'not-article', message }, consumed: done };
  }
}
