import type { TickerDays, TickerSnapshot } from '../../common/types.js';
import type { Archive } from './archive.js';

interface DayRow {
  id: number;
  site: string;
  day: string;
}

/**
 * A ticker snapshot. Without a site: the site with the most recent ticker day. Without a date: that
 * site's latest day. Headlines link to the archived article whose normalised title matches — the title
 * it shows, else an earlier version's (an edited headline) — resolved at read time, so an article
 * imported after its ticker still gets linked.
 */
export function getTicker(archive: Archive, query: { site?: string; date?: string } = {}): TickerSnapshot | null {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  if (query.site) {
    conditions.push('site = @site');
    params.site = query.site;
  }
  if (query.date) {
    conditions.push('day = @date');
    params.date = query.date;
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const day = archive.db
    .prepare(`SELECT id, site, day FROM ticker_days ${where} ORDER BY day DESC, site LIMIT 1`)
    .get(params) as DayRow | undefined;
  if (!day) return null;
  const headlines = archive.db
    .prepare(
      `SELECT t.position, t.headline,
         coalesce(
           (SELECT min(a.id) FROM articles a WHERE a.site = @site AND a.title_key = t.title_key),
           (SELECT min(v.article_id) FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.title_key = t.title_key AND a.site = @site)
         ) AS articleId
       FROM ticker_items t WHERE t.ticker_day_id = @id ORDER BY t.position`,
    )
    .all({ id: day.id, site: day.site }) as Array<{ position: number; headline: string; articleId: number | null }>;
  return { site: day.site, date: day.day, headlines };
}

export function getTickerDays(archive: Archive, query: { site?: string } = {}): TickerDays[] {
  const rows = archive.db
    .prepare(`SELECT site, day FROM ticker_days ${query.site ? 'WHERE site = @site' : ''} ORDER BY site, day DESC`)
    .all(query.site ? { site: query.site } : {}) as Array<{ site: string; day: string }>;
  const bySite = new Map<string, string[]>();
  for (const row of rows) {
    const days = bySite.get(row.site) ?? [];
    days.push(row.day);
    bySite.set(row.site, days);
  }
  return [...bySite].map(([site, dates]) => ({ site, dates }));
}
