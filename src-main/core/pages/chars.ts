/**
 * Small character-level helpers shared by the page parsers: trimming (NBSP, zero-width and bidi marks
 * included), digit folding, letter counting and a light Arabic fold used only to match keywords.
 */

/** Spaces, NBSP, zero-width and bidi marks that pages scatter around their text. */
function isEdgeSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x1680 ||
    code === 0xfeff
  );
}

/** The text without leading and trailing spaces, NBSP, zero-width and bidi marks (linear, no regex). */
export function trimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isEdgeSpace(text.charCodeAt(start))) start++;
  while (end > start && isEdgeSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Runs of spaces, tabs and NBSP collapsed to one ASCII space, ends trimmed. */
export function squeezeSpace(text: string): string {
  return trimSpace(text.replace(/[ \t\u00a0]+/gu, ' '));
}

/** Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits to ASCII; other characters unchanged. */
export function toAsciiDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x0660 && code <= 0x0669) out += String.fromCharCode(code - 0x0660 + 48);
    else if (code >= 0x06f0 && code <= 0x06f9) out += String.fromCharCode(code - 0x06f0 + 48);
    else out += text[i];
  }
  return out;
}

/** A string of digits (any script, with optional thousands separators) as a number; null when not. */
export function parseCount(text: string): number | null {
  const digits = toAsciiDigits(text).replace(/[,٬.'\u066c\s]/gu, '');
  if (!/^\d{1,12}$/u.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

export function isArabicLetterCode(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    code === 0x06d5 ||
    (code >= 0x06fa && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

const LETTER = /\p{L}/u;

/** Number of letters (any script) in the text. */
export function countLetters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || isArabicLetterCode(code)) count++;
    else if (code > 127 && LETTER.test(text.charAt(i))) count++;
  }
  return count;
}

/** Number of words: runs of non-space characters that hold at least one letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const word of text.split(/[\s\u00a0]+/u)) if (/[\p{L}\p{N}]/u.test(word)) count++;
  return count;
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/gu;

/**
 * Words for scripts written with and without spaces alike: space-separated words, where each Chinese,
 * Japanese or Korean syllable character counts as a word of its own (as word-level metrics do).
 */
/** Chinese, Japanese and Korean syllable characters in the text. */
export function countCjk(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

export function countWordUnits(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  if (cjk === 0) return countWords(text);
  return countWords(text.replace(CJK, ' ')) + cjk;
}

/**
 * A light fold for keyword matching only (never stored): harakat and tatweel dropped, hamza forms of
 * alef to bare alef, ى and Persian ی → ي, Persian ک → ك, ة → ه, digits to ASCII, ASCII lower-cased, runs of spaces (NBSP included)
 * squeezed to one, ends trimmed. One pass over the text: it runs on many lines of every page.
 */
export function foldForMatch(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if ((code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640) continue;
    if (code === 0x20 || code === 0xa0 || code === 0x09 || isEdgeSpace(code)) {
      space = out.length > 0;
      continue;
    }
    if (code >= 65 && code <= 90) code += 32;
    else if (code === 0x0623 || code === 0x0625 || code === 0x0622 || code === 0x0671) code = 0x0627;
    else if (code === 0x0649 || code === 0x06cc) code = 0x064a; // ى and Persian ی → ي
    else if (code === 0x06a9) code = 0x0643; // Persian ک → ك
    else if (code === 0x0629) code = 0x0647;
    else if (code >= 0x0660 && code <= 0x0669) code = code - 0x0660 + 48;
    else if (code >= 0x06f0 && code <= 0x06f9) code = code - 0x06f0 + 48;
    if (space) {
      out += ' ';
      space = false;
    }
    out += String.fromCharCode(code);
  }
  return out;
}

export interface ScriptCounts {
  arabic: number;
  /** ط and ظ: rare in Arabic, half of all letters in UTF-8 Arabic read as windows-1256. */
  tahZah: number;
  /** Harakat. */
  marks: number;
  asciiLetters: number;
  /** ASCII space, tab, newline and NBSP. */
  spaces: number;
  /** Non-ASCII characters that are neither Arabic letters, harakat, Arabic digits nor usual punctuation. */
  foreign: number;
}

/** Non-ASCII characters common in Arabic text that are not Arabic letters. */
const BENIGN = new Set([
  0x00a0, 0x00ab, 0x00bb, 0x00d7, 0x00f7, 0x060c, 0x061b, 0x061f, 0x066a, 0x066b, 0x066c, 0x06d4, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x200c, 0x200d, 0x200e, 0x200f,
]);

/** Character classes of the first `limit` characters, for judging whether text is Arabic (one pass). */
export function countScripts(text: string, limit: number): ScriptCounts {
  const counts: ScriptCounts = { arabic: 0, tahZah: 0, marks: 0, asciiLetters: 0, spaces: 0, foreign: 0 };
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) counts.asciiLetters++;
      else if (code === 0x20 || code === 0x0a || code === 0x09) counts.spaces++;
    } else if (isArabicLetterCode(code)) {
      counts.arabic++;
      if (code === 0x0637 || code === 0x0638) counts.tahZah++;
    } else if ((code >= 0x064b && code <= 0x065f) || code === 0x0670) {
      counts.marks++;
    } else if ((code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)) {
      // Arabic-Indic digits: neutral
    } else if (BENIGN.has(code)) {
      if (code === 0x00a0) counts.spaces++;
    } else {
      counts.foreign++;
    }
  }
  return counts;
}
