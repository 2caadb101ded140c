// A word diff of two original texts. Words are the analyser's tokens (core/arabic tokenize): in
// `words` mode two words are the same when their normalised forms are (harakat, tatweel, hamza
// forms, ة/ه, ى/ي and digit shapes make no change); in `exact` mode when their original characters
// are. Spaces and punctuation are never a change on their own: each word carries the text up to
// the next word, and the operations give the original text back.

import type { DiffMode, DiffOp } from '../../common/types.js';
import { tokenize } from '../arabic/index.js';
import { diffSequences } from './sequence-diff.js';

export interface WordList {
  /** Comparison key of each word. */
  keys: string[];
  /** Original text of each word with what follows it up to the next word (the first also carries what precedes it). */
  pieces: string[];
}

export function wordsOf(text: string, mode: DiffMode): WordList {
  const tokens = tokenize(text);
  const keys: string[] = [];
  const pieces: string[] = [];
  tokens.forEach((t, i) => {
    keys.push(mode === 'words' ? t.norm : text.slice(t.start, t.end));
    pieces.push(text.slice(i === 0 ? 0 : t.start, tokens[i + 1]?.start ?? text.length));
  });
  return { keys, pieces };
}

/** The comparison key of a whole text (its words' keys, space-joined). */
export function textKey(text: string, mode: DiffMode): string {
  return wordsOf(text, mode).keys.join(' ');
}

export interface TextDiff {
  ops: DiffOp[];
  inserted: number;
  deleted: number;
}

export function diffWordLists(a: WordList, b: WordList): TextDiff {
  const ops: DiffOp[] = [];
  let inserted = 0;
  let deleted = 0;
  for (const run of diffSequences(a.keys, b.keys)) {
    if (run.op === 'equal') {
      const text = b.pieces.slice(run.bStart, run.bEnd).join('');
      const was = a.pieces.slice(run.aStart, run.aEnd).join('');
      ops.push(was === text ? { op: 'equal', text } : { op: 'equal', text, was });
    } else if (run.op === 'delete') {
      deleted += run.aEnd - run.aStart;
      ops.push({ op: 'delete', text: a.pieces.slice(run.aStart, run.aEnd).join('') });
    } else {
      inserted += run.bEnd - run.bStart;
      ops.push({ op: 'insert', text: b.pieces.slice(run.bStart, run.bEnd).join('') });
    }
  }
  return { ops, inserted, deleted };
}

export function diffTexts(a: string, b: string, mode: DiffMode): TextDiff {
  return diffWordLists(wordsOf(a, mode), wordsOf(b, mode));
}
