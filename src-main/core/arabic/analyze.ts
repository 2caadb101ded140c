// What the archive stores and searches: normalised and stemmed text of documents, the analysis of
// one query word, and the identity key of a title.

import { lastScanUnits, scanWords } from './scanWords.js';
import { indexStemsUncached, stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { StemTextCache, hashUnits } from './stemTextCache.js';
import { CodeBuffer } from './codeBuffer.js';
import { PLAIN } from './finals.js';

export interface IndexText {
  /** The normalised words, space-joined (for FTS5 columns title/body: phrase queries). */
  norm: string;
  /** The stem tokens, space-joined; a word may contribute more than one (for title_stem/body_stem). */
  stem: string;
}

/**
 * Space-joined index stems of a normalised word, looked up by its code units and final (finals.ts:
 * how the word's last letter was written), with no string per word.
 */
const stemTexts = new StemTextCache();
const stemOut = new CodeBuffer();

/** Normalised words and stem tokens of a document text (stem.ts: indexStemsWith). */
export function analyzeForIndex(text: string): IndexText {
  const { norm, normBounds, finals } = scanWords(text);
  const units = lastScanUnits();
  const n = normBounds.length / 2;
  const stems = stemOut;
  stems.reset(norm.length * 2 + 16);
  // The output array and its length are kept in locals through the loop (a hit copies a few code units).
  let out = stems.raw;
  let length = 0;
  for (let i = 0; i < n; i++) {
    const a = normBounds[2 * i] ?? 0;
    const b = normBounds[2 * i + 1] ?? 0;
    const final = finals[i] ?? PLAIN;
    const h = hashUnits(units, a, b);
    let slot = stemTexts.find(units, a, b, final, h);
    if (slot < 0) slot = stemTexts.add(units, a, b, final, h, indexStemsUncached(norm.slice(a, b), final).join(' '));
    const pool = stemTexts.pool;
    const from = stemTexts.valueAt(slot);
    const to = from + stemTexts.valueLength(slot);
    if (length + (to - from) + 1 > out.length) {
      stems.length = length;
      stems.reserve(to - from + 1);
      out = stems.raw;
    }
    if (i > 0) out[length++] = 0x20;
    for (let k = from; k < to; k++) out[length++] = pool[k] ?? 0;
  }
  stems.length = length;
  return { norm, stem: stems.toString() };
}

export interface QueryWord {
  /** The normalised words, space-joined (usually one; none for punctuation; several for "U.S." or "ﷺ"). */
  norm: string;
  /** The normalised words. */
  norms: string[];
  /** One query-side stem per normalised word, to match against the stem columns. */
  stems: string[];
  /** True when there is at least one word and every word is a function word (stopwords.ts). */
  stopword: boolean;
}

/** The analysis of one word of a query (the query parser has already removed quotes, "-", "*", OR). */
export function analyzeQueryWord(word: string): QueryWord {
  const { norm, normBounds, finals } = scanWords(word);
  const norms: string[] = [];
  const stems: string[] = [];
  for (let i = 0; i < normBounds.length; i += 2) {
    const w = norm.slice(normBounds[i], normBounds[i + 1]);
    norms.push(w);
    stems.push(stem(w, finals[i / 2] ?? PLAIN));
  }
  return { norm, norms, stems, stopword: norms.length > 0 && norms.every(isStopword) };
}

/**
 * The identity key of a title: its normalised words joined by single spaces (no stemming), so the
 * same article is recognised across scrapes whatever its harakat, tatweel, hamza forms, digits or
 * punctuation, and ticker headlines link to articles.
 */
export function titleKey(title: string): string {
  return scanWords(title).norm;
}
