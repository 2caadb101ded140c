import type { Article } from '../../src-main/common/types.js';

export interface CitationParts {
  lang: 'ar' | 'en';
  /** The publication date as the reader shows it (the UI's calendar and digits), or ''. */
  date: string;
  /** "Archived in Arshif on …" with the day of the earliest archived copy, or '' when unknown. */
  archived: string;
}

/**
 * A plain-text citation in the usual shape for a news article:
 *   Author, “Title,” site, date. URL. Archived in Arshif on day.
 *   الكاتب، «العنوان»، الموقع، التاريخ. الرابط. محفوظ في أرشيف بتاريخ اليوم.
 * The URL only when the page stated one; never a path on this computer.
 */
export function citation(article: Article, parts: CitationParts): string {
  const ar = parts.lang === 'ar';
  const comma = ar ? '، ' : ', ';
  const title = ar ? `«${article.title.trim()}»` : `“${article.title.trim()},”`;
  const head: string[] = [];
  if (article.author?.trim()) head.push(article.author.trim());
  const rest = [article.site, parts.date].filter((x) => x.trim().length > 0);
  // In English the comma sits inside the quotes (“Title,”); in Arabic it follows them.
  let sentence = head.length > 0 ? `${head.join(comma)}${comma}${title}` : title;
  if (rest.length > 0) sentence += ar ? `${comma}${rest.join(comma)}` : ` ${rest.join(comma)}`;
  else if (!ar) sentence = sentence.replace(/,”$/, '”');
  const lines = [`${sentence}.`];
  const url = typeof article.url === 'string' && /^https?:\/\//i.test(article.url) ? article.url : null;
  if (url) lines.push(`${url}`);
  if (parts.archived) lines.push(`${parts.archived}.`);
  return lines.join(' ');
}

/** The day of the earliest archived copy ("YYYY-MM-DD"), or null. */
export function firstArchivedDay(article: Article): string | null {
  const days = article.snapshots.map((s) => s.scrapedOn).filter((d): d is string => typeof d === 'string' && d.length > 0);
  return days.length > 0 ? days.sort()[0]! : null;
}
