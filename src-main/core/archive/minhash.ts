// A MinHash sketch of a text's 3-word shingles (core/arabic/fingerprint.ts: forEachShingle), cut into
// bands for locality-sensitive hashing: two texts share a band with probability 1 − (1 − J^ROWS)^BANDS,
// J their shingle Jaccard similarity (J = 0.75: 95%; J = 0.5: 40%; J = 0.2: 1%). Measured on the
// SaudiNewsNet corpus, it finds every pair of near-duplicates that the 64-bit SimHash bands find and
// as many again (SimHash distance varies too much between copies of short texts).
//
// One-permutation hashing: each shingle hash picks one of SLOTS slots by its top bits and competes for
// that slot's minimum with its low bits; an empty slot borrows its next filled slot's value, shifted,
// so identical texts always give identical sketches.

import { distinctShingles } from '../arabic/fingerprint.js';

export const BANDS = 8;
export const ROWS = 4;
const SLOTS = BANDS * ROWS; // 32: a power of two, chosen by the top 5 bits
const SLOT_SHIFT = 27;
const EMPTY = 0xffffffff;

/** The BANDS band hashes (32-bit) of a normalised text, or null for an empty text. */
export function sketchBands(norm: string): number[] | null {
  return sketchBandsOf(distinctShingles(norm));
}

/** sketchBands from a text's shingle hashes (repeats change no minimum), or null when there are none. */
export function sketchBandsOf(shingles: Uint32Array): number[] | null {
  if (shingles.length === 0) return null;
  const mins = new Uint32Array(SLOTS).fill(EMPTY);
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i]!;
    const slot = h >>> SLOT_SHIFT;
    const value = Math.imul(h, 0x9e3779b1) >>> 0;
    if (value < mins[slot]!) mins[slot] = value;
  }
  for (let s = 0; s < SLOTS; s++) {
    if (mins[s] !== EMPTY) continue;
    for (let step = 1; step < SLOTS; step++) {
      const from = mins[(s + step) % SLOTS]!;
      if (from === EMPTY) continue;
      mins[s] = (from + Math.imul(step, 0x85ebca6b)) >>> 0;
      break;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ mins[b * ROWS + r]!, 0x01000193);
    bands.push(h >>> 0);
  }
  return bands;
}
