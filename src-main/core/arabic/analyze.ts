// What the archive stores and searches: normalised and stemmed text of documents, the analysis of
// one query word, and the identity key of a title.

import { scanWords } from './scanWords.js';
import { indexStems, stem } from './stem.js';
import { isStopword } from './stopwords.js';

export interface IndexText {
  /** The normalised words, space-joined (for FTS5 columns title/body: phrase queries). */
  norm: string;
  /** The stem tokens, space-joined; a word may contribute more than one (for title_stem/body_stem). */
  stem: string;
}

/** Normalised words and stem tokens of a document text (stem.ts: indexStems). */
export function analyzeForIndex(text: string): IndexText {
  const { norm, normBounds } = scanWords(text);
  const stems: string[] = [];
  for (let i = 0; i < normBounds.length; i += 2) {
    const forms = indexStems(norm.slice(normBounds[i], normBounds[i + 1]));
    for (let k = 0; k < forms.length; k++) stems.push(forms[k] ?? '');
  }
  return { norm, stem: stems.join(' ') };
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
  const { norm, normBounds } = scanWords(word);
  const norms: string[] = [];
  const stems: string[] = [];
  for (let i = 0; i < normBounds.length; i += 2) {
    const w = norm.slice(normBounds[i], normBounds[i + 1]);
    norms.push(w);
    stems.push(stem(w));
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
