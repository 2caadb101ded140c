// Arabic text analysis for documents and queries alike: normalise, tokenise, stem.
export { normalizeText } from './normalize.js';
export { tokenize, type Token } from './tokenize.js';
export { stem, indexStems } from './stem.js';
export { analyzeForIndex, analyzeQueryWord, titleKey, type IndexText, type QueryWord } from './analyze.js';
export { STOPWORDS, isNameBesideFunctionWord, isStopword } from './stopwords.js';
export { ALEF_MAKSURA, PLAIN, TAA_MARBUTA, foldFinal, type WordFinal } from './finals.js';
