// The last letter of a word as it was written, where normalisation folds two letters into others:
// ة (taa marbuta) into ه and ى (alef maksura) into ي. The surface index and phrases use the folded
// word (مدينه typed for مدينة still matches); the stem index keeps the two letters (stem.ts), so that
// الرياضة (sport) and الرياض (Riyadh) are different words, and علي (the name) and على (on) are too.

export const PLAIN = 0;
/** Written with ة (or ۃ): folded to ه, but never the pronoun suffix ه. */
export const TAA_MARBUTA = 1;
/** Written with ى: folded to ي, but never the suffix ي. */
export const ALEF_MAKSURA = 2;

export type WordFinal = typeof PLAIN | typeof TAA_MARBUTA | typeof ALEF_MAKSURA;

/** The final of a word from the code unit of its last kept (non-dropped) character as written. */
export function finalOf(lastWritten: number): WordFinal {
  if (lastWritten === 0x0629 || lastWritten === 0x06c3) return TAA_MARBUTA;
  if (lastWritten === 0x0649) return ALEF_MAKSURA;
  return PLAIN;
}

const HEH = 0x0647;
const YEH = 0x064a;

/**
 * The final that a normalised word can carry: TAA_MARBUTA only on a word ending in ه, ALEF_MAKSURA
 * only on one ending in ي (anything else is PLAIN, whatever the caller passed).
 */
export function fitFinal(norm: string, final: WordFinal): WordFinal {
  const last = norm.charCodeAt(norm.length - 1);
  if (final === TAA_MARBUTA) return last === HEH ? final : PLAIN;
  if (final === ALEF_MAKSURA) return last === YEH ? final : PLAIN;
  return PLAIN;
}

/** The word with its final folded letter written back (رياضه + TAA_MARBUTA → رياضة). */
export function writeFinal(word: string, final: WordFinal): string {
  if (final === PLAIN || word.length === 0) return word;
  const fitted = fitFinal(word, final);
  if (fitted === PLAIN) return word;
  return word.slice(0, -1) + (fitted === TAA_MARBUTA ? '\u0629' : '\u0649');
}

/** The folded form of a stem token (ة → ه, ى → ي): where it can be found in normalised text. */
export function foldFinal(token: string): string {
  const last = token.charCodeAt(token.length - 1);
  if (last === 0x0629) return `${token.slice(0, -1)}\u0647`;
  if (last === 0x0649) return `${token.slice(0, -1)}\u064a`;
  return token;
}
