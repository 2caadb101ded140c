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

function canonical(text: string | null): string | null {
  return text === null ? null : text.replace(SPACES, ' ').trim();
}

/**
 * The hash that makes identical texts one version: title, author, section and paragraphs, with runs
 * of white space (NBSP included) taken as one space, so that the same scrape saved as text and as
 * HTML is one version. 64 bits: texts are only ever compared within one article.
 */
export function versionHash(text: VersionText): Buffer {
  const key = JSON.stringify([canonical(text.title), canonical(text.author), canonical(text.section), text.paragraphs.map(canonical)]);
  return createHash('sha1').update(key).digest().subarray(0, VERSION_HASH_BYTES);
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
  const tail = canonical(shorter[last]!)!;
  const whole = canonical(longer[last]!)!;
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
