// Arabic function words in normalised form (normalize.ts: ى→ي, ة→ه, أ/إ/آ→ا). They stay in the
// index; the search layer uses the set to explain a query made only of them.

const WORDS = `
في من علي الي عن مع حتي منذ خلال ضد حول دون عند لدي نحو عبر بين تحت فوق امام وراء بعد قبل
ان انه انها انهم ما ماذا لماذا لا لم لن ليس ليست قد لقد ثم او ام بل لكن لكنه الا اما اذا اذ لو لولا كي
و ف ب ل ك وفي ومن وعلي والي وعن ومع وان وما ولا ولم وقد ثم فان فقد فلا
هذا هذه هذان هاتان هولاء ذلك تلك اوليك هنا هناك هنالك حيث كيف متي اين اي كل بعض غير مثل سوي
التي الذي الذين اللذان اللتان اللواتي اللاتي اللذين اللتين
هو هي هما هم هن انا نحن انت انتم انتن
له لها لهم لهما لهن به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم اليه اليها اليهم عنه عنها عنهم
كان كانت كانوا يكون تكون اصبح ظل صار ايضا كما فقط جدا
`;

/** Normalised Arabic function words. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/** True when a normalised word is a function word. */
export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/**
 * Function words written with a final ى whose spelling with ي is a common name: علي (Ali) beside
 * على (on). Typed with ى, the function word; typed with ي, the name, which is searched like any word
 * (and matched only where a text writes it with ي: the stem index keeps ى, see finals.ts).
 */
const NAMES_BESIDE_FUNCTION_WORDS: ReadonlySet<string> = new Set(['علي', 'وعلي']);

/** True when a normalised word typed with a final ي (not ى) is a name, not the function word it folds into. */
export function isNameBesideFunctionWord(norm: string): boolean {
  return NAMES_BESIDE_FUNCTION_WORDS.has(norm);
}
