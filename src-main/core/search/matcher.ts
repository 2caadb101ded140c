// Finds the query's words in an original text the way the index matched them: a word by its exact
// normalised form or by its stem (against every stem the index holds for the document word), a
// prefix against normalised words and stems, a phrase as consecutive normalised words. Used for
// highlights, snippets and re-ranking.
//
// Speed: the text is scanned once (core/arabic scanWords: normalised words, space-joined, with
// their original offsets); each query needle is then located with indexOf in the normalised string
// and only the words it lands in are checked (a stem is always a substring of the word it comes
// from). No per-word objects or stemming for the words that cannot match.

import { PLAIN } from '../arabic/finals.js';
import { foldFinal, indexStems } from './analysis.js';
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
  /** What a word (or its stems) must be; a stem may end in ة or ى (core/arabic/finals.ts). */
  needle: string;
  /** Where to look for it in the normalised text (the needle with ة, ى folded to ه, ي). */
  locate: string;
  group: number;
  term: number;
  /** For phrases: the normalised words. */
  words?: string[];
  /** Words (and phrase words) that must be written with a final ي: علي, the name, not على. */
  names?: ReadonlySet<string>;
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
  const rule = (kind: RuleKind, needle: string, group: number, id: number, extra: Partial<Rule> = {}): void => {
    rules.push({ kind, needle, locate: foldFinal(needle), group, term: id, ...extra });
  };
  q.groups.forEach((units, group) => {
    for (const unit of units) {
      if (unit.kind === 'phrase') {
        rule('phrase', unit.norms[0] ?? '', group, term++, { words: unit.norms, ...(unit.names ? { names: new Set(unit.names) } : {}) });
        continue;
      }
      for (const t of unit.terms) {
        const id = term++;
        if (t.prefix) {
          rule('prefix', t.norm, group, id);
          if (t.stem.length >= 2) rule('prefix-stem', t.stem, group, id);
        } else {
          rule('norm', t.norm, group, id, t.exactFinal ? { names: new Set([t.norm]) } : {});
          rule('stem', t.stem, group, id);
          for (const alt of t.altStems) rule('stem', alt, group, id);
          for (const form of t.altForms) rule('form', form, group, id);
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

/** False when word k must be a name written with ي (rule.names) but the text writes it with ى. */
function spelledAsNamed(s: ScannedWords, k: number, word: string, names: ReadonlySet<string> | undefined): boolean {
  return names === undefined || !names.has(word) || (s.finals[k] ?? PLAIN) === PLAIN;
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
      const at = s.norm.indexOf(rule.locate, from);
      if (at < 0) break;
      const k = wordAt(s.normBounds, at);
      const wStart = s.normBounds[2 * k] as number;
      const wEnd = s.normBounds[2 * k + 1] as number;
      from = wEnd; // one check per word (needles hold no spaces, so never span two words)
      const word = s.norm.slice(wStart, wEnd);
      const final = s.finals[k] ?? PLAIN;
      switch (rule.kind) {
        case 'norm':
          if (word === needle && spelledAsNamed(s, k, word, rule.names)) add(k, k, rule, true);
          break;
        case 'form':
          if (word === needle) add(k, k, rule, false);
          break;
        case 'stem':
          if (indexStems(word, final).includes(needle)) add(k, k, rule, false);
          break;
        case 'prefix':
          if (at === wStart) add(k, k, rule, true);
          break;
        case 'prefix-stem':
          if (indexStems(word, final).some((st) => st.startsWith(needle))) add(k, k, rule, false);
          break;
        case 'phrase': {
          const words = rule.words ?? [];
          if (word !== needle || k + words.length > s.normBounds.length / 2) break;
          let ok = spelledAsNamed(s, k, word, rule.names);
          for (let i = 1; i < words.length && ok; i++) ok = wordOf(s, k + i) === words[i] && spelledAsNamed(s, k + i, words[i]!, rule.names);
          if (ok) add(k, k + words.length - 1, rule, true);
          break;
        }
      }
    }
  }
  out.sort((a, b) => a.start - b.start || a.term - b.term);
  return out;
}
