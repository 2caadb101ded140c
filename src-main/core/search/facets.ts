// Facet counts (site, section, year, author: the top 20 of each) and the month timeline over the
// whole result set, counted from the hit ids with the in-memory metadata (meta.ts). The timeline and
// the year facet count in the query's calendar: Gregorian, or Hijri (Umm al-Qura) months and years.
// Articles without a section, author or date count in no bucket of that facet.

import type { Calendar, CountBucket, SearchFacets } from '../../common/types.js';
import type { ArchiveMeta, Column } from './meta.js';

export const FACET_SIZE = 20;

export function emptyFacets(): SearchFacets {
  return { site: [], section: [], year: [], author: [] };
}

function tally(column: Column, ids: Int32Array): Int32Array {
  const counts = new Int32Array(column.names.length);
  const codes = column.codes;
  const n = ids.length;
  for (let i = 0; i < n; i++) {
    const code = codes[ids[i]!]!;
    if (code >= 0) counts[code]!++;
  }
  return counts;
}

function compareBuckets(a: CountBucket, b: CountBucket): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** The buckets with a count, biggest first (ties by value), at most `top`: one pass keeping the best `top`. */
function buckets(names: readonly string[], counts: Int32Array, top: number): CountBucket[] {
  const best: CountBucket[] = [];
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (count === 0) continue;
    if (best.length === top) {
      const worst = best[top - 1]!;
      if (count < worst.count || (count === worst.count && names[i]! > worst.value)) continue;
    }
    const bucket = { value: names[i]!, count };
    let at = best.length;
    while (at > 0 && compareBuckets(bucket, best[at - 1]!) < 0) at--;
    best.splice(at, 0, bucket);
    if (best.length > top) best.pop();
  }
  return best;
}

/**
 * Facets and the timeline of the hits `ids`; the timeline and the year facet in `calendar`. Hits are
 * counted by publication day, then the days with a count are added into their months (each day's
 * month was converted once, meta.ts): the cost per query is one pass over the hits plus one over the
 * archive's distinct days, whichever the calendar.
 */
export function computeFacets(meta: ArchiveMeta, ids: Int32Array, calendar: Calendar = 'gregorian'): { facets: SearchFacets; timeline: CountBucket[] } {
  const days = tally(meta.day, ids);
  const { names: monthNames, ofDay } = meta.monthsOf(calendar);
  const months = new Int32Array(monthNames.length);
  for (let day = 0; day < days.length; day++) {
    const count = days[day]!;
    if (count === 0) continue;
    const month = ofDay[day]!;
    if (month >= 0) months[month]! += count;
  }
  const yearCounts = new Map<string, number>();
  const timeline: CountBucket[] = [];
  for (let code = 0; code < months.length; code++) {
    const count = months[code]!;
    if (count === 0) continue;
    const month = monthNames[code]!;
    timeline.push({ value: month, count });
    const year = month.slice(0, 4);
    yearCounts.set(year, (yearCounts.get(year) ?? 0) + count);
  }
  timeline.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const years = [...yearCounts.keys()];
  const facets: SearchFacets = {
    site: buckets(meta.site.names, tally(meta.site, ids), FACET_SIZE),
    section: buckets(meta.section.names, tally(meta.section, ids), FACET_SIZE),
    year: buckets(years, Int32Array.from(years, (y) => yearCounts.get(y) ?? 0), FACET_SIZE),
    author: buckets(meta.author.names, tally(meta.author, ids), FACET_SIZE),
  };
  return { facets, timeline };
}
