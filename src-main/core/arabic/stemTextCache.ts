// A bounded cache from a normalised word (a range of UTF-16 code units, and how its last letter was
// written) to the text it contributes to the stem index, so the hot loop of analyzeForIndex looks
// words up without creating a string per word. Laid out for the memory cache: a word costs one slot
// of the table (hash, where its units are, lengths) and one run of the pool holding its units
// followed by its stem text; an import analyses hundreds of words per page, most of them hits.
// Open addressing with linear probing; emptied when full (a news archive's vocabulary fits).

export function hashUnits(units: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (units[i] ?? 0), 0x01000193);
  return h >>> 0;
}

/** Ints per slot: hash, pool offset + 1 (0: empty), key length | final << 16, value length. */
const SLOT = 4;
/** Code units the pool may hold before the cache is emptied (16 MB). */
const MAX_POOL = 8 << 20;

export class StemTextCache {
  private readonly mask: number;
  private readonly maxEntries: number;
  private readonly table: Int32Array;
  private units: Uint16Array;
  private poolLength = 0;
  private entries = 0;

  constructor(bits = 19) {
    this.mask = (1 << bits) - 1;
    this.maxEntries = 1 << (bits - 1);
    this.table = new Int32Array(SLOT << bits);
    this.units = new Uint16Array(1 << 16);
  }

  get size(): number {
    return this.entries;
  }

  /** The pool: a value found at `valueAt(slot)` spans `valueLength(slot)` code units of it. */
  get pool(): Uint16Array {
    return this.units;
  }

  valueAt(slot: number): number {
    const t = this.table;
    return (t[slot + 1] ?? 0) - 1 + ((t[slot + 2] ?? 0) & 0xffff);
  }

  valueLength(slot: number): number {
    return this.table[slot + 3] ?? 0;
  }

  /** The slot of the word units[start..end) written with `final`, or -1 when it is not cached. */
  find(units: Uint16Array, start: number, end: number, final: number, hash: number): number {
    const t = this.table;
    const pool = this.units;
    const keyInfo = (end - start) | (final << 16);
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const slot = s * SLOT;
      const at = (t[slot + 1] ?? 0) - 1;
      if (at < 0) return -1;
      if (t[slot] !== (hash | 0) || t[slot + 2] !== keyInfo) continue;
      let same = true;
      for (let i = start, k = at; i < end; i++, k++) {
        if (pool[k] !== units[i]) {
          same = false;
          break;
        }
      }
      if (same) return slot;
    }
  }

  /** Caches a word find() did not find, with its value; returns its slot. */
  add(units: Uint16Array, start: number, end: number, final: number, hash: number, value: string): number {
    const len = end - start;
    const need = len + value.length;
    if (this.entries >= this.maxEntries || this.poolLength + need > MAX_POOL) this.clear();
    if (this.poolLength + need > this.units.length) {
      const grown = new Uint16Array(Math.min(MAX_POOL, Math.max(this.units.length * 2, this.poolLength + need)));
      grown.set(this.units.subarray(0, this.poolLength));
      this.units = grown;
    }
    const pool = this.units;
    const at = this.poolLength;
    for (let i = 0; i < len; i++) pool[at + i] = units[start + i] ?? 0;
    for (let i = 0; i < value.length; i++) pool[at + len + i] = value.charCodeAt(i);
    this.poolLength += need;
    this.entries++;
    const t = this.table;
    let s = hash & this.mask;
    while ((t[s * SLOT + 1] ?? 0) !== 0) s = (s + 1) & this.mask;
    const slot = s * SLOT;
    t[slot] = hash | 0;
    t[slot + 1] = at + 1;
    t[slot + 2] = len | (final << 16);
    t[slot + 3] = value.length;
    return slot;
  }

  clear(): void {
    this.table.fill(0);
    this.poolLength = 0;
    this.entries = 0;
  }
}
