import { describe, expect, it } from 'vitest';
import { UnitsCache, hashUnits } from '../../../src-main/core/arabic/unitsCache.js';

const units = (s: string): Uint16Array => Uint16Array.from(s, (c) => c.charCodeAt(0));

describe('UnitsCache', () => {
  it('finds what was set, by code units, through collisions and after being emptied when full', () => {
    const cache = new UnitsCache<string>(3); // 8 slots, at most 4 entries
    const words = ['حلب', 'بحلب', 'a', 'ab', 'ba', 'كتاب', 'x', 'حلب2'];
    const ref = new Map<string, string>();
    for (const w of words) {
      const u = units(`  ${w} `);
      const h = hashUnits(u, 2, 2 + w.length);
      const hit = cache.get(u, 2, 2 + w.length, h);
      if (hit !== undefined) expect(hit).toBe(ref.get(w));
      else cache.set(u, 2, 2 + w.length, h, `v:${w}`);
      ref.set(w, `v:${w}`);
      expect(cache.get(u, 2, 2 + w.length, h)).toBe(`v:${w}`);
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    // Same hash, different length or units: not confused.
    const u = units('ab');
    expect(cache.get(u, 0, 1, hashUnits(u, 0, 2))).toBeUndefined();
  });
});
