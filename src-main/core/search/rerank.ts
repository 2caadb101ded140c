// Second pass over the first RERANK_DEPTH hits of the BM25 order, in TypeScript, with the original
// text: within its tier, a hit moves up when its headline holds the query's exact words (not only
// their stems), when the query's words stand close together and in the query's order (in the
// headline, and in the body), and when the body's lead mentions them. Tiers never mix.

import type { TermMatch, Matcher } from './matcher.js';
import type { RankedHit } from './ranking.js';

export const RERANK_DEPTH = 24;
/** How much of the body counts as its lead (UTF-16 units). */
export const LEAD_CHARS = 1200;

export interface DocMatches {
  title: TermMatch[];
  body: TermMatch[];
}

export interface ScoredHit extends RankedHit {
  score: number;
}

/** Smallest number of words that covers a match of every group present (Infinity if some group is absent). */
export function minimalSpan(matches: TermMatch[], groups: number): number {
  if (groups === 0) return Infinity;
  const sorted = [...matches].sort((a, b) => a.first - b.first);
  const counts = new Map<number, number>();
  let best = Infinity;
  let i = 0;
  for (let j = 0; j < sorted.length; j++) {
    const mj = sorted[j] as TermMatch;
    counts.set(mj.group, (counts.get(mj.group) ?? 0) + 1);
    while (counts.size === groups) {
      const mi = sorted[i] as TermMatch;
      let last = mj.last;
      for (let k = i; k <= j; k++) last = Math.max(last, (sorted[k] as TermMatch).last);
      best = Math.min(best, last - mi.first + 1);
      const n = (counts.get(mi.group) ?? 0) - 1;
      if (n === 0) counts.delete(mi.group);
      else counts.set(mi.group, n);
      i++;
    }
  }
  return best;
}

/** True when the first match of each group comes in the query's group order. */
function inQueryOrder(matches: TermMatch[]): boolean {
  const firstOf = new Map<number, number>();
  for (const m of matches) if (!firstOf.has(m.group)) firstOf.set(m.group, m.first);
  let prev = -1;
  for (const [, first] of [...firstOf.entries()].sort((a, b) => a[0] - b[0])) {
    if (first < prev) return false;
    prev = first;
  }
  return true;
}

function distinctGroups(matches: TermMatch[], exactOnly = false): number {
  const seen = new Set<number>();
  for (const m of matches) if (!exactOnly || m.exact) seen.add(m.group);
  return seen.size;
}

function closeness(matches: TermMatch[], groups: number, width: number): number {
  if (groups < 2) return distinctGroups(matches) > 0 ? 1 : 0;
  const span = minimalSpan(matches, groups);
  if (!Number.isFinite(span)) return 0;
  return Math.min(1, width / span);
}

/** The bonus factor of one hit from its matches (1 = no bonus). */
export function bonus(m: DocMatches, matcher: Matcher): number {
  const g = Math.max(1, matcher.groups);
  const lead = m.body.filter((x) => x.start < LEAD_CHARS);
  const exactTitle = distinctGroups(m.title, true) / g;
  const titleClose = g > 1 ? closeness(m.title, matcher.groups, matcher.groups) : 0;
  const titleOrder = g > 1 && titleClose > 0 && inQueryOrder(m.title) ? 1 : 0;
  const leadCover = distinctGroups(lead) / g;
  const bodyClose = g > 1 ? closeness(m.body, matcher.groups, matcher.groups + 1) : 0;
  return 1 + 0.3 * exactTitle + 0.3 * titleClose + 0.1 * titleOrder + 0.2 * leadCover + 0.2 * bodyClose;
}

/**
 * Re-scores the first `depth` hits within their tiers and gives every hit a score that decreases
 * along the final order: 2 + x in tier A, 1 + x in tier B, x in tier C, with x in [0, 1).
 */
export function rerank(hits: RankedHit[], matches: (id: number) => DocMatches | null, matcher: Matcher, depth = RERANK_DEPTH): ScoredHit[] {
  const head = hits.slice(0, depth);
  const topBm25 = new Map<number, number>();
  for (const h of hits) topBm25.set(h.tier, Math.max(topBm25.get(h.tier) ?? 0, h.bm25));
  const norm = (h: RankedHit): number => {
    const top = topBm25.get(h.tier) ?? 0;
    return top > 0 ? h.bm25 / top : 0.5;
  };
  const rescored = head.map((h) => {
    const m = matches(h.id);
    return { hit: h, value: norm(h) * (m ? bonus(m, matcher) : 1) };
  });
  rescored.sort((a, b) => a.hit.tier - b.hit.tier || b.value - a.value || b.hit.id - a.hit.id);
  const topValue = new Map<number, number>();
  for (const r of rescored) topValue.set(r.hit.tier, Math.max(topValue.get(r.hit.tier) ?? 0, r.value));
  const out: ScoredHit[] = [];
  const push = (h: RankedHit, x: number): void => {
    const raw = 2 - h.tier + Math.min(0.999, Math.max(0, x));
    const prev = out[out.length - 1];
    out.push({ ...h, score: prev ? Math.min(prev.score, raw) : raw });
  };
  for (const r of rescored) push(r.hit, (0.999 * r.value) / (topValue.get(r.hit.tier) || 1));
  for (const h of hits.slice(depth)) push(h, 0.999 * norm(h));
  return out;
}
