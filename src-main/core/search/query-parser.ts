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
// matches normalised words (and stems) that begin with it.
//
// Function words (في، من، على) are dropped beside other words, but searched when they are all the
// query has, and inside OR chains (الرياض OR في OR مصر keeps في, so the chain stays one OR group).
// A name typed with ي that is also a function word written with ى (علي beside على) is a word.

import { isNameBesideFunctionWord, PLAIN } from '../arabic/index.js';
import { isStopword, prefixStem, spellingReadings, tokenize, wordAlternatives, type Token, type WordFinal, type WordReading } from './analysis.js';
import { lex, type LexItem } from './lexer.js';

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
  /** How its last letter was typed (core/arabic/finals.ts: ة and ى are kept apart from ه and ي). */
  final: WordFinal;
  /** Only document words written with the same final letter match (علي typed with ي: the name, not على). */
  exactFinal: boolean;
}

export type Unit =
  /** All of these words (a chunk such as "covid-19" holds several). */
  | { kind: 'terms'; terms: QueryTerm[] }
  /**
   * These normalised words, adjacent and in order. `names` lists the words that must be written with
   * a final ي in the text (علي typed in a phrase is the name): their stems must also be present.
   */
  | { kind: 'phrase'; norms: string[]; names?: string[] };

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
  onlyExclusions: 'The query only excludes words (-word); add at least one word to search for.',
} as const;

interface Tally {
  words: number;
  stopWords: number;
}

function unitKey(u: Unit): string {
  return u.kind === 'phrase' ? `"${u.norms.join(' ')}"` : u.terms.map((t) => `${t.norm}${t.prefix ? '*' : ''}`).join('+');
}

/** True when the typed word is a function word: في, من, على (typed with ى); not علي typed with ي, the name. */
export function isQueryStopword(tok: Pick<Token, 'norm' | 'final'>): boolean {
  if (tok.final === PLAIN && isNameBesideFunctionWord(tok.norm)) return false;
  return isStopword(tok.norm);
}

/** One query word with the alternatives that make up for the stemmer and for how its last letter was typed. */
export function queryTerm(tok: Pick<Token, 'norm' | 'final'>): QueryTerm {
  const spelling = spellingReadings(tok.norm, tok.final);
  const alt = wordAlternatives(tok.norm, spelling.stem, tok.final);
  return {
    norm: tok.norm,
    stem: spelling.stem,
    prefix: false,
    altStems: [...alt.stems, ...spelling.stems.filter((s) => !alt.stems.includes(s))],
    altForms: [...alt.forms, ...spelling.forms.filter((f) => !alt.forms.includes(f))],
    readings: alt.readings,
    final: tok.final,
    exactFinal: spelling.exactFinal,
  };
}

function chunkUnit(text: string, prefix: boolean, tally: Tally, keepStopwords: boolean): Unit | null {
  const tokens = tokenize(text);
  const terms: QueryTerm[] = [];
  tokens.forEach((tok, i) => {
    if (terms.length >= MAX_TERMS_PER_CHUNK) return;
    tally.words++;
    const isPrefix = prefix && i === tokens.length - 1 && prefixStem(tok.norm).length >= MIN_PREFIX_LENGTH;
    if (isPrefix) {
      terms.push({ norm: tok.norm, stem: prefixStem(tok.norm), prefix: true, altStems: [], altForms: [], readings: [], final: PLAIN, exactFinal: false });
      return;
    }
    if (isQueryStopword(tok)) {
      tally.stopWords++;
      if (!keepStopwords) return;
    }
    if (terms.some((t) => t.norm === tok.norm && !t.prefix)) return;
    terms.push(queryTerm(tok));
  });
  return terms.length > 0 ? { kind: 'terms', terms } : null;
}

function phraseUnit(text: string, tally: Tally): Unit | null {
  const tokens = tokenize(text).slice(0, MAX_PHRASE_WORDS);
  const norms = tokens.map((t) => t.norm);
  tally.words += norms.length;
  if (norms.length === 0) return null;
  const names = tokens.filter((t) => t.final === PLAIN && isNameBesideFunctionWord(t.norm)).map((t) => t.norm);
  return names.length > 0 ? { kind: 'phrase', norms, names: [...new Set(names)] } : { kind: 'phrase', norms };
}

/** Items that stand beside an OR operator: their function words are searched (they are alternatives). */
function besideOr(items: LexItem[]): Set<number> {
  const out = new Set<number>();
  items.forEach((item, i) => {
    if (item.kind === 'or') return;
    if (items[i - 1]?.kind === 'or' || items[i + 1]?.kind === 'or') out.add(i);
  });
  return out;
}

/**
 * Parses a query; never throws. Function words are dropped beside other words; a query that has
 * nothing else is searched with them (a lone في finds articles with في, ranked by proximity).
 */
export function parseQuery(input: string): ParsedQuery {
  const items = lex(input);
  const first = parseItems(input, items, false);
  if (first.query.groups.length > 0 || first.stopWords === 0) return first.query;
  return parseItems(input, items, true).query;
}

function parseItems(input: string, items: LexItem[], keepAllStopwords: boolean): { query: ParsedQuery; stopWords: number } {
  const tally: Tally = { words: 0, stopWords: 0 };
  const groups: Unit[][] = [];
  const exclusions: Unit[] = [];
  const seen = new Set<string>();
  const inChain = besideOr(items);
  let orPending = false;
  let lastWasPositive = false;
  for (const [index, item] of items.entries()) {
    if (item.kind === 'or') {
      orPending = lastWasPositive;
      continue;
    }
    const keepStopwords = keepAllStopwords || (inChain.has(index) && !item.negated);
    const unit = item.kind === 'phrase' ? phraseUnit(item.text, tally) : chunkUnit(item.text, item.prefix, tally, keepStopwords);
    const joinPrevious = orPending;
    orPending = false;
    if (unit === null) {
      // Nothing to search in this item (punctuation, or a dropped function word): it does not break an OR chain.
      orPending = joinPrevious;
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
  const query: ParsedQuery = { groups, exclusions, problem: groups.length > 0 ? null : whyEmpty(input, exclusions.length) };
  return { query, stopWords: tally.stopWords };
}

function whyEmpty(input: string, exclusions: number): string {
  if (exclusions > 0) return PROBLEMS.onlyExclusions;
  if (input.trim().length === 0) return PROBLEMS.empty;
  return PROBLEMS.noWords;
}

/** Every positive unit of a parsed query (for highlighting and re-ranking). */
export function positiveUnits(q: ParsedQuery): Unit[] {
  return q.groups.flat();
}
