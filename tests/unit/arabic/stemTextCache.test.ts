import { describe, expect, it } from 'vitest';
import { StemTextCache, hashUnits } from '../../../src-main/core/arabic/stemTextCache.js';

const units = (s: string): Uint16Array => Uint16Array.from(s, (c) => c.charCodeAt(0));

function valueOf(cache: StemTextCache, slot: number): string {
  const from = cache.valueAt(slot);
  return String.fromCharCode(...cache.pool.subarray(from, from + cache.valueLength(slot)));
}

describe('StemTextCache', () => {
  it('finds what was added, by code units and final, through collisions and after being emptied when full', () => {
    const cache = new StemTextCache(3); // 8 slots, at most 4 entries
    const words: Array<[string, number]> = [['حلب', 0], ['بحلب', 0], ['a', 0], ['ab', 0], ['ba', 0], ['كتاب', 0], ['x', 0], ['حلب2', 0], ['مدينه', 0], ['مدينه', 1], ['علي', 2]];
    const ref = new Map<string, string>();
    for (const round of [0, 1]) {
      for (const [w, final] of words) {
        const u = units(`  ${w} `);
        const h = hashUnits(u, 2, 2 + w.length);
        const key = `${w}/${final}`;
        const hit = cache.find(u, 2, 2 + w.length, final, h);
        if (hit >= 0) expect(valueOf(cache, hit)).toBe(ref.get(key));
        const value = `v:${key}:${round === 0 ? '' : 'x'.repeat(w.length)}`;
        const slot = hit >= 0 ? hit : cache.add(u, 2, 2 + w.length, final, h, ref.get(key) ?? value);
        ref.set(key, valueOf(cache, slot));
        expect(valueOf(cache, cache.find(u, 2, 2 + w.length, final, h))).toBe(ref.get(key));
        expect(cache.size).toBeLessThanOrEqual(4);
      }
    }
    // Same hash, different length, units or final: not confused.
    const u = units('ab');
    expect(cache.find(u, 0, 1, 0, hashUnits(u, 0, 2))).toBe(-1);
    const m = units('مدينه');
    cache.clear();
    expect(cache.find(m, 0, 5, 1, hashUnits(m, 0, 5))).toBe(-1);
    cache.add(m, 0, 5, 1, hashUnits(m, 0, 5), 'مدينة');
    expect(cache.find(m, 0, 5, 2, hashUnits(m, 0, 5))).toBe(-1);
    expect(valueOf(cache, cache.find(m, 0, 5, 1, hashUnits(m, 0, 5)))).toBe('مدينة');
  });
});
