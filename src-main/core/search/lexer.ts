// The first pass over a user's query: split the raw text into chunks, phrases and operators. Nothing
// here knows Arabic; query-parser.ts turns chunks into normalised words with core/arabic.
//
//   chunk   := any run of characters up to whitespace or an opening quote
//   phrase  := "…" | “…” | «…»        (an unclosed quote runs to the end of the input)
//   -X      := X excluded ('-' or '−' glued to a chunk or a phrase; a lone '-' is punctuation)
//   OR      := the chunks OR, | , ||, and the Arabic أو (any spelling: او, أَوْ …) between two items
//   X*      := a chunk ending in '*' is a prefix (only its last word)

export type LexItem =
  | { kind: 'chunk'; text: string; negated: boolean; prefix: boolean }
  | { kind: 'phrase'; text: string; negated: boolean }
  | { kind: 'or' };

const CLOSING: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u00ab': '\u00bb', '\u201e': '\u201c' };
const MINUS = new Set(['-', '\u2212', '\u2013']);
/** Spellings of the Arabic "or" once harakat are dropped (أو, او, إو are all typed for it). */
const ARABIC_OR = /^[\u0627\u0623\u0625\u0622][\u0648]$/;
const HARAKAT = /[\u064b-\u065f\u0670\u0640]/g;

function isSpace(c: string): boolean {
  return /\s/u.test(c) || c === '\u200f' || c === '\u200e' || c === '\u061c';
}

function isOperatorOr(text: string): boolean {
  if (text === 'OR' || text === '|' || text === '||') return true;
  return ARABIC_OR.test(text.replace(HARAKAT, ''));
}

/** Splits a raw query into items. Never throws; any string is a valid input. */
export function lex(input: string): LexItem[] {
  const items: LexItem[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (MINUS.has(c)) {
      let j = i;
      while (j < n && MINUS.has(input[j] as string)) j++;
      if (j >= n || isSpace(input[j] as string)) {
        i = j; // a lone minus is punctuation
        continue;
      }
      negated = true;
      i = j;
    }
    const q = input[i] as string;
    const close = CLOSING[q];
    if (close !== undefined) {
      let end = input.indexOf(close, i + 1);
      if (close === '\u201d') {
        const ascii = input.indexOf('"', i + 1);
        if (ascii >= 0 && (end < 0 || ascii < end)) end = ascii;
      }
      const stop = end < 0 ? n : end;
      items.push({ kind: 'phrase', text: input.slice(i + 1, stop), negated });
      i = end < 0 ? n : end + 1;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = input[i] as string;
      if (isSpace(d) || CLOSING[d] !== undefined) break;
      i++;
    }
    let text = input.slice(start, i);
    if (!negated && isOperatorOr(text)) {
      items.push({ kind: 'or' });
      continue;
    }
    let prefix = false;
    const trimmed = text.replace(/\*+$/, '');
    if (trimmed.length < text.length) {
      prefix = true;
      text = trimmed;
    }
    if (text.length > 0) items.push({ kind: 'chunk', text, negated, prefix });
  }
  return items;
}
