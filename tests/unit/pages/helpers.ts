/** Test helpers for the page parsers: the sample, encoders, the HTML save template, outcome checks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { PageOutcome, ParsedPage } from '../../../src-main/core/pages/types.js';

const SAMPLE_PATH = fileURLToPath(new URL('../../fixtures/pages/alazmenah-sample.txt', import.meta.url));

/** The real alazmenah page (a byte-exact copy, see tests/fixtures/pages/README.md). */
export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_PATH));
}

export function sampleText(): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(sampleBytes());
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const BOM_UTF8 = Uint8Array.of(0xef, 0xbb, 0xbf);
export const BOM_UTF16LE = Uint8Array.of(0xff, 0xfe);
export const BOM_UTF16BE = Uint8Array.of(0xfe, 0xff);

/** UTF-16 code units, little or big endian, no BOM. */
export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[endian === 'le' ? 2 * i : 2 * i + 1] = unit & 0xff;
    out[endian === 'le' ? 2 * i + 1 : 2 * i] = unit >> 8;
  }
  return out;
}

/** windows-1256 encoder: the inverse of Node's decoder table over the 256 byte values. */
const CP1256 = ((): Map<string, number> => {
  const table = new Map<string, number>();
  const decoded = new TextDecoder('windows-1256').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  for (let byte = 0; byte < 256; byte++) table.set(decoded.charAt(byte), byte);
  return table;
})();

export function windows1256(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = CP1256.get(text.charAt(i));
    if (byte === undefined) throw new Error(`no windows-1256 byte for U+${text.charCodeAt(i).toString(16)}`);
    out[i] = byte;
  }
  return out;
}

export const NBSP = '\u00a0';

/** The sample's fields, as the brief states them. */
export const SAMPLE_FIELDS = {
  site: 'alazmenah.com',
  section: 'أخبار سورية',
  title: 'بوتين يؤكد أن تحرير حلب يسمح بإيجاد هدنة جديدة في سورية',
  publishedAt: '2016-12-16T15:24:14',
  readCount: 981,
  author: null,
  scrapedOn: '2018-07-21',
};

export function expectSampleFields(page: ParsedPage): void {
  expect(page).toMatchObject(SAMPLE_FIELDS);
  expect(page.paragraphs).toHaveLength(8);
  expect(page.paragraphs[0]?.startsWith('أعلن الرئيس الروسي')).toBe(true);
  expect(page.ticker).toHaveLength(20);
  expect(page.ticker[5]).toBe('ترامب وبوتين في هلسنكي: دولة المخابرات الأميركيّة.. بقلم: أسعد أبو خليل');
}

/** The parsed page of a successful outcome (fails the test otherwise). */
export function pageOf(outcome: PageOutcome): ParsedPage {
  if (!outcome.ok) throw new Error(`expected a page, got ${outcome.reason}: ${outcome.message}`);
  return outcome.page;
}

/** The fields that must not depend on the encoding or the format of a save (only HTML states a canonical URL). */
export function contentOf(page: ParsedPage): Omit<ParsedPage, 'format' | 'layout' | 'url'> {
  const { format: _format, layout: _layout, url: _url, ...rest } = page;
  return rest;
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

export interface TemplatePage {
  city: string;
  scrapeDate: string;
  ticker: string[];
  section: string;
  dateLine: string;
  title: string;
  paragraphs: string[];
  readCount: number;
  site: string;
  year: string;
}

/** The sample's parts as the corpus generator's HTML template needs them. */
export function samplePartsForTemplate(): TemplatePage {
  const lines = sampleText().split('\n');
  const body = lines.slice(9, 22).map((l) => l.trim()).filter((l) => l.length > 0);
  return {
    city: 'دمشق',
    scrapeDate: '21 / 07 / 2018',
    ticker: (lines[1] ?? '').split(`${NBSP}${NBSP}`).filter((h) => h.length > 0),
    section: 'أخبار سورية',
    dateLine: '2016-12-16 15:24:14',
    title: SAMPLE_FIELDS.title,
    paragraphs: body,
    readCount: 981,
    site: 'alazmenah.com',
    year: '2018',
  };
}

/** The HTML save template of the project's corpus generator (docs: the pages brief), filled in. */
export function templateHtml(p: TemplatePage): string {
  const ticker = p.ticker.map((h, i) => `<a href="/n/${i + 1}">${escapeHtml(h)}</a>`).join('&nbsp;&nbsp;');
  const body = p.paragraphs.map((para, i) => `<p>${i === 0 ? '&nbsp;' : ''}${escapeHtml(para)}</p>`).join('');
  return (
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(p.title)} - ${p.site}</title>\n` +
    `<meta property="og:site_name" content="${p.site}"><link rel="canonical" href="https://${p.site}/news/17">\n` +
    `<style>body{font-family:Tahoma}</style><script>var ga=1;document.write('x')</script></head>\n` +
    `<body onload="track()"><div id="top"><span class="city">${p.city}</span>&nbsp;&nbsp;&nbsp;<span class="date">${p.scrapeDate}</span></div>\n` +
    `<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">أخبار سورية</a></li></ul></nav>\n` +
    `<div class="ticker"><marquee direction="right">${ticker}</marquee></div>\n` +
    `<div class="content"><div class="cat"><a href="/cat/3">${escapeHtml(p.section)}</a></div>\n` +
    `<div class="date">${p.dateLine} &nbsp;|&nbsp; <a href="/archive">الأرشيف</a></div>\n` +
    `<h1 class="title">${escapeHtml(p.title)}</h1>\n` +
    `<div class="text">${body}</div>\n` +
    `<div class="views">عدد القراءات : ${p.readCount}</div></div>\n` +
    `<script>alert(1)</script><img src="x" onerror="window.__pwned=1">\n` +
    `<footer><p>${p.site} - All rights reserved ${p.year}</p><p>Powered by SyrianMonster - Web services Provider</p></footer></body></html>`
  );
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;
/** 'unreadable' is only what readPage's last-resort catch answers: an internal error, never expected. */
const REASONS = ['empty', 'binary', 'decode', 'not-article', 'error-page'];
/** An encoding name the outcome may carry: 'utf-8-bom' or a name TextDecoder knows as itself. */
function isEncodingName(name: string): boolean {
  if (name === 'utf-8-bom') return true;
  try {
    return new TextDecoder(name).encoding === name;
  } catch {
    return false;
  }
}
const LAYOUTS = ['alazmenah-text', 'alazmenah-html', 'generic-text', 'generic-html'];

/** Throws (plain Error, cheap in property runs) unless the outcome is well formed. */
export function assertWellFormed(outcome: PageOutcome): void {
  const fail = (what: string): never => {
    throw new Error(`malformed outcome (${what}): ${JSON.stringify(outcome).slice(0, 400)}`);
  };
  if (!outcome.ok) {
    if (!REASONS.includes(outcome.reason)) fail('reason');
    if (typeof outcome.message !== 'string' || outcome.message.length === 0) fail('message');
    return;
  }
  const { page, encoding } = outcome;
  if (!isEncodingName(encoding)) fail('encoding');
  if (page.format !== 'text' && page.format !== 'html') fail('format');
  if (!LAYOUTS.includes(page.layout)) fail('layout');
  if (typeof page.title !== 'string' || page.title.trim().length === 0) fail('title');
  if (page.title !== page.title.trim()) fail('title untrimmed');
  if (!Array.isArray(page.paragraphs) || page.paragraphs.length === 0) fail('paragraphs');
  for (const p of page.paragraphs) {
    if (typeof p !== 'string' || p.length === 0 || p !== p.replace(/^[\s\u00a0]+|[\s\u00a0]+$/gu, '')) fail('paragraph');
    if (p.includes('\n')) fail('paragraph with a line break');
  }
  for (const h of page.ticker) if (typeof h !== 'string' || h.length === 0) fail('ticker');
  if (page.publishedAt !== null && !ISO_DATE_TIME.test(page.publishedAt)) fail('publishedAt');
  if (page.scrapedOn !== null && !ISO_DAY.test(page.scrapedOn)) fail('scrapedOn');
  if (page.readCount !== null && !(Number.isSafeInteger(page.readCount) && page.readCount >= 0)) fail('readCount');
  if (page.site !== null && !/^[a-z0-9.-]+$/u.test(page.site)) fail('site');
  if (page.section !== null && page.section.length === 0) fail('section');
  if (page.author !== null && page.author.length === 0) fail('author');
  if (page.url !== null && !/^https?:\/\/\S+$/u.test(page.url)) fail('url');
}
