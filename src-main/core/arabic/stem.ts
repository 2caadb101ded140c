// Light stemming of one normalised word (normalize.ts has run: ة is ه, ى is ي, no harakat).
//
// Design (light10 family, Larkey/Ballesteros/Connell 2002; Lucene's ArabicStemmer as reference):
//
// 1. Article prefixes, as light10: ال وال بال كال فال لل, plus the stacks وبال وكال فبال فكال ولل فلل
//    that light10 misses; removed when at least 2 letters remain. الله (and لله والله بالله …) and
//    الان stay whole instead of becoming the function words له and ان. لل (ولل فلل) before a word
//    that begins with ل is ل + that word (ل + ال + ل… is written لل… too): when ل + the rest is a word
//    that keeps its ل (PROCLITIC_KEEP, below: لبنان لجنه لقاء لعب), that is the reading, so للبنان →
//    لبنان and للجنه → لجن as the bare words (light10: بنان, جن); otherwise لل goes (للحكومه → حكوم).
// 2. Single-letter proclitics (beyond light10), only when no article prefix was removed, and BEFORE
//    the suffixes: an optional conjunction (و ف) then an optional preposition (ب ل ك), each removed
//    when at least 3 letters remain (بلد ولد كتب never lose a letter) and the word from that letter
//    on, suffix-stripped as a whole (t), is not in PROCLITIC_KEEP. PROCLITIC_KEEP (procliticKeep.ts)
//    lists 4.8k stems whose first letter belongs to the word, computed from a real news corpus (31k
//    articles, 9M words): t = p + r is kept when t takes the article (الكتاب, الوزير, البلد) or when
//    its tails r are rare compared with t (فرنسا/رنسا, لبنان/بنان, كانت/انت, بلده/لده); see that file
//    for the exact rule. Other words — including unknown ones (light10 already strips و from them) —
//    lose the letter: بحلب لحلب وحلب فحلب كحلب → حلب, وقال → قال, بشكل → شكل. On hand-labelled
//    corpus samples this strips 99% of clitic forms and keeps 85% (uniform sample) / 94%
//    (frequency-weighted) of the look-alike words; light10 alone strips 59% and keeps 72–78%
//    (tests/unit/arabic/stem.test.ts).
// 3. Suffixes as light10/Lucene: ها ان ات ون ين يه ه ي (ية ة are يه ه after normalisation), each
//    tried once, in that order — but only when at least 3 letters remain (light10: 2), so مكه/مكان,
//    عمان, بيان, وجه do not collapse to two-letter stems, and never from a word in SUFFIX_KEEP
//    (suffixKeep.ts, corpus-derived) whose ان/ون/ين belongs to it: ايران لبنان مليون قانون فلسطين.
//    They apply to the word left by step 2, so the 3-letter guard counts its letters, not the
//    proclitics': بقمه وقمه → قمه as قمه (suffixes first gave بقم, وقم), بمكان → مكان. SUFFIX_KEEP is
//    looked up on the written form as well (stripSuffixesAfter): لودريان keeps its ان.
//
// Which side gets the alternatives: the query side gets ONE stem per word (stem()); the index side
// gets several (indexStems()): the word's stem, the stems of the tails left after removing each of
// its proclitics, and the word with its proclitics kept (suffix-stripped as a whole: بقمه → قمه, بقم);
// a لل-word read as ل + a ل-word also gets light10's reading (للجنه → لجن, جنه). So حلب finds بحلب
// (حلب is a tail of بحلب), بحلب finds حلب (the query stem of بحلب is حلب), a query for an unknown
// name such as بوتفليقه (query stem وتفليق) still finds لبوتفليقه (its tail بوتفليقه), and an index built today keeps
// matching if a later, longer PROCLITIC_KEEP makes a query keep a letter. Kept words (كتاب, كبير)
// get one stem, so neither side ever produces تاب or بير for them. On news text this adds ~9% stem
// tokens.

import { PLAIN, fitFinal, writeFinal, type WordFinal } from './finals.js';
import { PROCLITIC_KEEP } from './procliticKeep.js';
import { SUFFIX_KEEP } from './suffixKeep.js';

const ARTICLE_PREFIXES = ['وبال', 'وكال', 'فبال', 'فكال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'فلل', 'ال', 'لل'];
/** Light10 suffixes in stripping order (the keep-list builder reads them too). */
export const SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
/** Words light10 mangles into a frequent function word: الله → له, الان (now) → ان. */
const FIXED = new Map<string, string>([
  ...['الله', 'لله', 'والله', 'بالله', 'فالله', 'تالله', 'ولله', 'فلله', 'وبالله', 'فبالله'].map((w): [string, string] => [w, 'الله']),
  ...['الان', 'والان', 'فالان', 'للان', 'بالان'].map((w): [string, string] => [w, 'الان']),
]);

const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;
const NOON = 0x0646;

function isConjunction(c: number): boolean {
  return c === WAW || c === FEH;
}

function isPreposition(c: number): boolean {
  return c === BEH || c === LAM || c === KAF;
}

/** True when the ending of `w` (or of w without one or two leading proclitic letters) belongs to the word. */
function endingIsLexical(w: string): boolean {
  if (SUFFIX_KEEP.has(w)) return true;
  const c0 = w.charCodeAt(0);
  if (!(isConjunction(c0) || isPreposition(c0))) return false;
  const tail = w.slice(1);
  if (SUFFIX_KEEP.has(tail)) return true;
  return isPreposition(tail.charCodeAt(0)) && SUFFIX_KEEP.has(tail.slice(1));
}

/** Light10 suffix removal: each suffix once, in order, when at least 3 letters remain, except listed endings. */
export function stripSuffixes(word: string, final: WordFinal = PLAIN): string {
  return stripSuffixesAfter('', word, final);
}

/**
 * stripSuffixes for a word that followed the proclitic letters `proclitics` (بقمه: '' + بقمه, or
 * ب + قمه): the length guards apply to `word`, while an ending listed for the whole written form
 * (برحلتين, لودريان) stays as it does on that form.
 *
 * `final` says how the word's last letter was written (finals.ts). A final ة is a letter, not the
 * pronoun suffix ه: it is kept and written back (رياضه → رياضة), unless the nisba ending يه (ية)
 * goes as a whole (السعوديه → سعود, as light10). A final ى is never the suffix ي: مستشفي written
 * مستشفى stays مستشفى. With PLAIN, this is light10 exactly (the keep-lists are built that way).
 */
export function stripSuffixesAfter(proclitics: string, word: string, final: WordFinal = PLAIN): string {
  const kept = fitFinal(word, final);
  let w = word;
  for (const s of SUFFIXES) {
    if (w.length >= s.length + 3 && w.endsWith(s)) {
      if (s.charCodeAt(1) === NOON && (endingIsLexical(w) || (proclitics !== '' && endingIsLexical(proclitics + w)))) continue;
      if (kept !== PLAIN && w.length === word.length && s.length === 1) continue; // the written ة or ى is a letter
      w = w.slice(0, w.length - s.length);
    }
  }
  return kept !== PLAIN && w.length === word.length ? writeFinal(w, kept) : w;
}

/** The article prefix (ال family) that light10 would remove from the word, or '' when none. */
export function articlePrefix(word: string): string {
  for (const p of ARTICLE_PREFIXES) {
    if (word.length >= p.length + 2 && word.startsWith(p)) return p;
  }
  return '';
}

/** How stemWith analysed one word: the stem, and how many single-letter proclitics it removed. */
export interface StemAnalysis {
  stem: string;
  /** The word read without proclitics: suffix-stripped as a whole (equal to stem when none were removed). */
  kept: string;
  /** Number of single-letter proclitics removed from the front of the word (0, 1 or 2). */
  peeled: number;
}

/**
 * For a word whose article prefix ends in لل (لل ولل فلل) and whose remainder x, written with one ل
 * more, is a word that keeps its ل (لبنان, لجنه, لقاء: listed in `keep`): that word's stem, the
 * stem of ل + x (للبنان is ل + لبنان, not ل + ال + بنان). Otherwise undefined (للحكومه: ل + ال + حكومه).
 */
function lamWordStem(keep: ReadonlySet<string>, norm: string, article: string, final: WordFinal): string | undefined {
  if (!article.endsWith('لل')) return undefined;
  const rest = norm.slice(article.length - 1);
  if (!keep.has(stripSuffixes(rest))) return undefined;
  return stripSuffixes(rest, final);
}

/**
 * Stems one normalised word with a given keep-list (exposed for the corpus tooling and tests).
 * `final` is how the word's last letter was written (finals.ts); the keep-lists are always consulted
 * with the light10 (PLAIN) forms, so they mean the same whatever the final.
 */
export function stemWith(keep: ReadonlySet<string>, norm: string, final: WordFinal = PLAIN): StemAnalysis {
  const fixed = FIXED.get(norm);
  if (fixed !== undefined) return { stem: fixed, kept: fixed, peeled: 0 };
  const c0 = norm.charCodeAt(0);
  // Latin words and numbers: nothing to remove.
  if (!(c0 >= 0x0621 && c0 <= 0x064a)) return { stem: norm, kept: norm, peeled: 0 };
  const article = articlePrefix(norm);
  if (article !== '') {
    const s = lamWordStem(keep, norm, article, final) ?? stripSuffixes(norm.slice(article.length), final);
    return { stem: s, kept: s, peeled: 0 };
  }
  // Proclitics first, each kept when the word from that letter on, suffix-stripped as a whole, is
  // listed; suffixes (and their length guards) then apply to what is left.
  const t = stripSuffixes(norm);
  let w = norm;
  let peeled = 0;
  if (w.length >= 4 && isConjunction(w.charCodeAt(0)) && !keep.has(t)) {
    w = w.slice(1);
    peeled++;
  }
  if (w.length >= 4 && isPreposition(w.charCodeAt(0)) && !keep.has(peeled === 0 ? t : stripSuffixesAfter(norm.slice(0, 1), w))) {
    w = w.slice(1);
    peeled++;
  }
  const whole = final === PLAIN ? t : stripSuffixes(norm, final);
  return { stem: peeled === 0 ? whole : stripSuffixesAfter(norm.slice(0, peeled), w, final), kept: whole, peeled };
}

/**
 * The stem tokens of one document word: its stem; the stems of the tails left after removing each
 * of its proclitics (so a query for any tail finds the word: حلب finds بحلب, and بوتفليقه, whose
 * query stem is وتفليق, finds لبوتفليقه); and the word with its proclitics kept, suffix-stripped as
 * a whole. A لل-word read as ل + a ل-word (للبنان → لبنان) also gets light10's reading ل + ال + rest
 * (للجنه: for the committee, or for paradise, الجنه) when that leaves 3 letters or more. No duplicates.
 */
export function indexStemsWith(keep: ReadonlySet<string>, norm: string, final: WordFinal = PLAIN): string[] {
  const a = stemWith(keep, norm, final);
  if (a.peeled === 0) {
    const article = articlePrefix(norm);
    if (article !== '' && !FIXED.has(norm) && lamWordStem(keep, norm, article, final) !== undefined) {
      const other = stripSuffixes(norm.slice(article.length), final);
      if (other !== a.stem && other.length >= 3) return [a.stem, other];
    }
    return [a.stem];
  }
  const out = [a.stem];
  for (let k = 1; k <= a.peeled; k++) {
    const tail = stemWith(keep, norm.slice(k), final).stem;
    if (!out.includes(tail)) out.push(tail);
  }
  if (!out.includes(a.kept)) out.push(a.kept);
  return out;
}

// Bounded caches (cleared when full): a news archive's vocabulary is a few hundred thousand forms.
// One pair per final (finals.ts), so no key string is built per word.
const CACHE_LIMIT = 50_000; // bounded so an import's memory does not grow with the corpus
const queryCaches = [new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];
const indexCaches = [new Map<string, string[]>(), new Map<string, string[]>(), new Map<string, string[]>()];

/** The stem of one normalised word (the query-side stem), with the shipped keep-list; cached. */
export function stem(norm: string, final: WordFinal = PLAIN): string {
  const cache = queryCaches[final]!;
  let r = cache.get(norm);
  if (r === undefined) {
    r = stemWith(PROCLITIC_KEEP, norm, final).stem;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(norm, r);
  }
  return r;
}

/**
 * indexStems without its cache: for analyzeForIndex, which caches each word's stem text itself
 * (stemTextCache.ts) — a second cache per parse thread would only cost memory.
 */
export function indexStemsUncached(norm: string, final: WordFinal = PLAIN): readonly string[] {
  return indexStemsWith(PROCLITIC_KEEP, norm, final);
}

/** The stem tokens one normalised document word contributes to the index (see indexStemsWith); cached. */
export function indexStems(norm: string, final: WordFinal = PLAIN): readonly string[] {
  const cache = indexCaches[final]!;
  let r = cache.get(norm);
  if (r === undefined) {
    r = indexStemsWith(PROCLITIC_KEEP, norm, final);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(norm, r);
  }
  return r;
}

