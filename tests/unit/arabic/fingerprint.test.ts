import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeForIndex } from '../../../src-main/core/arabic/index.js';
import {
  fingerprintBands,
  fingerprintDistance,
  fingerprintOf,
  forEachShingle,
  NEAR_IDENTICAL_BITS,
  sortedJaccard,
  distinctShingles,
  shingleSimilarity,
} from '../../../src-main/core/arabic/fingerprint.js';

const STORY =
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير، ويضم المستشفى أقساما للطوارئ ' +
  'والعناية المركزة وجراحة القلب، وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية ' +
  'في المنطقة الغربية، وإن العمل فيه استغرق ثلاث سنوات بتكلفة بلغت خمسمئة مليون ريال، وأضاف أن المستشفى سيستقبل ' +
  'المرضى ابتداء من الشهر المقبل بعد استكمال تجهيز الأقسام وتدريب الكوادر الطبية والفنية العاملة فيه.';
const OTHER =
  'تعادل فريق الهلال مع ضيفه الاتحاد بهدف لمثله في المباراة التي جمعتهما مساء أمس على ملعب الملك فهد الدولي ضمن ' +
  'منافسات الجولة الخامسة من الدوري، وسجل هدف الهلال لاعب الوسط في الدقيقة العشرين، فيما أدرك الاتحاد التعادل من ' +
  'ركلة جزاء في الشوط الثاني، وبهذه النتيجة يبقى الفريقان في المركزين الثالث والرابع من جدول الترتيب.';

const fp = (text: string, title = '') => fingerprintOf(analyzeForIndex(text).norm, analyzeForIndex(title).norm);

describe('fingerprintOf', () => {
  it('is the same for the same text, whatever its harakat, tatweel and hamza forms', () => {
    const plain = fp(STORY);
    const decorated = fp(STORY.replace(/ا/g, 'أ').replace(/وزارة/g, 'وِزارَة').replace(/مستشفى/g, 'مستشـــفى'));
    expect(plain).not.toBeNull();
    expect(fingerprintDistance(plain, fp(STORY))).toBe(0);
    expect(fingerprintDistance(plain, decorated)).toBeLessThanOrEqual(NEAR_IDENTICAL_BITS);
  });

  it('moves a few bits for a changed figure, and ignores a prefix added to the headline', () => {
    const long = `${STORY}\n${OTHER}`;
    const edited = long.replace('ثلاثمئة', 'أربعمئة');
    expect(fingerprintDistance(fp(long, 'افتتاح مستشفى في جدة'), fp(long, 'عام / افتتاح مستشفى في جدة'))).toBe(0);
    expect(fingerprintDistance(fp(long), fp(edited))).toBeLessThanOrEqual(10);
    expect(fingerprintDistance(fp(long), fp(edited))).toBeGreaterThan(0);
  });

  it('measures shingle similarity exactly', () => {
    const norm = (t: string) => analyzeForIndex(t).norm;
    expect(shingleSimilarity(norm(STORY), norm(STORY))).toBe(1);
    const edited = shingleSimilarity(norm(STORY), norm(STORY.replace('ثلاثمئة', 'أربعمئة')));
    expect(edited).toBeGreaterThan(0.85);
    expect(edited).toBeLessThan(1);
    expect(shingleSimilarity(norm(STORY), norm(OTHER))).toBeLessThan(0.05);
  });

  it('keeps unrelated stories far apart', () => {
    expect(fingerprintDistance(fp(STORY), fp(OTHER))).toBeGreaterThan(16);
  });

  it('is null for a text too short to fingerprint, unless the headline makes it long enough', () => {
    expect(fp('خبر قصير جدا')).toBeNull();
    expect(fp('خبر قصير جدا', 'وزير الصحة يفتتح مستشفى جديدا في مدينة جدة اليوم')).not.toBeNull();
  });

  it('treats a missing fingerprint as far from everything', () => {
    expect(fingerprintDistance(null, fp(STORY))).toBe(64);
  });

  it('gives four 16-bit bands, one of which two near twins always share', () => {
    const a = fp(STORY)!;
    const b = Uint8Array.from(a);
    b[0]! ^= 1;
    b[3]! ^= 0x80;
    b[7]! ^= 4;
    const bandsA = fingerprintBands(a);
    const bandsB = fingerprintBands(b);
    expect(bandsA.every((x) => x >= 0 && x < 65536)).toBe(true);
    expect(bandsA.some((x, i) => x === bandsB[i])).toBe(true);
  });
});

// The definition, written plainly: the fast path (typed arrays, sorted distinct hashes, nibble counts)
// must give these exact bits, since fingerprints stored by earlier imports are compared with new ones.
function referenceWords(norm: string): number[] {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x20) {
      if (inWord) out.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
      continue;
    }
    h = Math.imul(h ^ c, 0x01000193);
    inWord = true;
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function referenceShingles(norm: string): number[] {
  const w = referenceWords(norm);
  if (w.length === 0) return [];
  if (w.length < 3) return [mix(w.reduce((a, x) => Math.imul(a, 31) + x, 17))];
  return w.slice(2).map((_, i) => mix(w[i]! + Math.imul(w[i + 1]!, 0x9e3779b1) + Math.imul(w[i + 2]!, 0x85ebca77)));
}

function referenceFingerprint(body: string, title: string): Uint8Array | null {
  let set = new Set(referenceShingles(body));
  if (set.size < 8 && title !== '') set = new Set(referenceShingles(`${title} ${body}`));
  if (set.size < 8) return null;
  const counts = new Array<number>(64).fill(0);
  for (const a of set) {
    const b = mix(a ^ 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit]! += (a >>> bit) & 1 ? 1 : -1;
      counts[32 + bit]! += (b >>> bit) & 1 ? 1 : -1;
    }
  }
  const bytes = new Uint8Array(8);
  for (let bit = 0; bit < 64; bit++) if (counts[bit]! > 0) bytes[bit >> 3]! |= 1 << (bit & 7);
  return bytes;
}

describe('fingerprint hashing', () => {
  // Texts from a small vocabulary (repeated shingles), of every length from empty to long.
  const vocabulary = analyzeForIndex(`${STORY} ${OTHER} 2015 covid-19`).norm.split(' ').slice(0, 40);
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const texts = Array.from({ length: 300 }, (_, i) => {
    const words = Array.from({ length: i % 5 === 0 ? i % 12 : 20 + (next() % 600) }, () => vocabulary[next() % (i % 3 === 0 ? 6 : vocabulary.length)]!);
    return words.join(' ');
  });

  // First in this file's order with long texts: the scratch space grows on the first long text.
  it('gives the shingles their definition gives', () => {
    const longest = texts.reduce((x, y) => (y.length > x.length ? y : x));
    expect([...distinctShingles(`${longest} ${longest}`)].sort()).toEqual([...new Set(referenceShingles(`${longest} ${longest}`))].sort());
    for (const text of texts) {
      const seen: number[] = [];
      expect(forEachShingle(text, (h) => seen.push(h))).toBe(seen.length);
      expect(seen).toEqual(referenceShingles(text));
      expect([...distinctShingles(text)].sort()).toEqual([...new Set(referenceShingles(text))].sort());
    }
  });

  it('gives the fingerprint its definition gives, bit for bit', () => {
    for (const [i, text] of texts.entries()) {
      const title = i % 2 === 0 ? texts[(i + 1) % texts.length]!.slice(0, 60).trim() : '';
      expect(fingerprintOf(text, title)).toEqual(referenceFingerprint(text, title));
    }
  });
});

describe('sortedJaccard', () => {
  it('is shingleSimilarity of the two texts', () => {
    const words = fc.array(fc.constantFrom('قال', 'الوزير', 'إن', 'المشروع', 'جديد', 'في', 'جدة', 'اليوم'), { maxLength: 40 });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const textA = a.join(' ');
        const textB = b.join(' ');
        const sortedA = distinctShingles(textA).slice();
        const sortedB = distinctShingles(textB).slice();
        expect(sortedJaccard(sortedA, sortedB)).toBeCloseTo(shingleSimilarity(textA, textB), 12);
      }),
    );
  });
});
