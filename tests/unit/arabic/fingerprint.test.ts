import { describe, expect, it } from 'vitest';
import { analyzeForIndex } from '../../../src-main/core/arabic/index.js';
import { fingerprintBands, fingerprintDistance, fingerprintOf, NEAR_IDENTICAL_BITS, shingleSimilarity } from '../../../src-main/core/arabic/fingerprint.js';

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
