// scanWords: one pass over an original text that finds its words and writes their normalised forms,
// space-joined, into one string. tokenize(), analyzeForIndex() and titleKey() are views of it.
//
// A word is a maximal run of letters, digits, combining marks and in-word joiners (chars.ts: KIND),
// so harakat, tatweel and ZWNJ never split a word (unlike SQLite's unicode61). The run's normalised
// form keeps only characters that unicode61 treats as token characters; if NFKC turns part of a run
// into separators (ﷺ → "صلى الله عليه وسلم", ½ → "1⁄2"), the run yields several words that share
// the run's original span. A run whose normalised form is empty (a lone haraka) yields no word.

import * as chars from './chars.js';
import { isJoinerCodeUnit, isMarkCodePoint, isTokenCodePoint } from './chars.js';
import { CodeBuffer } from './codeBuffer.js';
import { finalOf, type WordFinal } from './finals.js';

export interface ScannedWords {
  /** The normalised words joined by single spaces. */
  norm: string;
  /** Word i is norm.slice(normBounds[2i], normBounds[2i+1]). */
  normBounds: number[];
  /** Word i comes from original.slice(spans[2i], spans[2i+1]) (UTF-16 offsets). */
  spans: number[];
  /** How word i ends as written (finals.ts): ة and ى, which normalisation folds into ه and ي. */
  finals: WordFinal[];
}

const out = new CodeBuffer();

// Module-local copies: some transpilers turn imported bindings into getters, too slow for this loop.
const FOLD = chars.FOLD;
const KIND = chars.KIND;
const SEP = chars.SEP;
const WORD = chars.WORD;
const JOIN = chars.JOIN;
const HIGH = chars.HIGH;
const WORD_NFKC = chars.WORD_NFKC;
const JOIN_NFKC = chars.JOIN_NFKC;

/** Kind of the character at i, resolving surrogate pairs (returns SEP for lone surrogates). */
function kindAt(text: string, i: number): number {
  const k = KIND[text.charCodeAt(i)] ?? SEP;
  if (k !== HIGH) return k;
  const cp = text.codePointAt(i) ?? 0;
  if (cp < 0x10000) return SEP;
  if (isTokenCodePoint(cp)) return WORD_NFKC;
  if (isMarkCodePoint(cp)) return JOIN_NFKC;
  return SEP;
}

/** The code units of the last scanWords() result: its norm string, unit for unit (valid until the next call). */
export function lastScanUnits(): Uint16Array {
  return out.raw;
}

export function scanWords(text: string): ScannedWords {
  const n = text.length;
  const normBounds: number[] = [];
  const spans: number[] = [];
  const finals: WordFinal[] = [];
  out.reset(n + 1);
  let i = 0;
  while (i < n) {
    let k = KIND[text.charCodeAt(i)] ?? SEP;
    if (k === SEP) {
      i++;
      continue;
    }
    if (k === HIGH) k = kindAt(text, i);
    if (k === SEP) {
      i++;
      continue;
    }
    // A run starts at i: extend it, noting whether any character needs the NFKC path.
    const start = i;
    let slow = false;
    while (i < n) {
      let kk = KIND[text.charCodeAt(i)] ?? SEP;
      if (kk === WORD || kk === JOIN) {
        i++;
        continue;
      }
      if (kk === HIGH) kk = kindAt(text, i);
      if (kk === SEP) break;
      slow = true;
      i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
    }
    if (slow) appendSlow(text.slice(start, i), start, i, normBounds, spans, finals);
    else appendFast(text, start, i, normBounds, spans, finals);
  }
  return { norm: out.toString(), normBounds, spans, finals };
}

/** Run of WORD/JOIN characters only: fold each code unit; JOIN characters fold to 0 (dropped). */
function appendFast(text: string, start: number, end: number, normBounds: number[], spans: number[], finals: WordFinal[]): void {
  const sep = normBounds.length > 0 ? 1 : 0;
  out.reserve(end - start + sep);
  if (sep) out.push(0x20);
  const wordStart = out.length;
  let last = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = FOLD[c] ?? 0;
    if (f !== 0) {
      out.push(f);
      last = c;
    }
  }
  if (out.length === wordStart) {
    out.length -= sep;
    return;
  }
  normBounds.push(wordStart, out.length);
  spans.push(start, end);
  finals.push(finalOf(last));
}

/** Run with characters that may change under NFKC: normalise it, then fold code point by code point. */
function appendSlow(run: string, start: number, end: number, normBounds: number[], spans: number[], finals: WordFinal[]): void {
  const s = run.normalize('NFKC');
  let wordStart = -1;
  let last = 0;
  const close = (): void => {
    if (wordStart < 0) return;
    if (out.length === wordStart) {
      out.length -= normBounds.length > 0 ? 1 : 0;
    } else {
      normBounds.push(wordStart, out.length);
      spans.push(start, end);
      finals.push(finalOf(last));
    }
    wordStart = -1;
    last = 0;
  };
  const open = (): void => {
    if (wordStart >= 0) return;
    out.reserve(1);
    if (normBounds.length > 0) out.push(0x20);
    wordStart = out.length;
  };
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isTokenCodePoint(cp)) {
      open();
      if (width === 1) {
        const f = FOLD[cp] ?? 0;
        if (f !== 0) {
          out.reserve(1);
          out.push(f);
          last = cp;
        }
      } else {
        const lower = String.fromCodePoint(cp).toLowerCase();
        out.reserve(lower.length);
        for (let k = 0; k < lower.length; k++) out.push(lower.charCodeAt(k));
        last = 0;
      }
    } else if (!(isMarkCodePoint(cp) || (width === 1 && (isJoinerCodeUnit(cp) || FOLD[cp] === 0)))) {
      close(); // NFKC produced a separator inside the run: split here
    }
    i += width;
  }
  close();
}
