import { describe, expect, it } from 'vitest';
import { analyzeForIndex } from '../../../src-main/core/arabic/index.js';
import { fingerprintOf, forEachShingle } from '../../../src-main/core/arabic/fingerprint.js';
import { comparedText } from '../../../src-main/core/archive/groups.js';
import { sketchBands } from '../../../src-main/core/archive/minhash.js';
import { signatures } from '../../../src-main/core/importer/process-page.js';

const TEXT =
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير ويضم المستشفى أقساما للطوارئ ' +
  'والعناية المركزة وجراحة القلب وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية';

/** MinHash bands as first defined: the minima over every shingle visited in order, repeats included. */
function referenceBands(norm: string): number[] | null {
  const mins = new Uint32Array(32).fill(0xffffffff);
  const seen = forEachShingle(norm, (h) => {
    const value = Math.imul(h, 0x9e3779b1) >>> 0;
    if (value < mins[h >>> 27]!) mins[h >>> 27] = value;
  });
  if (seen === 0) return null;
  for (let s = 0; s < 32; s++) {
    if (mins[s] !== 0xffffffff) continue;
    for (let step = 1; step < 32; step++) {
      const from = mins[(s + step) % 32]!;
      if (from === 0xffffffff) continue;
      mins[s] = (from + Math.imul(step, 0x85ebca6b)) >>> 0;
      break;
    }
  }
  return Array.from({ length: 8 }, (_, b) => {
    let h = 0x811c9dc5;
    for (let r = 0; r < 4; r++) h = Math.imul(h ^ mins[b * 4 + r]!, 0x01000193);
    return h >>> 0;
  });
}

describe('signatures of an analysed page', () => {
  const words = analyzeForIndex(TEXT).norm.split(' ');
  // Bodies of every length around the thresholds (too few shingles, too few words), repeats included.
  const bodies = Array.from({ length: 40 }, (_, n) => words.slice(0, n).concat(n % 3 === 0 ? words.slice(0, n) : []).join(' '));
  const titles = ['', 'وزير الصحة يفتتح مستشفى', 'عام / وزير الصحة يفتتح مستشفى جديدا في مدينة جدة اليوم'].map((t) => analyzeForIndex(t).norm);

  it('are the fingerprint, the near-duplicate bands and the compared shingles, as computed one by one', () => {
    for (const body of bodies) {
      for (const title of titles) {
        const bands = sketchBands(comparedText(body, title));
        const visited = new Set<number>();
        forEachShingle(comparedText(body, title), (h) => visited.add(h));
        const shingles = bands === null ? null : Uint32Array.from([...visited].sort((a, b) => a - b));
        expect(signatures(body, title)).toEqual({ fingerprint: fingerprintOf(body, title), bands, shingles });
        expect(sketchBands(comparedText(body, title))).toEqual(referenceBands(comparedText(body, title)));
      }
    }
  });
});
