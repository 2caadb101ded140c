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
