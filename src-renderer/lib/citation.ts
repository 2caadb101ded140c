import type { Article } from '../../src-main/common/types.js';

export interface CitationParts {
  lang: 'ar' | 'en';
  /** The publication date as the reader shows it. */
  date: string;
  sourceLabel: string;
  retrievedLabel: string;
}

/** A plain-text citation: author, title, site, date and the archived file it came from. */
export function citation(article: Article, parts: CitationParts): string {
  const ar = parts.lang === 'ar';
  const comma = ar ? '، ' : ', ';
  const [open, close] = ar ? ['«', '»'] : ['“', '”'];
  const head = [article.author, `${open}${article.title}${close}`, article.site, parts.date].filter((x): x is string => Boolean(x));
  const snapshot = article.snapshots[0];
  const lines = [`${head.join(comma)}.`];
  if (snapshot) {
    const day = snapshot.scrapedOn ? ` (${snapshot.scrapedOn})` : '';
    lines.push(`${parts.sourceLabel}: ${snapshot.path}${day} — ${parts.retrievedLabel}`);
  }
  return lines.join('\n');
}
