/**
 * Turns a plain string and highlight ranges into text/mark segments, so matched words can be
 * rendered as <mark> elements without ever treating archive text as HTML.
 */
import type { Highlight } from '../../src-main/common/types.js';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Sorts, clamps and merges ranges; drops empty or invalid ones. */
export function normalizeRanges(length: number, ranges: readonly Highlight[]): Highlight[] {
  const clean = ranges
    .filter((r) => Number.isFinite(r.start) && Number.isFinite(r.end))
    .map((r) => ({ start: Math.max(0, Math.min(length, Math.trunc(r.start))), end: Math.max(0, Math.min(length, Math.trunc(r.end))) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Highlight[] = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export function segments(text: string, ranges: readonly Highlight[] = []): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const r of normalizeRanges(text.length, ranges)) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), mark: false });
    out.push({ text: text.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}
