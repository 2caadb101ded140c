/**
 * Is a string plausibly Arabic text? windows-1256 maps every byte to some character, so decoding never
 * fails: these checks decide whether the result is text or mojibake. UTF-8 Arabic read as windows-1256
 * comes out as ط/ظ alternating with symbols (e.g. "ط¯ظ…ط´ظ‚"), random bytes as letters without spaces
 * and many symbols; real Arabic has spaces, few ط/ظ, few symbols and harakat below the letter count.
 */
import { isArabicLetterCode } from './chars.js';

/** How many leading characters the counters look at. */
const SCAN_CHARS = 65_536;

interface Counts {
  arabic: number;
  tahZah: number;
  marks: number;
  asciiLetters: number;
  spaces: number;
  /** Non-ASCII characters that are neither Arabic letters, harakat nor usual punctuation. */
  foreign: number;
}

/** Non-ASCII characters common in Arabic text that are not Arabic letters. */
const BENIGN = new Set([
  0x00a0, 0x00ab, 0x00bb, 0x00d7, 0x00f7, 0x060c, 0x061b, 0x061f, 0x066a, 0x066b, 0x066c, 0x06d4, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x200c, 0x200d, 0x200e, 0x200f,
]);

function count(text: string): Counts {
  const counts: Counts = { arabic: 0, tahZah: 0, marks: 0, asciiLetters: 0, spaces: 0, foreign: 0 };
  const n = Math.min(text.length, SCAN_CHARS);
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

/** windows-1256 output that reads as Arabic. `markup`: ASCII letters are tags and do not count against it. */
export function looksLikeArabic1256(text: string, markup: boolean): boolean {
  const c = count(text);
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
  const c = count(text);
  return c.arabic >= 20 && c.tahZah > c.arabic * 0.3 && c.foreign > c.arabic * 0.1;
}
