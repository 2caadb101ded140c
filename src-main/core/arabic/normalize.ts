// normalizeText: the character-level folding of "Search semantics" (docs/design.md), used for
// documents and queries alike. NFKC first (only when a character outside ASCII and the Arabic block
// is present — the common case of plain Arabic/ASCII text skips it), then one table lookup per code
// unit (chars.ts: FOLD) that drops harakat, superscript alef, Quranic marks and tatweel, folds
// alef/yeh/heh/waw variants and Persian/Urdu letter forms, maps Arabic-Indic and Eastern digits to
// ASCII and lower-cases. Separators and punctuation are kept (NBSP becomes a space through NFKC).

import * as chars from './chars.js';
import { CodeBuffer } from './codeBuffer.js';

const NEEDS_NFKC = /[^\u0000-\u009f\u0600-\u0674\u0679-\u06ff]/;

const out = new CodeBuffer();
const FOLD = chars.FOLD; // module-local: some transpilers turn imported bindings into getters

/** Normalises a whole text (any length): NFKC when needed, then the per-character folding rules. */
export function normalizeText(text: string): string {
  const s = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  const n = s.length;
  let i = 0;
  // Fast scan: most short strings (already-normalised words) come out unchanged.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (FOLD[c] !== c) break;
    i++;
  }
  if (i === n) return s;
  out.reset(n);
  for (let j = 0; j < i; j++) out.push(s.charCodeAt(j));
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      // A supplementary-plane character: lower-case the pair as a whole (FOLD holds code units only).
      const pair = s.slice(i, i + 2).toLowerCase();
      out.reserve(pair.length);
      for (let k = 0; k < pair.length; k++) out.push(pair.charCodeAt(k));
      i++;
      continue;
    }
    const f = FOLD[c] ?? 0;
    if (f !== 0) out.push(f);
  }
  return out.toString();
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
