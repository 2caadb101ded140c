// Character tables shared by normalize.ts and tokenize.ts. The rules are the functions computeFold and
// computeKind below; the tables every process uses are decoded from charTables.ts, generated from those
// rules (tests/tools/arabic-lists/build-char-tables.ts) and checked against them by a unit test.
// Decoding takes a few milliseconds, computing 40–80 ms of CPU — which every `arshif` command and
// every thread would otherwise pay at start-up. Frozen tables also keep the index and the queries in
// step when the runtime's Unicode data (toLowerCase, \p{L}) differs, e.g. Electron's V8 and Node's.
//
// FOLD maps one UTF-16 code unit to its normalised code unit (0 = drop). It holds every rule of
// "Search semantics" that works character by character; NFKC (which may change a string's length)
// is applied before FOLD, and only where KIND says a character may need it.
//
// KIND classifies a code unit for the tokenizer:
//   SEP        separator (punctuation, spaces, symbols, bidi controls, lone low surrogates)
//   WORD       letter/digit that needs no NFKC (ASCII, the Arabic block)
//   JOIN       inside a word but dropped from its normalised form (Arabic harakat, Quranic marks,
//              superscript alef, ZWNJ/ZWJ, soft hyphen, word joiner)
//   WORD_NFKC  letter/digit that may change under NFKC (presentation forms, Latin-1, …)
//   JOIN_NFKC  combining mark outside the Arabic block (may compose under NFKC)
//   HIGH       high surrogate: classify the code point of the pair (slow path)

import { FOLD_TABLE, KIND_TABLE } from './charTables.js';

export const SEP = 0;
export const WORD = 1;
export const JOIN = 2;
export const WORD_NFKC = 3;
export const JOIN_NFKC = 4;
export const HIGH = 5;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{Co}]$/u;
const MARK = /^\p{M}$/u;

/**
 * Letters that JavaScript (Unicode 15+) calls letters but SQLite's unicode61 tokenizer (older Unicode
 * tables) treats as separators; they are dropped from normalised words so that FTS5 re-tokenises a
 * space-joined list of normalised words into exactly those words.
 */
function isSqliteSeparatorLetter(cp: number): boolean {
  return (cp >= 0x19b0 && cp <= 0x19c0) || cp === 0x19c8 || cp === 0x19c9 || cp === 0x1cf2 || cp === 0x1cf3;
}

/** True when the code point is one FTS5 unicode61 keeps inside tokens and that we keep in normalised words. */
export function isTokenCodePoint(cp: number): boolean {
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) && !isSqliteSeparatorLetter(cp);
}

/** True for combining marks (any script): they never split a word and are dropped from its normalised form. */
export function isMarkCodePoint(cp: number): boolean {
  return MARK.test(String.fromCodePoint(cp));
}

/** Invisible characters that join a word rather than separate it: ZWNJ, ZWJ, soft hyphen, word joiner. */
export function isJoinerCodeUnit(c: number): boolean {
  return c === 0x200c || c === 0x200d || c === 0x00ad || c === 0x2060;
}

/** Code units of the Arabic block whose NFKC differs from themselves (ٵ ٶ ٷ ٸ → letter + high hamza). */
function arabicNeedsNfkc(c: number): boolean {
  return c >= 0x0675 && c <= 0x0678;
}

function isArabicDroppedMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) || // harakat, tanwin, shadda, sukun, hamza/madda above and below, …
    c === 0x0670 || // superscript (dagger) alef
    (c >= 0x0610 && c <= 0x061a) || // Quranic honorifics and small marks
    (c >= 0x06d6 && c <= 0x06ed) || // Quranic annotation signs, small waw/yeh, pause marks
    (c >= 0x08d3 && c <= 0x08ff && c !== 0x08e2) || // Arabic Extended-A Quranic marks
    c === 0x0674 // high hamza (what NFKC leaves of ٵ ٶ ٷ ٸ)
  );
}

/** FOLD from its rules (slow: ~65,536 toLowerCase calls). */
export function computeFold(): Uint16Array {
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      fold[c] = c;
      continue;
    }
    const lower = String.fromCharCode(c).toLowerCase();
    fold[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  fold[0x0130] = 0x0069; // İ → i (toLowerCase gives i + combining dot)
  fold[0x03c2] = 0x03c3; // ς → σ, as SQLite's unicode61 folds it
  fold[0x0000] = 0;

  const set = (to: number, ...from: number[]): void => {
    for (const f of from) fold[f] = to;
  };
  const ALEF = 0x0627;
  const WAW = 0x0648;
  const YEH = 0x064a;
  const HEH = 0x0647;
  const KAF = 0x0643;
  set(ALEF, 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673); // آ أ إ ٱ ٲ ٳ → ا
  set(YEH, 0x0649, 0x0626, 0x06cc, 0x06d0, 0x06cd, 0x06ce, 0x06d2, 0x06d3); // ى ئ ی ې ۍ ێ ے ۓ → ي
  set(HEH, 0x0629, 0x06c0, 0x06c1, 0x06c2, 0x06c3, 0x06d5, 0x06be); // ة ۀ ہ ۂ ۃ ە ھ → ه
  set(WAW, 0x0624, 0x06c4, 0x06c5, 0x06c6, 0x06c7, 0x06c8, 0x06c9, 0x06ca, 0x06cb, 0x06cf); // ؤ ۄ ۅ ۆ ۇ ۈ ۉ ۊ ۋ ۏ → و
  set(KAF, 0x06a9, 0x06aa); // ک ڪ → ك
  set(0x062a, 0x0679); // ٹ → ت
  set(0x062f, 0x0688); // ڈ → د
  set(0x0631, 0x0691); // ڑ → ر
  set(0x0646, 0x06ba); // ں → ن
  for (let d = 0; d < 10; d++) {
    fold[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
    fold[0x06f0 + d] = 0x30 + d; // Eastern Arabic-Indic (Persian/Urdu) digits
  }
  for (let c = 0; c < 0x10000; c++) {
    if (isArabicDroppedMark(c) || isJoinerCodeUnit(c)) fold[c] = 0;
  }
  fold[0x0640] = 0; // tatweel
  return fold;
}

/** KIND from its rules (slow: ~65,536 Unicode property tests). */
export function computeKind(): Uint8Array {
  const kind = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      kind[c] = HIGH;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue; // lone low surrogate: separator
    if (isJoinerCodeUnit(c)) {
      kind[c] = JOIN;
      continue;
    }
    const fast = c < 0x00a0 || (c >= 0x0600 && c <= 0x06ff && !arabicNeedsNfkc(c));
    const s = String.fromCharCode(c);
    if (LETTER_OR_DIGIT.test(s)) {
      if (isArabicDroppedMark(c) || c === 0x0640) kind[c] = JOIN; // small waw/yeh (Lm), high hamza, tatweel
      else kind[c] = fast ? WORD : WORD_NFKC;
    } else if (MARK.test(s)) {
      kind[c] = fast ? JOIN : JOIN_NFKC;
    }
  }
  return kind;
}

/** FOLD from charTables.ts: identity, except for the listed code units. */
export function decodeFold(encoded: string): Uint16Array {
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) fold[c] = c;
  let c = 0;
  for (const entry of encoded.split(' ').filter(Boolean)) {
    const [gap, to] = entry.split(':') as [string, string];
    c += parseInt(gap, 36);
    fold[c] = parseInt(to, 36);
  }
  return fold;
}

/** KIND from charTables.ts: runs of `length` code units of one kind, `<length in base 36><kind digit>`. */
export function decodeKind(encoded: string): Uint8Array {
  const kind = new Uint8Array(0x10000);
  let c = 0;
  for (const run of encoded.split(' ').filter(Boolean)) {
    const length = parseInt(run.slice(0, -1), 36);
    kind.fill(run.charCodeAt(run.length - 1) - 48, c, c + length);
    c += length;
  }
  return kind;
}

export function encodeFold(fold: Uint16Array): string {
  const entries: string[] = [];
  let previous = 0;
  for (let c = 0; c < fold.length; c++) {
    if (fold[c] === c) continue;
    entries.push(`${(c - previous).toString(36)}:${fold[c]!.toString(36)}`);
    previous = c;
  }
  return entries.join(' ');
}

export function encodeKind(kind: Uint8Array): string {
  const runs: string[] = [];
  for (let start = 0; start < kind.length; ) {
    let end = start + 1;
    while (end < kind.length && kind[end] === kind[start]) end++;
    runs.push(`${(end - start).toString(36)}${kind[start]}`);
    start = end;
  }
  return runs.join(' ');
}

export const FOLD: Uint16Array = decodeFold(FOLD_TABLE);
export const KIND: Uint8Array = decodeKind(KIND_TABLE);
