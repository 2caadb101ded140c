// A 64-bit SimHash of an article's normalised text: the one fingerprint that both article identity
// (an edited re-scrape is the same article) and near-duplicate groups (the same wire story on several
// sites) compare. Features are the distinct 3-word shingles of the normalised body, so a changed
// word moves only the three shingles that hold it, and a prefix added to the headline ("عام /")
// moves nothing. Unrelated texts differ in about 32 of the 64 bits (never fewer than ~20 in the
// 31k-article corpus); the same text with a fraction f of its shingles changed differs in about
// 64·acos(1−f)/π bits (a 2% change: ~4 bits, 5%: ~6). The distance is a cheap first test; where a
// decision needs certainty, shingleSimilarity() compares the two texts exactly.

/** Bytes in a fingerprint (stored as a BLOB in articles.fingerprint). */
export const FINGERPRINT_BYTES = 8;
/** A text with fewer distinct shingles than this is too short to fingerprint reliably. */
export const MIN_SHINGLES = 8;
const SHINGLE = 3;

function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

// Scratch space of the hot path (one import page at a time per thread): word and shingle hashes as
// unsigned 32-bit integers, never as numbers boxed on the heap.
let wordScratch = new Uint32Array(1024);
let shingleScratch = new Uint32Array(1024);

/** FNV-1a of each space-separated word of `norm`, into wordScratch; returns how many. */
function hashWords(norm: string): number {
  const most = Math.ceil((norm.length + 1) / 2); // words are separated by single spaces
  if (wordScratch.length < most) wordScratch = new Uint32Array(most + 1024);
  const out = wordScratch;
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x20) {
      if (inWord) out[n++] = h;
      h = 0x811c9dc5;
      inWord = false;
      continue;
    }
    h = Math.imul(h ^ c, 0x01000193);
    inWord = true;
  }
  if (inWord) out[n++] = h;
  return n;
}

/** FNV-1a of each space-separated word of `norm`. */
function wordHashes(norm: string): number[] {
  const count = hashWords(norm); // first: it may replace wordScratch with a larger one
  return Array.from(wordScratch.subarray(0, count));
}

/** The hash of the shingle of words i, i+1, i+2 (or of all the words when there are fewer than three). */
function shingleAt(words: Uint32Array, count: number, i: number): number {
  if (count < SHINGLE) {
    let a = 17;
    for (let k = 0; k < count; k++) a = Math.imul(a, 31) + words[k]!;
    return fmix32(a);
  }
  return fmix32(words[i]! + Math.imul(words[i + 1]!, 0x9e3779b1) + Math.imul(words[i + 2]!, 0x85ebca77));
}

/** How many shingle hashes `count` words give (repeats included). */
function shingleCount(count: number): number {
  return count === 0 ? 0 : count < SHINGLE ? 1 : count - SHINGLE + 1;
}

/**
 * The distinct 3-word shingle hashes of a normalised text, sorted: a view of scratch space, valid
 * until the next call (the fast path of fingerprintOf and of sketches that one pass over a text serves).
 */
export function distinctShingles(norm: string): Uint32Array {
  const words = hashWords(norm);
  const total = shingleCount(words);
  if (shingleScratch.length < total) shingleScratch = new Uint32Array(total + 1024);
  const all = shingleScratch.subarray(0, total);
  for (let i = 0; i < total; i++) all[i] = shingleAt(wordScratch, words, i);
  all.sort();
  let distinct = 0;
  for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[distinct - 1]) all[distinct++] = all[i]!;
  return all.subarray(0, distinct);
}

/** Distinct shingle hashes of the words. */
function shingles(words: number[]): Set<number> {
  const set = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length > 0) set.add(fmix32(words.reduce((a, w) => Math.imul(a, 31) + w, 17)));
    return set;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = words[i]! + Math.imul(words[i + 1]!, 0x9e3779b1) + Math.imul(words[i + 2]!, 0x85ebca77);
    set.add(fmix32(h));
  }
  return set;
}

/** Per nibble of the 64 bits (the shingle hash, then its remix), how many shingles have each of its 16 values. */
const nibbleCounts = new Int32Array(16 * 16);

/** The SimHash of distinct shingle hashes (distinctShingles): bit k is set when more than half of them have it set. */
export function simHash(distinct: Uint32Array): Uint8Array {
  const counts = nibbleCounts.fill(0);
  for (let i = 0; i < distinct.length; i++) {
    const a = distinct[i]!;
    const b = fmix32(a ^ 0x5bd1e995);
    for (let k = 0; k < 8; k++) {
      counts[(k << 4) | ((a >>> (k << 2)) & 15)]!++;
      counts[((8 + k) << 4) | ((b >>> (k << 2)) & 15)]!++;
    }
  }
  const bytes = new Uint8Array(FINGERPRINT_BYTES);
  for (let bit = 0; bit < 64; bit++) {
    const row = (bit >> 2) << 4;
    const mask = 1 << (bit & 3);
    let ones = 0;
    for (let v = 0; v < 16; v++) if (v & mask) ones += counts[row | v]!;
    if (2 * ones > distinct.length) bytes[bit >> 3]! |= 1 << (bit & 7);
  }
  return bytes;
}

/**
 * The fingerprint of a text given as normalised words joined by single spaces (analyzeForIndex().norm),
 * or null when it has too few words. Pass the body; the headline is added only when the body alone is
 * too short, since copies of one story often differ in their headlines.
 */
export function fingerprintOf(bodyNorm: string, titleNorm = ''): Uint8Array | null {
  let distinct = distinctShingles(bodyNorm);
  if (distinct.length < MIN_SHINGLES && titleNorm !== '') distinct = distinctShingles(`${titleNorm} ${bodyNorm}`);
  if (distinct.length < MIN_SHINGLES) return null;
  return simHash(distinct);
}

const POPCOUNT = new Uint8Array(256).map((_, i) => {
  let n = 0;
  for (let v = i; v !== 0; v &= v - 1) n++;
  return n;
});

/** Bits in which two fingerprints differ (64 when either is missing or malformed). */
export function fingerprintDistance(a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): number {
  if (!a || !b || a.length !== FINGERPRINT_BYTES || b.length !== FINGERPRINT_BYTES) return 64;
  let d = 0;
  for (let i = 0; i < FINGERPRINT_BYTES; i++) d += POPCOUNT[(a[i]! ^ b[i]!) & 0xff]!;
  return d;
}

/**
 * The four 16-bit bands of a fingerprint. Two fingerprints at most 3 bits apart share at least one band
 * exactly (pigeonhole), so an index on the bands finds every near twin without comparing all pairs.
 */
export function fingerprintBands(fp: Uint8Array): [number, number, number, number] {
  return [fp[0]! | (fp[1]! << 8), fp[2]! | (fp[3]! << 8), fp[4]! | (fp[5]! << 8), fp[6]! | (fp[7]! << 8)];
}

/** Fingerprints at most this many bits apart are the same text give or take a few words. */
export const NEAR_IDENTICAL_BITS = 3;

/** Jaccard similarity of the distinct 3-word shingles of two normalised texts (1 = same shingles). */
export function shingleSimilarity(aNorm: string, bNorm: string): number {
  const a = shingles(wordHashes(aNorm));
  const b = shingles(wordHashes(bNorm));
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const h of a) if (b.has(h)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Jaccard similarity and containment (shared shingles over the smaller set) of two normalised texts.
 * Containment stays high when one text is the other with paragraphs removed or added, where Jaccard
 * falls with the share of text that changed; both are 0 when either text has no shingle.
 */
export function shingleOverlap(aNorm: string, bNorm: string): { similarity: number; containment: number } {
  const a = shingles(wordHashes(aNorm));
  const b = shingles(wordHashes(bNorm));
  if (a.size === 0 || b.size === 0) return { similarity: 0, containment: 0 };
  let shared = 0;
  for (const h of a) if (b.has(h)) shared++;
  return { similarity: shared / (a.size + b.size - shared), containment: shared / Math.min(a.size, b.size) };
}

/** Jaccard similarity of two sorted lists of distinct shingle hashes (distinctShingles, copied). */
export function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * Calls `visit` with the hash of every 3-word shingle of a normalised text, in order, repeats
 * included (the same hashes as shingleSet, without building a set); returns how many it visited.
 */
export function forEachShingle(norm: string, visit: (hash: number) => void): number {
  const words = hashWords(norm);
  const total = shingleCount(words);
  for (let i = 0; i < total; i++) visit(shingleAt(wordScratch, words, i));
  return total;
}
