import { createHash } from 'node:crypto';

/** The text of one version of an article: what a scrape says, as it says it. */
export interface VersionText {
  title: string;
  author: string | null;
  section: string | null;
  paragraphs: string[];
}

/** Bytes of a version's text hash (stored in versions.text_hash). */
export const VERSION_HASH_BYTES = 8;

const SPACES = /\s+/gu;
/** Stands for a missing author or section (no text holds it). */
const NONE = '\u0001';

/** White space as JavaScript's \s sees it. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when the text has no white space but single plain spaces between non-spaces (most parsed text): no copy needed. */
function isCanonical(text: string): boolean {
  let previousSpace = true; // a leading space is not canonical
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (c <= 0x20 || c >= 0xa0 ? isSpace(c) : false) {
      return false;
    } else {
      previousSpace = false;
    }
  }
  return !previousSpace || text.length === 0;
}

function canonical(text: string): string;
function canonical(text: string | null): string | null;
function canonical(text: string | null): string | null {
  if (text === null || isCanonical(text)) return text;
  return text.replace(SPACES, ' ').trim();
}

/**
 * The hash that makes identical texts one version: title, author, section and paragraphs, with runs
 * of white space (NBSP included) taken as one space, so that the same scrape saved as text and as
 * HTML is one version. 64 bits: texts are only ever compared within one article.
 */
export function versionHash(text: VersionText): Buffer {
  const parts = [canonical(text.title), text.author === null ? NONE : canonical(text.author), text.section === null ? NONE : canonical(text.section)];
  for (const p of text.paragraphs) parts.push(canonical(p));
  // One update of UTF-16 code units: no transcoding, a third of the cost of hashing field by field.
  return createHash('sha1').update(parts.join('\u0000'), 'utf16le').digest().subarray(0, VERSION_HASH_BYTES);
}

/**
 * True when `shorter` is `longer` cut off: every paragraph but its last equal to `longer`'s, its last a
 * prefix of the matching one, and something missing. That is what a page cut off in transfer looks
 * like; an edit that removes or changes a paragraph in the middle never is.
 */
export function isCutOff(shorter: string[], longer: string[]): boolean {
  if (shorter.length === 0 || shorter.length > longer.length) return false;
  const last = shorter.length - 1;
  for (let i = 0; i < last; i++) if (canonical(shorter[i]!) !== canonical(longer[i]!)) return false;
  const tail = canonical(shorter[last]!);
  const whole = canonical(longer[last]!);
  if (!whole.startsWith(tail)) return false;
  return tail.length < whole.length || shorter.length < longer.length;
}

export function parseParagraphList(json: string | null): string[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
