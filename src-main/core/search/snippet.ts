// Snippets of the ORIGINAL body text and highlight ranges, from the arabic tokenizer's offsets: the
// window of about SNIPPET_CHARS characters that covers the most query words, cut at word boundaries,
// with "…" where text was cut off. Highlights are UTF-16 offsets into the snippet (or the title), so
// slicing the original gives the matched words with their harakat and tatweel.

import type { Highlight } from '../../common/types.js';
import { scan, type Matcher, type ScannedWords, type TermMatch } from './matcher.js';

export const SNIPPET_CHARS = 240;
export const ELLIPSIS = '…';

export interface Snippet {
  snippet: string;
  highlights: Highlight[];
}

/** Highlight ranges of the matches (one range per word, one per phrase), sorted and without overlaps. */
export function matchRanges(matches: TermMatch[], shift = 0): Highlight[] {
  const ranges = matches.map((m) => ({ start: m.start + shift, end: m.end + shift }));
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Highlight[] = [];
  for (const r of ranges) {
    const prev = out[out.length - 1];
    if (prev && r.start < prev.end) {
      prev.end = Math.max(prev.end, r.end);
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

export function titleHighlights(title: string, matcher: Matcher): Highlight[] {
  return matchRanges(matcher.match(scan(title)));
}

/** The span [from, to) of the matches that cover the most distinct groups and terms within `width` characters. */
function bestRegion(matches: TermMatch[], width: number): { from: number; to: number } | null {
  if (matches.length === 0) return null;
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const groupCount = new Map<number, number>();
  const termCount = new Map<number, number>();
  let best = { score: -1, from: 0, to: 0 };
  let i = 0;
  for (let j = 0; j < sorted.length; j++) {
    const mj = sorted[j] as TermMatch;
    inc(groupCount, mj.group, 1);
    inc(termCount, mj.term, 1);
    while ((sorted[i] as TermMatch).start < mj.end - width && i < j) {
      const mi = sorted[i] as TermMatch;
      inc(groupCount, mi.group, -1);
      inc(termCount, mi.term, -1);
      i++;
    }
    const score = groupCount.size * 1_000_000 + termCount.size * 1000 + (j - i + 1);
    if (score > best.score) best = { score, from: (sorted[i] as TermMatch).start, to: mj.end };
  }
  return { from: best.from, to: best.to };
}

function inc(map: Map<number, number>, key: number, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}

/** Index of the first word whose start is at or after `offset` (words are in text order). */
function firstWordFrom(spans: number[], offset: number): number {
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[2 * mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A snippet of `text` around the best matching region (or its beginning when nothing matches).
 * `scanned` may cover only the first `scannedLength` units of a long text (see scanPrefix).
 */
export function makeSnippet(
  text: string,
  matcher: Matcher,
  width = SNIPPET_CHARS,
  scanned: ScannedWords = scan(text),
  scannedLength = text.length,
  matches: TermMatch[] = matcher.match(scanned),
): Snippet {
  const spans = scanned.spans;
  const words = spans.length / 2;
  if (words === 0) return { snippet: '', highlights: [] };
  const complete = scannedLength >= text.length;
  const wordStart = (k: number): number => spans[2 * k] as number;
  const wordEnd = (k: number): number => spans[2 * k + 1] as number;
  const region = bestRegion(matches, width);
  let start: number;
  let end: number;
  if (region === null) {
    start = wordStart(0);
    end = start + width;
  } else {
    const slack = Math.max(0, width - (region.to - region.from));
    start = Math.max(0, region.from - Math.floor(slack / 3));
    // Start at the paragraph when its beginning is close before the match.
    const newline = text.lastIndexOf('\n', region.from - 1);
    if (newline >= start) start = newline + 1;
    end = Math.max(region.to, start + width);
  }
  // Cut at word boundaries: begin at a word's start, end at a word's end.
  const first = Math.min(firstWordFrom(spans, start), words - 1);
  start = wordStart(first);
  let last = firstWordFrom(spans, end) - 1;
  while (last > first && wordEnd(last) > end) last--;
  last = Math.max(last, first);
  if (region !== null) {
    while (last < words - 1 && wordEnd(last) < region.to) last++;
  }
  end = trimEnd(text, wordEnd(last));
  // Nothing but symbols and spaces before the first word or after the last one: keep them, no "…".
  if (first === 0) start = leadingSpace(text);
  const atEnd = last === words - 1 && complete;
  if (atEnd) end = text.length - trailingSpace(text);
  const lead = first > 0 ? ELLIPSIS : '';
  const tail = atEnd ? '' : ELLIPSIS;
  const snippet = lead + text.slice(start, end).replace(/[\r\n\t]/g, ' ') + tail;
  const inside = matches.filter((m) => m.start >= start && m.end <= end);
  return { snippet, highlights: matchRanges(inside, lead.length - start) };
}

/** Scans the first `limit` units of a text, cut at a space (long bodies: the snippet is looked for there first). */
export function scanPrefix(text: string, limit: number): { scanned: ScannedWords; length: number } {
  if (text.length <= limit) return { scanned: scan(text), length: text.length };
  const cut = Math.max(text.lastIndexOf(' ', limit), text.lastIndexOf('\n', limit));
  const length = cut > 0 ? cut : limit;
  return { scanned: scan(text.slice(0, length)), length };
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

function trailingSpace(text: string): number {
  return text.length - text.trimEnd().length;
}

/** Extends the end over up to 3 punctuation marks right after the last word (". » )"), never over spaces. */
function trimEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && e < end + 3 && /[^\s\p{L}\p{N}]/u.test(text[e] as string)) e++;
  return e;
}
