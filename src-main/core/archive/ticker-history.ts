// A site's ticker over time: which days it was scraped and how many headlines it carried; for each
// headline (by its normalised words, so a re-punctuated headline is the same one), the days it was
// on and its position each day; and which headlines left early.
//
// "Left early" is judged against the headline's cohort — the headlines that entered the ticker on
// the same scrape day: a headline left early when it stayed at most half as many consecutive scrape
// days as the cohort's median. Headlines on the ticker on the range's first scrape day (they may
// have entered before) or still on it on its last are censored: their stay is not fully seen, so
// they are neither judged nor counted in a cohort's median. Days are scrape days of the site, so a
// day without a scrape neither ends nor extends a stay.

import type { TickerCalendarDay, TickerHeadlineHistory, TickerHeadlineTrack, TickerHistory } from '../../common/types.js';
import { titleKey } from '../arabic/index.js';
import { splitByline } from '../pages/byline.js';
import type { Archive } from './archive.js';

/** A cohort needs this many judged headlines for its median to mean anything. */
const MIN_COHORT = 3;

interface DayRow {
  day: string;
  headlines: number;
}

interface ItemRow {
  day: string;
  position: number;
  headline: string;
  title_key: string;
}

function rangeWhere(query: { from?: string | undefined; to?: string | undefined }): string {
  return `${query.from ? ' AND d.day >= @from' : ''}${query.to ? ' AND d.day <= @to' : ''}`;
}

/** Archived articles of a site whose headline (shown or earlier) has each key. */
function linkArticles(archive: Archive, site: string, keys: string[]): Map<string, number> {
  const links = new Map<string, number>();
  if (keys.length === 0) return links;
  const rows = archive.db
    .prepare(
      `SELECT k.value AS key, coalesce(
         (SELECT min(a.id) FROM articles a WHERE a.site = @site AND a.title_key = k.value),
         (SELECT min(v.article_id) FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.title_key = k.value AND a.site = @site)
       ) AS id
       FROM json_each(@keys) k`,
    )
    .all({ site, keys: JSON.stringify(keys) }) as Array<{ key: string; id: number | null }>;
  for (const r of rows) if (r.id !== null) links.set(r.key, r.id);
  return links;
}

export function getTickerHistory(archive: Archive, query: { site: string; from?: string | undefined; to?: string | undefined }): TickerHistory {
  const params = { site: query.site, from: query.from ?? '', to: query.to ?? '' };
  const days = archive.db
    .prepare(
      `SELECT d.day, (SELECT count(*) FROM ticker_items t WHERE t.ticker_day_id = d.id) AS headlines
       FROM ticker_days d WHERE d.site = @site${rangeWhere(query)} ORDER BY d.day`,
    )
    .all(params) as DayRow[];
  const items = archive.db
    .prepare(
      `SELECT d.day, t.position, t.headline, t.title_key FROM ticker_days d JOIN ticker_items t ON t.ticker_day_id = d.id
       WHERE d.site = @site${rangeWhere(query)} ORDER BY d.day, t.position`,
    )
    .all(params) as ItemRow[];
  const dayIndex = new Map(days.map((d, i) => [d.day, i]));
  const tracks = new Map<string, { headline: string; days: Array<{ date: string; position: number }>; indexes: number[] }>();
  for (const item of items) {
    const key = item.title_key || item.headline;
    let track = tracks.get(key);
    if (!track) {
      track = { headline: item.headline, days: [], indexes: [] };
      tracks.set(key, track);
    }
    const index = dayIndex.get(item.day)!;
    if (track.indexes[track.indexes.length - 1] === index) continue; // the same headline twice on one day: its first position
    track.headline = item.headline;
    track.days.push({ date: item.day, position: item.position });
    track.indexes.push(index);
  }
  const links = linkArticles(archive, query.site, [...tracks.keys()]);
  const lastIndex = days.length - 1;
  const judged = [...tracks].map(([key, t]) => {
    const first = t.indexes[0]!;
    let stay = 1;
    while (stay < t.indexes.length && t.indexes[stay] === first + stay) stay++;
    const censored = first === 0 || first + stay - 1 === lastIndex;
    return { key, t, first, stay, censored };
  });
  const cohortStays = new Map<number, number[]>();
  for (const j of judged) {
    if (j.censored) continue;
    const list = cohortStays.get(j.first) ?? [];
    list.push(j.stay);
    cohortStays.set(j.first, list);
  }
  const headlines: TickerHeadlineHistory[] = judged
    .sort((x, y) => x.first - y.first || x.t.days[0]!.position - y.t.days[0]!.position)
    .map((j) => {
      const cohort = cohortStays.get(j.first) ?? [];
      const cohortStay = cohort.length >= MIN_COHORT ? median(cohort) : null;
      return {
        headline: j.t.headline,
        articleId: links.get(j.key) ?? null,
        days: j.t.days,
        stay: j.stay,
        cohortStay,
        censored: j.censored,
        leftEarly: !j.censored && cohortStay !== null && j.stay * 2 <= cohortStay,
      };
    });
  const calendar: TickerCalendarDay[] = days.map((d) => ({ date: d.day, headlines: d.headlines }));
  return { site: query.site, from: query.from ?? null, to: query.to ?? null, days: calendar, headlines };
}

/** One headline of a site across every scrape day: the days it was on the ticker and its position. */
export function getTickerHeadline(archive: Archive, query: { site: string; headline: string }): TickerHeadlineTrack | null {
  const key = titleKey(splitByline(query.headline).title);
  if (key === '') return null;
  const rows = archive.db
    .prepare(
      `SELECT d.day, min(t.position) AS position, t.headline FROM ticker_items t JOIN ticker_days d ON d.id = t.ticker_day_id
       WHERE t.title_key = @key AND d.site = @site GROUP BY d.day ORDER BY d.day`,
    )
    .all({ key, site: query.site }) as Array<{ day: string; position: number; headline: string }>;
  if (rows.length === 0) return null;
  return {
    headline: rows[rows.length - 1]!.headline,
    articleId: linkArticles(archive, query.site, [key]).get(key) ?? null,
    days: rows.map((r) => ({ date: r.day, position: r.position })),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
