/**
 * Is a string plausibly Arabic text? windows-1256 maps every byte to some character, so decoding never
 * fails: these checks decide whether the result is text or mojibake. UTF-8 Arabic read as windows-1256
 * comes out as ط/ظ alternating with symbols (e.g. "ط¯ظ…ط´ظ‚"), random bytes as letters without spaces
 * and many symbols; real Arabic has spaces, few ط/ظ, few symbols and harakat below the letter count.
 */
import { countScripts } from './chars.js';

/** How many leading characters the counters look at. */
const SCAN_CHARS = 65_536;
/** Mojibake shows from the first line on: a short look suffices for text that decoded cleanly. */
const MOJIBAKE_CHARS = 2_048;

/** windows-1256 output that reads as Arabic. `markup`: ASCII letters are tags and do not count against it. */
export function looksLikeArabic1256(text: string, markup: boolean): boolean {
  const c = countScripts(text, SCAN_CHARS);
  if (c.arabic < 8) return false;
  if (c.foreign > c.arabic * 0.15) return false;
  if (c.tahZah > c.arabic * 0.1 + 2) return false;
  if (c.marks > c.arabic * 0.5) return false;
  if (c.spaces < c.arabic / 25) return false;
  if (!markup && c.arabic < (c.arabic + c.asciiLetters) * 0.3) return false;
  return true;
}

/** Valid Unicode that is really UTF-8 Arabic once read as windows-1256 and saved again ("ط§ظ„"). */
export function looksLikeMojibake(text: string): boolean {
  const head = text.length > MOJIBAKE_CHARS ? text.slice(0, MOJIBAKE_CHARS) : text;
  // Fast exit: ط and ظ make 1–2 % of real Arabic text, a third or more of this mojibake.
  if (occurrences(head, 'ط') + occurrences(head, 'ظ') < Math.max(20, head.length * 0.1)) return false;
  const c = countScripts(head, MOJIBAKE_CHARS);
  return c.arabic >= 20 && c.tahZah > c.arabic * 0.3 && c.foreign > c.arabic * 0.1;
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}
