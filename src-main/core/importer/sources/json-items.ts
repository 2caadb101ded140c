/**
 * Items of JSON exports, streamed: one per line (JSON lines), or the elements of a top-level array (a
 * JSON file; also top-level values one after another, as some tools write JSON lines into `.json`).
 * Only the structure is scanned here (strings, nesting); each item is parsed on its own, so a damaged
 * item is one problem and a multi-GB export needs memory for one item at a time.
 */
import { DamagedSource } from './byte-input.js';

export interface RawItem {
  /** The line (1-based) where the item starts. */
  line: number;
  /** The item's bytes; null when it is larger than the limit. */
  bytes: Buffer | null;
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  return true;
}

/** Collects an item's bytes across chunks, up to a limit. */
class ItemBytes {
  private parts: Buffer[] = [];
  private size = 0;
  private tooLarge = false;

  constructor(private readonly maxBytes: number) {}

  add(piece: Buffer): void {
    if (this.tooLarge || piece.length === 0) return;
    if (this.size + piece.length > this.maxBytes) {
      this.tooLarge = true;
      this.parts = [];
      return;
    }
    this.parts.push(piece);
    this.size += piece.length;
  }

  get empty(): boolean {
    return !this.tooLarge && this.size === 0;
  }

  take(): Buffer | null {
    const out = this.tooLarge ? null : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.tooLarge = false;
    return out;
  }
}

/** JSON lines: each non-blank line is an item. */
export async function* jsonLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<RawItem> {
  let line = 1;
  const item = new ItemBytes(maxBytes);
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      item.add(chunk.subarray(from, nl < 0 ? chunk.length : nl));
      if (nl < 0) break;
      const bytes = item.take();
      if (bytes === null || !isBlank(bytes)) yield { line, bytes };
      line++;
      from = nl + 1;
    }
  }
  if (!item.empty) {
    const bytes = item.take();
    if (bytes === null || !isBlank(bytes)) yield { line, bytes };
  }
}

const QUOTE = 0x22;
/** Deeper nesting is no export item (and would cost memory to track). */
const MAX_DEPTH = 10_000;
const BACKSLASH = 0x5c;

/**
 * JSON: the elements of a top-level array, or each top-level value when the file holds several.
 * Throws DamagedSource (with the line) where the structure breaks: the items before it have been given.
 */
export async function* jsonValues(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<RawItem> {
  let line = 1;
  /** The open brackets: "}" or "]" expected to close each (its length is the nesting depth). */
  const closers: number[] = [];
  let inString = false;
  let escaped = false;
  /** null until the first value: whether the file is one array whose elements are the items. */
  let topArray: boolean | null = null;
  let itemDepth = 0;
  let arrayClosed = false;
  let collecting = false;
  let scalar = false;
  let itemLine = 0;
  const item = new ItemBytes(maxBytes);
  const damaged = (what: string) => new DamagedSource(`the JSON is damaged at line ${line}: ${what}`, line);

  for await (const chunk of chunks) {
    const done: RawItem[] = [];
    let segment = collecting ? 0 : -1;
    const start = (at: number, isScalar: boolean): void => {
      if (arrayClosed) throw damaged('data after the end of the top-level array');
      collecting = true;
      scalar = isScalar;
      segment = at;
      itemLine = line;
    };
    const end = (at: number): void => {
      item.add(chunk.subarray(segment, at));
      done.push({ line: itemLine, bytes: item.take() });
      collecting = false;
      segment = -1;
    };
    let broken: unknown = null;
    try {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i] as number;
        if (b === 0x0a) line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) {
            inString = false;
            if (collecting && scalar && closers.length === itemDepth) end(i + 1);
          }
          continue;
        }
        const delimiter = b === 0x2c || b === 0x5d || b === 0x7d || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
        if (collecting && scalar && delimiter) end(i);
        if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x2c) continue;
        if (b === 0x7b || b === 0x5b) {
          if (closers.length >= MAX_DEPTH) throw damaged(`nested more than ${MAX_DEPTH} deep`);
          if (topArray === null) {
            topArray = b === 0x5b;
            itemDepth = topArray ? 1 : 0;
          }
          if (!collecting && closers.length === itemDepth) start(i, false);
          closers.push(b + 2); // "{" + 2 = "}", "[" + 2 = "]"
          continue;
        }
        if (b === 0x7d || b === 0x5d) {
          if (closers.pop() !== b) throw damaged(`an unmatched "${String.fromCharCode(b)}"`);
          if (collecting && !scalar && closers.length === itemDepth) end(i + 1);
          if (topArray === true && closers.length === 0) arrayClosed = true;
          continue;
        }
        if (topArray === null) {
          topArray = false;
          itemDepth = 0;
        }
        if (!collecting && closers.length === itemDepth) start(i, true);
        if (b === QUOTE) inString = true;
      }
    } catch (error) {
      broken = error;
    }
    if (broken !== null) {
      yield* done; // the items before the damage
      throw broken;
    }
    if (collecting && segment >= 0) item.add(chunk.subarray(segment));
    yield* done;
  }
  if (collecting && scalar && !inString) {
    yield { line: itemLine, bytes: item.take() };
    collecting = false;
  }
  if (inString || collecting || closers.length > 0) throw damaged('the file ends inside an item (cut short)');
}
