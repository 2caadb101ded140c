// tokenize: the words of an original text with their offsets, normalised forms and stems.

import { PLAIN, type WordFinal } from './finals.js';
import { scanWords } from './scanWords.js';
import { stem } from './stem.js';

export interface Token {
  /** UTF-16 offset of the word's first code unit in the original text. */
  start: number;
  /** UTF-16 offset just past the word in the original text (original.slice(start, end) is the word). */
  end: number;
  /** The normalised word: only characters FTS5's unicode61 keeps inside a token, never empty. */
  norm: string;
  /** The query-side stem of norm as written (stem.ts; a final ة or ى is kept). */
  stem: string;
  /** How the word's last letter was written (finals.ts): ة and ى fold into ه and ي in norm. */
  final: WordFinal;
}

/**
 * Splits an original (un-normalised) text into words. A word is a maximal run of letters and digits
 * in which harakat, tatweel, other combining marks and ZWNJ/ZWJ do not split; runs that normalise to
 * nothing (a lone haraka) are dropped. Offsets point into the original, so a UI can highlight it.
 */
export function tokenize(original: string): Token[] {
  const { norm, normBounds, spans, finals } = scanWords(original);
  const tokens: Token[] = [];
  for (let i = 0; i < normBounds.length; i += 2) {
    const word = norm.slice(normBounds[i], normBounds[i + 1]);
    const final = finals[i / 2] ?? PLAIN;
    tokens.push({ start: spans[i] ?? 0, end: spans[i + 1] ?? 0, norm: word, stem: stem(word, final), final });
  }
  return tokens;
}
