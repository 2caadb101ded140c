// The parts of core/arabic the search side uses, in one place.
import { articlePrefix } from '../arabic/stem.js';

export { tokenize, isStopword, indexStems, stem, normalizeText, type Token } from '../arabic/index.js';

/** The stem-column form of a prefix: the prefix without its article (الاقتصاد* → اقتصاد*); no suffix is removed from an unfinished word. */
export function prefixStem(norm: string): string {
  const article = articlePrefix(norm);
  return article === '' ? norm : norm.slice(article.length);
}
