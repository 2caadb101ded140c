// Relaxed matching: what search answers when no article holds all the words of a query.
//
//  1. Each word group's own hits are read (one small FTS5 query per group).
//  2. Words that failed are read again split at a leading clitic (فنار → ف + نار, وخيمه → و + خيمه):
//     a split is kept when it lets some article match more of the query than any did before (an
//     article with والقنصلية and إسطنبول and نار), so a word is never split for nothing. The splits
//     kept are the "did you mean" of the result.
//  3. The hits are the articles that match most of the groups (at least half of them, and never
//     fewer than the best article minus one), ranked by how many groups they match, then by BM25's
//     weighting of what they match: the idf of the matched groups, those in the headline first
//     (read from the small title index); then re-ranked by proximity from the text (rerank.ts).
//     FTS5's own bm25 over an OR of common words would read every hit's row (seconds at 100k).
//
// Filters and exclusions apply as in a strict search.

import type Database from 'better-sqlite3';
import type { SearchSuggestion } from '../../common/types.js';
import { tokenize, normalizeText } from './analysis.js';
import type { Budget } from './budget.js';
import { SELECT_HITS, TITLE_INDEX_COLUMNS, matchExpression } from './match-expression.js';
import type { ArchiveMeta } from './meta.js';
import { queryTerm, type ParsedQuery, type QueryTerm, type Unit } from './query-parser.js';
import { parseIdList, stmt } from './statements.js';
import { docFrequency } from './vocab.js';

/** Groups beyond this are not counted (bit masks). */
const MAX_COUNTED_GROUPS = 30;
/** Clitics (and clitic + article) a glued word may start with, longest first. */
const SPLITS = ['وبال', 'وكال', 'فبال', 'فكال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'فلل', 'لل', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];
const MIN_SPLIT_REST = 3;

export interface RelaxedMatch {
  /** The query as matched: each split word's group also holds its split reading (for highlights). */
  parsed: ParsedQuery;
  /** Relaxed hits before filters, by id. */
  unfiltered: Int32Array;
  /** Groups each article matches (index = article id): their number, and bit g for group g. */
  matched: Uint8Array;
  mask: Int32Array;
  /** Most groups any hit matches. */
  best: number;
  /** Weight of each group (idf within the archive), by group index. */
  weights: number[];
  suggestion: SearchSuggestion | null;
}

interface Split {
  group: number;
  word: QueryTerm;
  clitic: string;
  rest: QueryTerm;
}

function groupIds(db: Database.Database, units: Unit[]): Int32Array {
  const expr = matchExpression({ groups: [units], exclusions: [], problem: null }, { ...SELECT_HITS, exclusions: false });
  if (expr === null) return new Int32Array(0);
  return parseIdList(stmt(db, 'SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(expr) as string | null);
}

function exclusionIds(db: Database.Database, q: ParsedQuery): Int32Array {
  if (q.exclusions.length === 0) return new Int32Array(0);
  return groupIds(db, q.exclusions);
}

/** The clitic readings of a word: clitic + a rest the archive knows (its stem occurs). */
function splitsOf(db: Database.Database, word: QueryTerm): Array<{ clitic: string; rest: QueryTerm }> {
  if (word.prefix || !/^[\u0621-\u064a]+$/.test(word.norm)) return [];
  const out: Array<{ clitic: string; rest: QueryTerm }> = [];
  for (const clitic of SPLITS) {
    if (!word.norm.startsWith(clitic) || word.norm.length - clitic.length < MIN_SPLIT_REST) continue;
    const rest = queryTerm({ norm: word.norm.slice(clitic.length), final: word.final });
    if (rest.stem === word.stem || [rest.stem, ...rest.altStems].every((s) => docFrequency(db, s) === 0)) continue;
    out.push({ clitic, rest });
  }
  return out;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** The words of the query as typed, split where relaxed matching split them (for "did you mean"). */
function suggestionOf(input: string, splits: Split[]): SearchSuggestion | null {
  if (splits.length === 0) return null;
  let query = input;
  const parts: SearchSuggestion['splits'] = [];
  // Replace from the end so earlier offsets stay valid.
  const tokens = tokenize(input);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const s of splits) {
    const tok = tokens.find((t) => t.norm === s.word.norm);
    if (!tok) continue;
    const written = input.slice(tok.start, tok.end);
    // The clitic's letters in the written word (harakat and tatweel may sit between them).
    let cut = 0;
    let letters = 0;
    while (cut < written.length && letters < s.clitic.length) {
      if (normalizeText(written[cut]!) !== '') letters++;
      cut++;
    }
    while (cut < written.length && normalizeText(written[cut]!) === '') cut++;
    const head = written.slice(0, cut);
    const tail = written.slice(cut);
    edits.push({ start: tok.start, end: tok.end, text: `${head} ${tail}` });
    parts.push({ word: written, parts: [head, tail] });
  }
  if (edits.length === 0) return null;
  for (const e of edits.sort((a, b) => b.start - a.start)) query = query.slice(0, e.start) + e.text + query.slice(e.end);
  return { query, splits: parts };
}

/** Relaxed matching of a query that has no strict hit; null when it has a single group and no split helps. */
export function relaxedMatch(db: Database.Database, meta: ArchiveMeta, q: ParsedQuery, input: string, budget: Budget): RelaxedMatch | null {
  const groups = q.groups.slice(0, MAX_COUNTED_GROUPS);
  if (groups.length === 0) return null;
  const mask = new Int32Array(meta.size);
  const sizes: number[] = [];
  groups.forEach((units, g) => {
    const ids = groupIds(db, units);
    sizes.push(ids.length);
    for (let i = 0; i < ids.length; i++) if (ids[i]! < meta.size) mask[ids[i]!]! |= 1 << g;
  });
  let best = 0;
  for (let id = 0; id < mask.length; id++) if (mask[id] !== 0) best = Math.max(best, popcount(mask[id]!));
  if (budget.spent()) return null;

  // Splits of the single words of groups, kept when some article then matches more groups than `best`.
  const kept: Split[] = [];
  groups.forEach((units, g) => {
    if (budget.spent()) return;
    const words = units.flatMap((u) => (u.kind === 'terms' && u.terms.length === 1 ? u.terms : []));
    for (const word of words) {
      for (const { clitic, rest } of splitsOf(db, word)) {
        const ids = groupIds(db, [{ kind: 'terms', terms: [rest] }]);
        let helps = false;
        for (let i = 0; i < ids.length && !helps; i++) {
          const m = mask[ids[i]!] ?? 0;
          if ((m & (1 << g)) === 0 && popcount(m) + 1 > best) helps = true;
        }
        if (!helps) continue;
        kept.push({ group: g, word, clitic, rest });
        for (let i = 0; i < ids.length; i++) if (ids[i]! < meta.size) mask[ids[i]!]! |= 1 << g;
        sizes[g] = (sizes[g] ?? 0) + ids.length;
        break; // one split per word: the longest clitic that helps
      }
    }
    best = 0;
    for (let id = 0; id < mask.length; id++) if (mask[id] !== 0) best = Math.max(best, popcount(mask[id]!));
  });
  if (best === 0) return null;
  if (groups.length === 1 && kept.length === 0) return null;

  const excluded = exclusionIds(db, q);
  for (let i = 0; i < excluded.length; i++) if (excluded[i]! < meta.size) mask[excluded[i]!] = 0;
  const minimum = Math.max(1, Math.ceil(groups.length / 2), best - 1);
  const matched = new Uint8Array(meta.size);
  const hits: number[] = [];
  for (let id = 0; id < mask.length; id++) {
    const n = popcount(mask[id]!);
    if (n >= minimum) {
      matched[id] = n;
      hits.push(id);
    }
  }
  const widened: ParsedQuery = {
    ...q,
    groups: q.groups.map((units, g) => [...units, ...kept.filter((s) => s.group === g).map((s): Unit => ({ kind: 'terms', terms: [s.rest] }))]),
  };
  const total = Math.max(1, meta.articles);
  const weights = sizes.map((n) => Math.log(1 + (total - n + 0.5) / (n + 0.5)));
  return { parsed: widened, unfiltered: Int32Array.from(hits), matched, mask, best, weights, suggestion: suggestionOf(input, kept) };
}

export interface RelaxedRanked {
  id: number;
  /** Groups matched. */
  count: number;
  /** Within a count: the idf of the groups matched in the headline, then of all matched groups. */
  score: number;
}

/** Bit g set for the articles whose headline matches group g (titles_fts: short doclists). */
function titleMasks(db: Database.Database, q: ParsedQuery, size: number): Int32Array {
  const mask = new Int32Array(size);
  q.groups.slice(0, MAX_COUNTED_GROUPS).forEach((units, g) => {
    const expr = matchExpression({ groups: [units], exclusions: [], problem: null }, { columns: TITLE_INDEX_COLUMNS, words: 'stem', combine: 'all', exclusions: false });
    if (expr === null) return;
    const ids = parseIdList(stmt(db, 'SELECT group_concat(rowid) FROM titles_fts WHERE titles_fts MATCH ?').pluck().get(expr) as string | null);
    for (let i = 0; i < ids.length; i++) if (ids[i]! < size) mask[ids[i]!]! |= 1 << g;
  });
  return mask;
}

/** The relaxed hits that pass the filters (`ids`), best first. */
export function rankRelaxed(db: Database.Database, r: RelaxedMatch, ids: Int32Array): RelaxedRanked[] {
  const groups = Math.min(r.parsed.groups.length, MAX_COUNTED_GROUPS);
  const titles = titleMasks(db, r.parsed, r.mask.length);
  const weigh = (m: number): number => {
    let s = 0;
    for (let g = 0; g < groups; g++) if (m & (1 << g)) s += r.weights[g] ?? 0;
    return s;
  };
  const ranked: RelaxedRanked[] = Array.from(ids, (id) => {
    const m = r.mask[id] ?? 0;
    return { id, count: r.matched[id] ?? 0, score: 100 * weigh(m & (titles[id] ?? 0)) + weigh(m) };
  });
  ranked.sort((a, b) => b.count - a.count || b.score - a.score || b.id - a.id);
  return ranked;
}
