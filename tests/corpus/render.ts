/**
 * Page renderers: the alazmenah text layout exactly as the real sample
 * (../shared/samples/alazmenah/000_b99803806dd1b389.txt), its HTML save, a generic page of another
 * CMS (date in words), and the junk that scrape folders carry.
 */

const NBSP = '\u00a0';

export interface PageFields {
  site: string;
  city: string;
  /** "YYYY-MM-DD" */
  scrapeDay: string;
  ticker: string[];
  section: string;
  /** "YYYY-MM-DD HH:MM:SS" */
  published: string;
  /** The title as shown: with ".. بقلم: NAME" for opinion pieces. */
  displayTitle: string;
  paragraphs: string[];
  /** joined[i] (i ≥ 1): paragraph i follows paragraph i−1 on the next line, with no empty line between. */
  joined: boolean[];
  readCount: number;
  /** For the canonical URL of HTML saves. */
  newsId: number;
}

export function dmy(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d} / ${m} / ${y}`;
}

export function headerLine(city: string, scrapeDay: string): string {
  return `${city} ${NBSP.repeat(3)}${dmy(scrapeDay)}`;
}

export function tickerLine(headlines: string[]): string {
  return headlines.map((h) => `${h}${NBSP}${NBSP}`).join('');
}

function bodyLines(paragraphs: string[], joined: boolean[]): string[] {
  const lines: string[] = [];
  paragraphs.forEach((p, i) => {
    if (i === 0) lines.push(NBSP + p);
    else {
      if (!joined[i]) lines.push('');
      lines.push(p);
    }
  });
  return lines;
}

function headLines(f: PageFields): string[] {
  return [
    headerLine(f.city, f.scrapeDay),
    tickerLine(f.ticker),
    '',
    f.section,
    '',
    `${f.published} ${NBSP}|${NBSP} الأرشيف`,
    '',
    f.displayTitle,
    '',
  ];
}

/** The text save: lines joined by "\n", no final newline. */
export function renderText(f: PageFields): string {
  const lines = [
    ...headLines(f),
    ...bodyLines(f.paragraphs, f.joined),
    '',
    `عدد القراءات : ${f.readCount}`,
    `${f.site} - All rights reserved ${f.scrapeDay.slice(0, 4)}`,
    'Powered by SyrianMonster - Web services Provider',
  ];
  return lines.join('\n');
}

/**
 * A save cut inside the body: the paragraphs before `cutParagraph`, then the first `keepWords` words of
 * that paragraph, and nothing after (no read count, no footer). Returns the text and the paragraphs it holds.
 */
export function renderTruncated(f: PageFields, cutParagraph: number, keepWords: number): { text: string; paragraphs: string[] } {
  const words = (f.paragraphs[cutParagraph] ?? '').split(' ');
  const partial = words.slice(0, Math.max(1, keepWords)).join(' ');
  const paragraphs = [...f.paragraphs.slice(0, cutParagraph), partial];
  const lines = [...headLines(f), ...bodyLines(paragraphs, f.joined)];
  return { text: lines.join('\n'), paragraphs };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** The HTML save of the same page: the same fields as elements, plus scripts, styles, nav and handlers. */
export function renderHtml(f: PageFields, title: string): string {
  const e = escapeHtml;
  const ticker = f.ticker.map((h, i) => `<a href="/n/${i + 1}">${e(h)}</a>&nbsp;&nbsp;`).join('');
  const paragraphs = f.paragraphs.map((p, i) => `<p>${i === 0 ? '&nbsp;' : ''}${e(p)}</p>`).join('');
  return [
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${e(title)} - ${f.site}</title>`,
    `<meta property="og:site_name" content="${f.site}"><link rel="canonical" href="https://${f.site}/news/${f.newsId}">`,
    `<style>body{font-family:Tahoma}</style><script>var ga=1;document.write('x')</script></head>`,
    `<body onload="track()"><div id="top"><span class="city">${e(f.city)}</span>&nbsp;&nbsp;&nbsp;<span class="date">${dmy(f.scrapeDay)}</span></div>`,
    `<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">أخبار سورية</a></li></ul></nav>`,
    `<div class="ticker"><marquee direction="right">${ticker}</marquee></div>`,
    `<div class="content"><div class="cat"><a href="/cat/3">${e(f.section)}</a></div>`,
    `<div class="date">${f.published} &nbsp;|&nbsp; <a href="/archive">الأرشيف</a></div>`,
    `<h1 class="title">${e(f.displayTitle)}</h1>`,
    `<div class="text">${paragraphs}</div>`,
    `<div class="views">عدد القراءات : ${f.readCount}</div></div>`,
    `<script>alert(1)</script><img src="x" onerror="window.__pwned=1"><a href="javascript:window.__pwned=2">x</a>`,
    `<footer><p>${f.site} - All rights reserved ${f.scrapeDay.slice(0, 4)}</p><p>Powered by SyrianMonster - Web services Provider</p></footer></body></html>`,
  ].join('\n');
}

const LEVANTINE_MONTHS = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];
const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

export function toArabicIndic(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** "الجمعة 16 كانون الأول 2016" for "2016-12-16"; optionally in Arabic-Indic digits. */
export function dateInWords(day: string, arabicDigits: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;
  const text = `${weekday} ${d} ${LEVANTINE_MONTHS[m - 1] as string} ${y}`;
  return arabicDigits ? toArabicIndic(text) : text;
}

/** A page of another CMS: title line, date in words, paragraphs. No ticker, read count or footer. */
export function renderGeneric(title: string, dateLine: string, paragraphs: string[], joined: boolean[], finalNewline: boolean): string {
  const lines = [title, dateLine, ''];
  paragraphs.forEach((p, i) => {
    if (i > 0 && !joined[i]) lines.push('');
    lines.push(p);
  });
  return lines.join('\n') + (finalNewline ? '\n' : '');
}

export function renderErrorText(site: string, code: number): string {
  return [
    site,
    '',
    'الصفحة المطلوبة غير موجودة',
    `عذراً، ربما تم نقل الصفحة أو حذفها (الرمز ${code}).`,
    'العودة إلى الصفحة الرئيسية',
  ].join('\n');
}

export function renderErrorHtml(site: string, code: number): string {
  return [
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>404 - ${site}</title></head>`,
    `<body><h1>الصفحة المطلوبة غير موجودة</h1><p>عذراً، ربما تم نقل الصفحة أو حذفها (الرمز ${code}).</p>`,
    `<a href="/">العودة إلى الصفحة الرئيسية</a></body></html>`,
  ].join('\n');
}

/** Readable text that is no article: a saved list of links. */
export function renderLinkList(site: string, ids: number[]): string {
  return [`روابط محفوظة`, ...ids.map((id) => `https://${site}/news/${id}`)].join('\n');
}

export function renderStylesheet(n: number): string {
  return `/* theme ${n} */\nbody{font-family:Tahoma,Arial;direction:rtl;margin:0}\n.ticker{white-space:nowrap;overflow:hidden}\n.title{font-size:${18 + (n % 6)}px}\n`;
}
