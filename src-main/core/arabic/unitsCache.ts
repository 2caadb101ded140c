// A bounded cache from words held as UTF-16 code units (a range of a Uint16Array) to values, so the
// hot loop of analyzeForIndex looks words up without creating a string per word. Open addressing
// with linear probing; emptied when full (the vocabulary of a news archive fits comfortably).

export function hashUnits(units: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (units[i] ?? 0), 0x01000193);
  return h >>> 0;
}

export class UnitsCache<V> {
  private readonly mask: number;
  private readonly maxEntries: number;
  private slots: Int32Array;
  private hashes: Uint32Array;
  private keyStart: Int32Array;
  private keyEnd: Int32Array;
  private pool: Uint16Array;
  private poolLength = 0;
  private values: V[] = [];

  constructor(bits = 19) {
    this.mask = (1 << bits) - 1;
    this.maxEntries = 1 << (bits - 1);
    this.slots = new Int32Array(1 << bits);
    this.hashes = new Uint32Array(this.maxEntries);
    this.keyStart = new Int32Array(this.maxEntries);
    this.keyEnd = new Int32Array(this.maxEntries);
    this.pool = new Uint16Array(this.maxEntries * 8);
  }

  get size(): number {
    return this.values.length;
  }

  get(units: Uint16Array, start: number, end: number, hash: number): V | undefined {
    const len = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = (this.slots[slot] ?? 0) - 1;
      if (e < 0) return undefined;
      if (this.hashes[e] !== hash) continue;
      const ks = this.keyStart[e] ?? 0;
      if ((this.keyEnd[e] ?? 0) - ks !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (this.pool[ks + i] !== units[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.values[e];
    }
  }

  /** Adds a word that get() did not find. */
  set(units: Uint16Array, start: number, end: number, hash: number, value: V): void {
    if (this.values.length >= this.maxEntries) this.clear();
    const len = end - start;
    if (this.poolLength + len > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + len));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.pool.set(units.subarray(start, end), this.poolLength);
    const e = this.values.length;
    this.values.push(value);
    this.hashes[e] = hash;
    this.keyStart[e] = this.poolLength;
    this.keyEnd[e] = this.poolLength + len;
    this.poolLength += len;
    let slot = hash & this.mask;
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = e + 1;
  }

  clear(): void {
    this.slots.fill(0);
    this.values = [];
    this.poolLength = 0;
  }
}
