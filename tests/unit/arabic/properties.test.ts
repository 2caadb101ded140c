import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeForIndex, indexStems, normalizeText, stem, tokenize } from '../../../src-main/core/arabic/index.js';

const arabicish = fc.string({
  unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةـًٌٍَُِّْٰ ،.؛؟«»\u00a0\u200c\u200dﻻﷺ٠١٢3aZ'.split('')),
  maxLength: 60,
});
const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), arabicish);

describe('properties', () => {
  it('normalize, tokenize, stem and analyzeForIndex never throw', () => {
    fc.assert(
      fc.property(anything, (text) => {
        normalizeText(text);
        analyzeForIndex(text);
        for (const t of tokenize(text)) {
          stem(t.norm);
          indexStems(t.norm);
        }
        stem(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('token offsets slice back to a non-empty substring; norms and stems are non-empty words', () => {
    fc.assert(
      fc.property(anything, (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
          expect(t.norm).toMatch(/^[\p{L}\p{N}\p{Co}]+$/u);
          expect(t.stem.length).toBeGreaterThan(0);
          for (const s of indexStems(t.norm, t.final)) expect(s).toMatch(/^[\p{L}\p{N}\p{Co}]+$/u);
          last = t.start;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('analyzeForIndex(text).norm is the tokens\u2019 norms joined by spaces; its stems start with the query stem', () => {
    fc.assert(
      fc.property(arabicish, (text) => {
        const toks = tokenize(text);
        const r = analyzeForIndex(text);
        expect(r.norm).toBe(toks.map((t) => t.norm).join(' '));
        expect(r.stem).toBe(toks.flatMap((t) => indexStems(t.norm, t.final)).join(' '));
        for (const t of toks) expect(indexStems(t.norm, t.final)[0]).toBe(t.stem);
      }),
      { numRuns: 1000 },
    );
  });
});
