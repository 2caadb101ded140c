// The query language (docs/design.md, "Search semantics"), parsed into normalised words with
// core/arabic. The result is a small tree that match-expression.ts rebuilds into FTS5 syntax, so the
// user's raw text never reaches MATCH.
//
//   query     := item*                      all groups must match (AND)
//   item      := unit | unit (OR unit)+     OR binds adjacent units into one group
//   unit      := word | chunk | "phrase" | word*
//   -unit     := exclusion (NOT)
//
// A word matches through its stem (clitic forms, light suffixes) and, for ranking, its exact
// normalised surface; a phrase matches its normalised words in order, without stemming; a prefix
// matches normalised words (and stems) that begin with it. Stop-words are dropped outside phrases.

import { isStopword, prefixStem, tokenize, wordAlternatives, type WordReading } from './analysis.js';
import { lex } from './lexer.js';

export interface QueryTerm {
  /** The normalised word (or prefix). */
  norm: string;
  /** Its query-side stem (for a prefix: the prefix without an article). */
  stem: string;
  prefix: boolean;
  /** More stems it may be indexed under, and exact clitic forms indexed under other stems (analysis.ts: wordAlternatives). */
  altStems: string[];
  altForms: string[];
  /** Readings of its first letters as clitics, settled by the archive's frequencies (search.ts: resolveReadings). */
  readings: WordReading[];
}

export type Unit =
  /** All of these words (a chunk such as "covid-19" holds several). */
  | { kind: 'terms'; terms: QueryTerm[] }
  /** These normalised words, adjacent and in order. */
  | { kind: 'phrase'; norms: string[] };

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its units does. */
  groups: Unit[][];
  /** No hit may match any of these. */
  exclusions: Unit[];
  /** Why nothing can match, or null. */
  problem: string | null;
}

/** Limits that keep every MATCH expression small and fast, whatever is pasted into the box. */
export const MAX_GROUPS = 24;
export const MAX_UNITS_PER_GROUP = 8;
export const MAX_EXCLUSIONS = 12;
export const MAX_PHRASE_WORDS = 16;
export const MAX_TERMS_PER_CHUNK = 8;
/** Letters a prefix needs after any article (ال وال بال لل …): shorter ones would expand to a large part of the vocabulary, so they are searched as whole words. */
export const MIN_PREFIX_LENGTH = 3;

export const PROBLEMS = {
  empty: 'The query is empty: type one or more words to search for.',
  noWords: 'The query has no words to search for (only punctuation, symbols or marks).',
  onlyStopWords:
    'The query has only very common words (such as في، من، على) that are not searched on their own; add a more specific word, or put the words in "quotes" to search for them as a phrase.',
  onlyExclusions: 'The query only excludes words (-word); add at least one word to search for.',
} as const;

interface Tally {
  words: number;
  stopWords: number;
}

function unitKey(u: Unit): string {
  return u.kind === 'phrase' ? `"${u.norms.join(' ')}"` : u.terms.map((t) => `${t.norm}${t.prefix ? '*' : ''}`).join('+');
}

function chunkUnit(text: string, prefix: boolean, tally: Tally): Unit | null {
  const tokens = tokenize(text);
  const terms: QueryTerm[] = [];
  tokens.forEach((tok, i) => {
    if (terms.length >= MAX_TERMS_PER_CHUNK) return;
    tally.words++;
    const isPrefix = prefix && i === tokens.length - 1 && prefixStem(tok.norm).length >= MIN_PREFIX_LENGTH;
    if (isPrefix) {
      terms.push({ norm: tok.norm, stem: prefixStem(tok.norm), prefix: true, altStems: [], altForms: [], readings: [] });
      return;
    }
    if (isStopword(tok.norm)) {
      tally.stopWords++;
      return;
    }
    if (terms.some((t) => t.norm === tok.norm && !t.prefix)) return;
    const alt = wordAlternatives(tok.norm, tok.stem);
    terms.push({ norm: tok.norm, stem: tok.stem, prefix: false, altStems: alt.stems, altForms: alt.forms, readings: alt.readings });
  });
  return terms.length > 0 ? { kind: 'terms', terms } : null;
}

function phraseUnit(text: string, tally: Tally): Unit | null {
  const norms = tokenize(text)
    .slice(0, MAX_PHRASE_WORDS)
    .map((t) => t.norm);
  tally.words += norms.length;
  return norms.length > 0 ? { kind: 'phrase', norms } : null;
}

/** Parses a query; never throws. */
export function parseQuery(input: string): ParsedQuery {
  const tally: Tally = { words: 0, stopWords: 0 };
  const groups: Unit[][] = [];
  const exclusions: Unit[] = [];
  const seen = new Set<string>();
  let orPending = false;
  let lastWasPositive = false;
  for (const item of lex(input)) {
    if (item.kind === 'or') {
      orPending = lastWasPositive;
      continue;
    }
    const unit = item.kind === 'phrase' ? phraseUnit(item.text, tally) : chunkUnit(item.text, item.prefix, tally);
    const joinPrevious = orPending;
    orPending = false;
    if (unit === null) {
      lastWasPositive = false;
      continue;
    }
    const key = unitKey(unit);
    if (item.negated) {
      lastWasPositive = false;
      if (exclusions.length < MAX_EXCLUSIONS && !seen.has(`-${key}`)) exclusions.push(unit);
      seen.add(`-${key}`);
      continue;
    }
    lastWasPositive = true;
    const last = groups[groups.length - 1];
    if (joinPrevious && last !== undefined) {
      if (last.length < MAX_UNITS_PER_GROUP && !last.some((u) => unitKey(u) === key)) last.push(unit);
      continue;
    }
    if (seen.has(key) || groups.length >= MAX_GROUPS) continue;
    seen.add(key);
    groups.push([unit]);
  }
  return { groups, exclusions, problem: groups.length > 0 ? null : whyEmpty(input, exclusions.length, tally) };
}

function whyEmpty(input: string, exclusions: number, tally: Tally): string {
  if (exclusions > 0) return PROBLEMS.onlyExclusions;
  if (tally.stopWords > 0) return PROBLEMS.onlyStopWords;
  if (input.trim().length === 0) return PROBLEMS.empty;
  return PROBLEMS.noWords;
}

/** Every positive unit of a parsed query (for highlighting and re-ranking). */
export function positiveUnits(q: ParsedQuery): Unit[] {
  return q.groups.flat();
}
