/** The word diff (core/diff): Arabic-aware keys, exact operations, paragraph alignment, minimal edit scripts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffOp } from '../../../src-main/common/types.js';
import { diffSequences } from '../../../src-main/core/diff/sequence-diff.js';
import { diffTexts } from '../../../src-main/core/diff/text-diff.js';
import { diffVersionTexts } from '../../../src-main/core/diff/version-diff.js';

const oldSide = (ops: DiffOp[]) => ops.filter((o) => o.op !== 'insert').map((o) => (o.op === 'equal' ? (o.was ?? o.text) : o.text)).join('');
const newSide = (ops: DiffOp[]) => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');

/** Length of a longest common subsequence, by dynamic programming (the reference for minimality). */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

describe('diffSequences', () => {
  it('is a minimal edit script that rebuilds both sequences', () => {
    const seq = fc.array(fc.constantFrom('أ', 'ب', 'ت', 'ث', 'ج'), { maxLength: 40 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const runs = diffSequences(a, b);
        const rebuiltA: string[] = [];
        const rebuiltB: string[] = [];
        let equal = 0;
        for (const r of runs) {
          if (r.op !== 'insert') rebuiltA.push(...a.slice(r.aStart, r.aEnd));
          if (r.op !== 'delete') rebuiltB.push(...b.slice(r.bStart, r.bEnd));
          if (r.op === 'equal') {
            expect(a.slice(r.aStart, r.aEnd)).toEqual(b.slice(r.bStart, r.bEnd));
            equal += r.aEnd - r.aStart;
          }
        }
        expect(rebuiltA).toEqual(a);
        expect(rebuiltB).toEqual(b);
        expect(equal).toBe(lcs(a, b));
      }),
      { numRuns: 400 },
    );
  });

  it('reports unrelated middles as replaced whole past its edit budget', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`);
    expect(diffSequences(a, b, 10).map((r) => r.op)).toEqual(['delete', 'insert']);
  });
});

describe('diffTexts', () => {
  it('sees no change in harakat, tatweel, hamza forms or digit shapes in words mode, and does in exact mode', () => {
    const plain = 'قال الرئيس إن الاتفاق يضم 300 بند';
    const decorated = 'قالَ الرَّئيـــس ان الاتفاق يضمّ ٣٠٠ بند';
    const words = diffTexts(plain, decorated, 'words');
    expect(words.inserted + words.deleted).toBe(0);
    expect(words.ops).toEqual([{ op: 'equal', text: decorated, was: plain }]);
    const exact = diffTexts(plain, decorated, 'exact');
    expect(exact.deleted).toBe(5);
    expect(exact.inserted).toBe(5);
    expect(oldSide(exact.ops)).toBe(plain);
    expect(newSide(exact.ops)).toBe(decorated);
  });

  it('marks a changed figure as one deleted and one inserted word, with the text around it intact', () => {
    const d = diffTexts('بلغت الخسائر 300 مليون دولار.', 'بلغت الخسائر 450 مليون دولار.', 'words');
    expect(d.ops).toEqual([
      { op: 'equal', text: 'بلغت الخسائر ' },
      { op: 'delete', text: '300 ' },
      { op: 'insert', text: '450 ' },
      { op: 'equal', text: 'مليون دولار.' },
    ]);
  });

  it('rebuilds both original texts from its operations, whatever they hold', () => {
    const text = fc.array(fc.constantFrom('حلب', 'حلبَ', 'دمشق', '،', ' ', '  ', '.', '300', '٣٠٠', 'وزارة', 'الـصحة', '\n'), { maxLength: 30 }).map((parts) => parts.join(''));
    const hasWord = (t: string) => /[\p{L}\p{N}]/u.test(t);
    fc.assert(
      fc.property(text, text, fc.constantFrom('words' as const, 'exact' as const), (a, b, mode) => {
        const d = diffTexts(a, b, mode);
        if (hasWord(a)) expect(oldSide(d.ops)).toBe(a);
        if (hasWord(b)) expect(newSide(d.ops)).toBe(b);
        const words = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
        expect(d.deleted).toBe(d.ops.filter((o) => o.op === 'delete').reduce((n, o) => n + words(o.text.replace(/[\u0640\u064B-\u0652]/g, '')), 0));
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffVersionTexts', () => {
  const base = { title: 'عنوان الخبر', author: null, section: 'أخبار', paragraphs: ['الفقرة الأولى من الخبر هنا.', 'الفقرة الثانية تتحدث عن شيء آخر تماما.', 'والفقرة الثالثة تختم الخبر.'] };

  it('reads a removed paragraph as removed and an added one as added', () => {
    const d = diffVersionTexts(base, { ...base, paragraphs: [base.paragraphs[0]!, base.paragraphs[2]!, 'فقرة جديدة أضيفت في النهاية.'] }, 'words');
    expect(d.paragraphs.map((r) => r.kind)).toEqual(['same', 'deleted', 'same', 'inserted']);
    expect(d.paragraphs[1]!.ops).toEqual([{ op: 'delete', text: base.paragraphs[1] }]);
  });

  it('pairs an edited paragraph with its old wording', () => {
    const edited = [base.paragraphs[0]!, 'الفقرة الثانية تتحدث عن أمر آخر تماما.', base.paragraphs[2]!];
    const d = diffVersionTexts(base, { ...base, paragraphs: edited }, 'words');
    expect(d.paragraphs.map((r) => r.kind)).toEqual(['same', 'changed', 'same']);
    expect(d.paragraphs[1]!.ops.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: 'شيء ' },
      { op: 'insert', text: 'أمر ' },
    ]);
  });

  it('reports author and section changes, and texts that differ only in marks', () => {
    const d = diffVersionTexts(base, { ...base, author: 'سامر يوسف', section: 'سياسة' }, 'words');
    expect(d.author).toEqual({ from: null, to: 'سامر يوسف' });
    expect(d.section).toEqual({ from: 'أخبار', to: 'سياسة' });
    expect(d.marksOnly).toBe(false);
    const marks = diffVersionTexts(base, { ...base, title: 'عنوانُ الخبـــر' }, 'words');
    expect(marks).toMatchObject({ inserted: 0, deleted: 0, marksOnly: true });
    expect(diffVersionTexts(base, base, 'words')).toMatchObject({ inserted: 0, deleted: 0, marksOnly: false });
  });
});
