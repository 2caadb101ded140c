// Finds the query's words in an original text the way the index matched them: a word by its exact
// normalised form or by its stem (against every stem the index holds for the document word), a
// prefix against normalised words and stems, a phrase as consecutive normalised words. Used for
// highlights, snippets and re-ranking.
//
// Speed: the text is scanned once (core/arabic scanWords: normalised words, space-joined, with
// their original offsets); each query needle is then located with indexOf in the normalised string
// and only the words it lands in are checked (a stem is always a substring of the word it comes
// from). No per-word objects or stemming for the words that cannot match.

import { indexStems } from './analysis.js';
import { scanWords, type ScannedWords } from '../arabic/scanWords.js';
import type { ParsedQuery } from './query-parser.js';

export type { ScannedWords };

export interface TermMatch {
  /** Index of the first and last word of the match. */
  first: number;
  last: number;
  /** UTF-16 range in the original text. */
  start: number;
  end: number;
  /** Index of the query group (AND position) this match satisfies. */
  group: number;
  /** Index of the query word or phrase. */
  term: number;
  /** True when the normalised surface equals the query's (not only the stem). */
  exact: boolean;
}

type RuleKind = 'norm' | 'form' | 'stem' | 'prefix' | 'prefix-stem' | 'phrase';

interface Rule {
  kind: RuleKind;
  needle: string;
  group: number;
  term: number;
  /** For phrases: the normalised words. */
  words?: string[];
}

export interface Matcher {
  /** Number of AND groups and of distinct words/phrases in the query. */
  groups: number;
  terms: number;
  /** The matches in a scanned text, ordered by position. */
  match(scanned: ScannedWords): TermMatch[];
}

export function scan(text: string): ScannedWords {
  return scanWords(text);
}

export function buildMatcher(q: ParsedQuery): Matcher {
  const rules: Rule[] = [];
  let term = 0;
  q.groups.forEach((units, group) => {
    for (const unit of units) {
      if (unit.kind === 'phrase') {
        rules.push({ kind: 'phrase', needle: unit.norms[0] ?? '', group, term: term++, words: unit.norms });
        continue;
      }
      for (const t of unit.terms) {
        const id = term++;
        if (t.prefix) {
          rules.push({ kind: 'prefix', needle: t.norm, group, term: id });
          if (t.stem.length >= 2) rules.push({ kind: 'prefix-stem', needle: t.stem, group, term: id });
        } else {
          rules.push({ kind: 'norm', needle: t.norm, group, term: id });
          rules.push({ kind: 'stem', needle: t.stem, group, term: id });
          for (const alt of t.altStems) rules.push({ kind: 'stem', needle: alt, group, term: id });
          for (const form of t.altForms) rules.push({ kind: 'form', needle: form, group, term: id });
        }
      }
    }
  });
  return {
    groups: q.groups.length,
    terms: term,
    match: (scanned) => findMatches(scanned, rules),
  };
}

/** Index of the word whose normalised form contains offset `at` of the normalised string. */
function wordAt(bounds: number[], at: number): number {
  let lo = 0;
  let hi = bounds.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((bounds[2 * mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function wordOf(s: ScannedWords, k: number): string {
  return s.norm.slice(s.normBounds[2 * k], s.normBounds[2 * k + 1]);
}

function findMatches(s: ScannedWords, rules: Rule[]): TermMatch[] {
  const out: TermMatch[] = [];
  if (s.normBounds.length === 0) return out;
  const taken = new Set<number>(); // word * 4096 + term: one match per word and query word
  const add = (first: number, last: number, rule: Rule, exact: boolean): void => {
    const key = first * 4096 + rule.term;
    if (taken.has(key)) {
      if (!exact) return;
      const prior = out.find((m) => m.first === first && m.term === rule.term);
      if (prior) prior.exact = true;
      return;
    }
    taken.add(key);
    out.push({ first, last, start: s.spans[2 * first] as number, end: s.spans[2 * last + 1] as number, group: rule.group, term: rule.term, exact });
  };
  for (const rule of rules) {
    const needle = rule.needle;
    if (needle.length === 0) continue;
    let from = 0;
    for (;;) {
      const at = s.norm.indexOf(needle, from);
      if (at < 0) break;
      const k = wordAt(s.normBounds, at);
      const wStart = s.normBounds[2 * k] as number;
      const wEnd = s.normBounds[2 * k + 1] as number;
      from = wEnd; // one check per word (needles hold no spaces, so never span two words)
      const word = s.norm.slice(wStart, wEnd);
      switch (rule.kind) {
        case 'norm':
          if (word === needle) add(k, k, rule, true);
          break;
        case 'form':
          if (word === needle) add(k, k, rule, false);
          break;
        case 'stem':
          if (indexStems(word).includes(needle)) add(k, k, rule, false);
          break;
        case 'prefix':
          if (at === wStart) add(k, k, rule, true);
          break;
        case 'prefix-stem':
          if (indexStems(word).some((st) => st.startsWith(needle))) add(k, k, rule, false);
          break;
        case 'phrase': {
          const words = rule.words ?? [];
          if (word !== needle || k + words.length > s.normBounds.length / 2) break;
          let ok = true;
          for (let i = 1; i < words.length && ok; i++) ok = wordOf(s, k + i) === words[i];
          if (ok) add(k, k + words.length - 1, rule, true);
          break;
        }
      }
    }
  }
  out.sort((a, b) => a.start - b.start || a.term - b.term);
  return out;
}
