/**
 * Dates as scraper exports give them → "YYYY-MM-DDTHH:MM:SS" in the wall time written (a zone, when
 * stated, is dropped, as for pages): ISO 8601 and "YYYY-MM-DD HH:MM:SS" (Scrapy, news-please,
 * trafilatura), Unix times in seconds or milliseconds (taken as UTC), RFC 2822 ("Sun, 01 May 2016
 * 10:20:30 +0300", from feeds), and every form pages write (Arabic month names, day-first numbers).
 */
import { findDate, isoDay, toDateTime } from '../../pages/dates.js';

const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC_2822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/iu;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fromEpoch(ms: number): string | null {
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime()) || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 2100) return null;
  return d.toISOString().slice(0, 19);
}

export function itemDateTime(value: string | null): string | null {
  const text = value?.trim() ?? '';
  if (text.length === 0 || text.length > 200) return null;
  if (/^\d{9,10}(?:\.\d+)?$/u.test(text)) return fromEpoch(Number(text) * 1000);
  if (/^\d{12,13}$/u.test(text)) return fromEpoch(Number(text));
  const rfc = RFC_2822.exec(text);
  if (rfc) {
    const month = ENGLISH_MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) + 1;
    const day = month > 0 ? isoDay(Number(rfc[3]), month, Number(rfc[1])) : null;
    const [h, m, s] = [Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0)];
    if (day !== null && h <= 23 && m <= 59 && s <= 59) return `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
  }
  const found = findDate(text);
  return found === null ? null : toDateTime(found);
}
