// A growable UTF-16 code-unit buffer: the normalisers write code units into it and decode once,
// instead of concatenating strings character by character.

const decoder = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const SMALL = 64;

export class CodeBuffer {
  private units: Uint16Array;
  length = 0;

  constructor(capacity = 1024) {
    this.units = new Uint16Array(capacity);
  }

  /** Empties the buffer and makes room for at least `capacity` code units. */
  reset(capacity: number): void {
    this.length = 0;
    if (this.units.length < capacity) this.units = new Uint16Array(Math.max(capacity, this.units.length * 2));
  }

  /** Makes room for `extra` more code units. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.units.length) return;
    const grown = new Uint16Array(Math.max(need, this.units.length * 2));
    grown.set(this.units.subarray(0, this.length));
    this.units = grown;
  }

  /** The underlying code units (valid until the next write that grows the buffer). */
  get raw(): Uint16Array {
    return this.units;
  }

  /** Appends one code unit; the caller has reserved room. */
  push(unit: number): void {
    this.units[this.length++] = unit;
  }

  /** The code units from `start` to `end` as a string (the whole buffer by default). */
  toString(start = 0, end = this.length): string {
    const n = end - start;
    if (n <= 0) return '';
    if (n <= SMALL || !LITTLE_ENDIAN) {
      let out = '';
      for (let i = start; i < end; i += 4096) {
        out += String.fromCharCode(...this.units.subarray(i, Math.min(end, i + 4096)));
      }
      return out;
    }
    return decoder.decode(new Uint8Array(this.units.buffer, start * 2, n * 2));
  }
}
