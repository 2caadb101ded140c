// The parts of core/arabic the search side uses, in one place, and the query-side alternatives
// that make up for what the light stemmer cannot see.
import { ALEF_MAKSURA, PLAIN, TAA_MARBUTA, indexStems, isNameBesideFunctionWord, stem, type WordFinal } from '../arabic/index.js';
import { PROCLITIC_KEEP } from '../arabic/procliticKeep.js';
import { articlePrefix, stripSuffixes } from '../arabic/stem.js';

export { tokenize, isStopword, indexStems, stem, normalizeText, foldFinal, type Token, type WordFinal } from '../arabic/index.js';

const ARTICLES = ['وبال', 'وكال', 'فبال', 'فكال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'فلل', 'ال', 'لل'];

/**
 * The stem-column form of a prefix: the prefix without its article (الاقتصاد* → اقتصاد*, even when
 * little is left: وال* → ''); no suffix is removed from an unfinished word.
 */
export function prefixStem(norm: string): string {
  const article = ARTICLES.find((a) => norm.startsWith(a));
  return article === undefined ? norm : norm.slice(article.length);
}

export interface WordReading {
  /** The stem of the word with some leading letters read as clitics (وبقمه → قمه). */
  stem: string;
  /** Exact clitic forms of that bare word the index holds under other stems. */
  forms: string[];
}

export interface WordAlternatives {
  /** More stems the word may be indexed under. */
  stems: string[];
  /** Exact normalised forms of the word, with clitics, that the index holds under other stems. */
  forms: string[];
  /**
   * Other readings of the word's first letters as clitics (بقمه: ب + قمه; بلده: ب + لده), which
   * only the archive can settle: search keeps a reading whose stem is at least as frequent as the
   * word's own stem (قمه over بقم, but not لده over بلد).
   */
  readings: WordReading[];
}

const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بلك';
const LAM_ARTICLES = new Set(['لل', 'ولل', 'فلل']);
/** Single-letter proclitics and their pairs, as they are glued to a word. */
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
const MIN_BARE = 3;

function isArabicWord(norm: string): boolean {
  return /^[\u0621-\u064a]+$/.test(norm);
}

/** The shorter words left by peeling a leading و/ف and then ب/ل/ك (at least 3 letters left; never from a word the stemmer keeps whole). */
function peeled(norm: string): string[] {
  const out: string[] = [];
  let rest = norm;
  if (CONJUNCTIONS.includes(rest.charAt(0)) && rest.length - 1 >= MIN_BARE && !PROCLITIC_KEEP.has(stripSuffixes(rest))) {
    rest = rest.slice(1);
    out.push(rest);
  }
  if (PREPOSITIONS.includes(rest.charAt(0)) && rest.length - 1 >= MIN_BARE && !PROCLITIC_KEEP.has(stripSuffixes(rest))) {
    rest = rest.slice(1);
    out.push(rest);
  }
  return out;
}

/** True when the stemmer keeps a leading letter of `form` as part of the word (لبنان is not ل + بنان). */
function isOtherWord(form: string, cliticLength: number): boolean {
  for (let k = 0; k < cliticLength; k++) if (PROCLITIC_KEEP.has(stripSuffixes(form.slice(k)))) return true;
  return false;
}

/** Clitic forms of a bare word that the index holds under none of `stems` (and that are not other words). */
function cliticForms(bare: string, stems: ReadonlySet<string>, except: string, final: WordFinal): string[] {
  const forms: string[] = [];
  for (const clitic of CLITICS) {
    const form = clitic + bare;
    if (form === except || isOtherWord(form, clitic.length)) continue;
    if (!indexStems(form, final).some((s) => stems.has(s))) forms.push(form);
  }
  return forms;
}

/**
 * The light stemmer strips suffixes before single-letter proclitics and guards each step by the
 * length of the whole word, so a short word and its clitic forms can get different stems:
 * قمه → قمه but بقمه → بقم and وقمه → وقم; ايها → ايها but وبايها → وبا. And light10's article
 * rule لل (ل + ال) eats the first letter of words that begin with ل: للبنان → بنان, للجنه → جن.
 * The index holds what the stemmer made of each document word, so the query side makes up for it:
 *  - the clitic forms of the word that the stemmer gives another stem are matched exactly, in the
 *    surface columns (قمه → بقمه وقمه لقمه …; لبنان → للبنان وللبنان فللبنان);
 *  - a word typed in its لل-form also matches the stem of the word it contracts (للبنان → لبنان);
 *  - a word whose first letters may be clitics gets readings (وبقمه → قمه with its forms), kept
 *    or dropped by the archive's word frequencies (see WordAlternatives.readings).
 * For most words (حلب, كتاب, الاقتصاد) there is nothing to add.
 */
export function wordAlternatives(norm: string, wordStem: string, final: WordFinal = PLAIN): WordAlternatives {
  const none: WordAlternatives = { stems: [], forms: [], readings: [] };
  if (!isArabicWord(norm)) return none;
  const article = articlePrefix(norm);
  if (LAM_ARTICLES.has(article)) {
    const contracted = `ل${norm.slice(article.length)}`;
    const alt = stem(contracted, final);
    const stems = new Set([wordStem, alt]);
    return { stems: alt !== wordStem && alt.length >= MIN_BARE ? [alt] : [], forms: cliticForms(contracted, stems, norm, final), readings: [] };
  }
  if (article !== '') return none;
  const bares = peeled(norm);
  // A word without clitic-like first letters: its own clitic forms.
  if (bares.length === 0) return { stems: [], forms: cliticForms(norm, new Set([wordStem]), norm, final), readings: [] };
  const readings: WordReading[] = [];
  const forms: string[] = [];
  bares.forEach((bare, i) => {
    const s = stem(bare, final);
    const deepest = i === bares.length - 1;
    if (s === wordStem) {
      // The stemmer already reads these letters as clitics (بلبنان → لبنان): the bare word's forms.
      if (deepest) forms.push(...cliticForms(bare, new Set([wordStem]), norm, final));
      return;
    }
    if (s.length < MIN_BARE || readings.some((r) => r.stem === s)) return;
    readings.push({ stem: s, forms: deepest ? cliticForms(bare, new Set([wordStem, s]), norm, final) : [] });
  });
  return { stems: [], forms, readings };
}

export interface SpellingReadings {
  /** The stem of the word as typed. */
  stem: string;
  /** Stems of the other spelling a text may use for the typed last letter. */
  stems: string[];
  /** Exact normalised forms that also match (a word typed with ة, written with ه by a text). */
  forms: string[];
  /** Only a word written with the typed final ي matches (علي, the name, never على). */
  exactFinal: boolean;
}

/**
 * What a typed word stands for, given how its last letter was typed (finals.ts). The stem index
 * keeps ة and ى, so:
 *  - typed with ة: that word only (الرياضة is not الرياض), and its exact form written with ه;
 *  - typed with ه, which people type for ة: both readings (مدينه finds مدينة, and the pronoun ه);
 *  - typed with ى or ي: both spellings (texts write ي for ى and ى for ي), except for a name that
 *    is also a function word written with ى (علي beside على): typed with ي, only the name.
 */
export function spellingReadings(norm: string, final: WordFinal): SpellingReadings {
  const typed = stem(norm, final);
  const out: SpellingReadings = { stem: typed, stems: [], forms: [], exactFinal: false };
  if (!isArabicWord(norm)) return out;
  const add = (other: string): void => {
    if (other !== typed && other.length > 0 && !out.stems.includes(other)) out.stems.push(other);
  };
  const last = norm.charAt(norm.length - 1);
  if (final === TAA_MARBUTA) out.forms.push(norm);
  else if (final === ALEF_MAKSURA) add(stem(norm, PLAIN));
  else if (last === 'ه') add(stem(norm, TAA_MARBUTA));
  else if (last === 'ي') {
    if (isNameBesideFunctionWord(norm)) out.exactFinal = true;
    else add(stem(norm, ALEF_MAKSURA));
  }
  return out;
}
