// The diff of two versions of an article: title and body word by word, author and section as
// values. Paragraphs are aligned first (unchanged paragraphs by their words, then, in each stretch
// between them, the removed and added paragraphs paired by the words they share), so a removed
// paragraph reads as removed, not as a run of deleted words glued to its neighbours, and the
// rows can be shown inline or side by side.

import type { DiffMode, DiffRow, FieldChange, VersionDiff } from '../../common/types.js';
import type { VersionText } from '../archive/version-text.js';
import { diffSequences } from './sequence-diff.js';
import { diffWordLists, textKey, wordsOf, type WordList } from './text-diff.js';

/** Two paragraphs are one paragraph edited when this share of their distinct words is common. */
const PAIR_SIMILARITY = 0.4;
/** Stretches with more paragraph pairs than this are not paired (every paragraph removed, then added). */
const MAX_PAIRING_CELLS = 40_000;

export type VersionTextDiff = Omit<VersionDiff, 'articleId' | 'from' | 'to' | 'mode'>;

export function diffVersionTexts(a: VersionText, b: VersionText, mode: DiffMode): VersionTextDiff {
  const title = diffWordLists(wordsOf(a.title, mode), wordsOf(b.title, mode));
  const body = diffParagraphs(a.paragraphs, b.paragraphs, mode);
  const author = fieldChange(a.author, b.author, mode);
  const section = fieldChange(a.section, b.section, mode);
  const inserted = title.inserted + body.inserted;
  const deleted = title.deleted + body.deleted;
  const differs = JSON.stringify([a.title, a.author, a.section, a.paragraphs]) !== JSON.stringify([b.title, b.author, b.section, b.paragraphs]);
  return {
    title: title.ops,
    author,
    section,
    paragraphs: body.rows,
    inserted,
    deleted,
    marksOnly: differs && inserted === 0 && deleted === 0 && author === null && section === null,
  };
}

function fieldChange(a: string | null, b: string | null, mode: DiffMode): FieldChange | null {
  if (a === b) return null;
  if (a !== null && b !== null && textKey(a, mode) === textKey(b, mode)) return null;
  return { from: a, to: b };
}

interface Paragraph {
  words: WordList;
  key: string;
}

function diffParagraphs(a: string[], b: string[], mode: DiffMode): { rows: DiffRow[]; inserted: number; deleted: number } {
  const pa = a.map((p) => paragraph(p, mode));
  const pb = b.map((p) => paragraph(p, mode));
  const rows: DiffRow[] = [];
  let inserted = 0;
  let deleted = 0;
  const emitPair = (x: Paragraph, y: Paragraph) => {
    const d = diffWordLists(x.words, y.words);
    inserted += d.inserted;
    deleted += d.deleted;
    rows.push({ kind: x.key === y.key ? 'same' : 'changed', ops: d.ops });
  };
  const emitDeleted = (x: Paragraph) => {
    deleted += x.words.keys.length;
    rows.push({ kind: 'deleted', ops: [{ op: 'delete', text: x.words.pieces.join('') }] });
  };
  const emitInserted = (y: Paragraph) => {
    inserted += y.words.keys.length;
    rows.push({ kind: 'inserted', ops: [{ op: 'insert', text: y.words.pieces.join('') }] });
  };
  const runs = diffSequences(
    pa.map((p) => p.key),
    pb.map((p) => p.key),
  );
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.op === 'equal') {
      for (let k = 0; k < run.aEnd - run.aStart; k++) emitPair(pa[run.aStart + k]!, pb[run.bStart + k]!);
      continue;
    }
    // A stretch of removed and/or added paragraphs (grouped: the delete run comes first).
    const next = runs[i + 1];
    const removed = run.op === 'delete' ? pa.slice(run.aStart, run.aEnd) : [];
    const added = run.op === 'insert' ? pb.slice(run.bStart, run.bEnd) : next?.op === 'insert' ? pb.slice(next.bStart, next.bEnd) : [];
    if (run.op === 'delete' && next?.op === 'insert') i++;
    for (const step of pairUp(removed, added)) {
      if (step.a !== null && step.b !== null) emitPair(step.a, step.b);
      else if (step.a !== null) emitDeleted(step.a);
      else if (step.b !== null) emitInserted(step.b);
    }
  }
  return { rows, inserted, deleted };
}

function paragraph(text: string, mode: DiffMode): Paragraph {
  const words = wordsOf(text, mode);
  if (words.keys.length === 0) return { words: { keys: [], pieces: [text] }, key: `\u0000${text}` };
  return { words, key: words.keys.join(' ') };
}

/** Dice similarity of the distinct words of two paragraphs. */
function similarity(a: Paragraph, b: Paragraph): number {
  const sa = new Set(a.words.keys);
  const sb = new Set(b.words.keys);
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return (2 * shared) / (sa.size + sb.size);
}

interface Step {
  a: Paragraph | null;
  b: Paragraph | null;
}

/**
 * An order-keeping pairing of removed and added paragraphs that maximises the total similarity of
 * the pairs (pairs below PAIR_SIMILARITY are not made): the rest are removed or added.
 */
function pairUp(removed: Paragraph[], added: Paragraph[]): Step[] {
  const n = removed.length;
  const m = added.length;
  if (n === 0 || m === 0 || n * m > MAX_PAIRING_CELLS) return [...removed.map((a) => ({ a, b: null })), ...added.map((b) => ({ a: null, b }))];
  const score = new Float64Array((n + 1) * (m + 1));
  const sim = new Float64Array(n * m);
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = similarity(removed[i - 1]!, added[j - 1]!);
      sim[(i - 1) * m + (j - 1)] = s;
      const pair = s >= PAIR_SIMILARITY ? score[at(i - 1, j - 1)]! + s : -1;
      score[at(i, j)] = Math.max(score[at(i - 1, j)]!, score[at(i, j - 1)]!, pair);
    }
  }
  const steps: Step[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0) {
      const s = sim[(i - 1) * m + (j - 1)]!;
      if (s >= PAIR_SIMILARITY && score[at(i, j)] === score[at(i - 1, j - 1)]! + s) {
        steps.push({ a: removed[--i]!, b: added[--j]! });
        continue;
      }
    }
    if (j > 0 && (i === 0 || score[at(i, j)] === score[at(i, j - 1)])) steps.push({ a: null, b: added[--j]! });
    else steps.push({ a: removed[--i]!, b: null });
  }
  return steps.reverse();
}
