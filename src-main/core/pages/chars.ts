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

/**
 * A light fold for keyword matching only (never stored): harakat and tatweel dropped, hamza forms of
 * alef to bare alef, ى → ي, ة → ه, digits to ASCII, Latin lower-cased, spaces squeezed.
 */
export function foldForMatch(text: string): string {
  return squeezeSpace(
    toAsciiDigits(text)
      .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
      .replace(/[أإآٱ]/gu, 'ا')
      .replace(/ى/gu, 'ي')
      .replace(/ة/gu, 'ه')
      .toLowerCase(),
  );
}
