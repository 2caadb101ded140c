/**
 * Writes the bench's crawl: a `.warc.gz` (one gzip member per record, as crawlers write it) of a given
 * size on disk, streamed to the file record by record. A news-site crawl as Browsertrix or wget makes
 * it: article pages of realistic weight (menus, related links, inline scripts and JSON-LD around the
 * article: ~100–200 KB of HTML each), a request record before every response, an image per page, a
 * stylesheet and a script now and then, redirects, 404s, robots.txt, revisits of pages seen before.
 *
 *   npx tsx tests/bench/bench-warc.ts --out FILE --mb 1024 [--seed S]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeHtml } from '../corpus/render.js';
import { articleHtml, fixtureArticles, type FixtureArticle } from '../corpus/crawl-fixtures.js';
import { Rng } from '../corpus/rng.js';
import { encodeRecord, httpResponse, payloadDigest, requestRecord, responseRecord, revisitRecord, warcinfoRecord, type WarcRecordSpec } from '../corpus/warc-writer.js';

const MB = 1024 * 1024;
/** Articles generated per batch (the corpus is cycled through when the file needs more). */
const BATCH = 2000;

const MENU = ['الرئيسية', 'محليات', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'منوعات', 'رأي', 'تقارير', 'فيديو', 'صور', 'اتصل بنا'];

/** The chrome a real news page carries around its article, from the site's other headlines. */
function chrome(rng: Rng, site: string, headlines: string[]): { head: string; top: string; bottom: string } {
  const e = escapeHtml;
  const menu = Array.from({ length: 6 }, (_, k) => MENU.map((m, i) => `<li class="m${k}-${i}"><a href="https://${site}/section/${k * 20 + i}">${m}</a></li>`).join('')).join('\n');
  const related = headlines
    .map((h, i) => `<div class="card"><a href="https://${site}/news/${rng.int(1, 999_999)}"><img src="/img/${rng.int(1, 99_999)}.jpg" alt="${e(h)}"><h3>${e(h)}</h3></a><span class="time">${rng.int(1, 59)} دقيقة</span><span class="i${i}"></span></div>`)
    .join('\n');
  const config = Array.from({ length: 600 }, (_, i) => `"k${i}_${rng.int(0, 1e6)}":{"id":${rng.int(0, 1e9)},"slot":"div-gpt-ad-${rng.int(0, 1e9)}","sizes":[[300,250],[728,90]],"targeting":{"pos":"${rng.int(1, 9)}","sec":"${rng.int(1, 40)}"}}`).join(',');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'WebSite', name: site, potentialAction: { '@type': 'SearchAction', target: `https://${site}/search?q={q}` } });
  return {
    head: `<script>window.__CONFIG__={${config}};</script><script type="application/ld+json">${jsonLd}</script><link rel="stylesheet" href="/css/site.${rng.int(1, 999)}.css">`,
    top: `<header><nav><ul>${menu}</ul></nav></header>`,
    bottom: `<aside><h2>الأكثر قراءة</h2>${related}</aside><footer><ul>${menu}</ul></footer>`,
  };
}

/** The article's page with that chrome around it (the article itself is the same page the tests import). */
function heavyPage(a: FixtureArticle, rng: Rng, headlines: string[]): string {
  const page = articleHtml(a);
  const c = chrome(rng, a.pool.site, headlines);
  return page.replace('</head>', `${c.head}</head>`).replace(/<body([^>]*)>/u, `<body$1>${c.top}`).replace('</body>', `${c.bottom}</body>`);
}

function randomBytes(rng: Rng, n: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i += 4) out.writeUInt32LE((rng.next() * 0x1_0000_0000) >>> 0, Math.min(i, n - 4));
  return out;
}

export async function writeBenchWarc(file: string, megabytes: number, seed: number, log: (m: string) => void): Promise<{ pages: number; records: number; bytes: number }> {
  const target = megabytes * MB;
  const rng = new Rng('bench-warc', seed);
  const fd = fs.openSync(`${file}.partial`, 'w');
  let bytes = 0;
  let records = 0;
  let pages = 0;
  const write = (spec: WarcRecordSpec) => {
    const data = encodeRecord(spec, 'record');
    fs.writeSync(fd, data);
    bytes += data.length;
    records++;
  };
  try {
    write(warcinfoRecord('2016-01-01T00:00:00Z', 'arshif-bench/1.0'));
    const seen: Array<{ url: string; date: string; digest: string }> = [];
    for (let batch = 0; bytes < target; batch++) {
      const articles = await fixtureArticles((batch + 1) * BATCH, seed);
      for (const a of articles.slice(batch * BATCH)) {
        if (bytes >= target) break;
        const site = a.pool.site;
        const headlines = Array.from({ length: 24 }, () => (articles[rng.int(0, articles.length - 1)] as FixtureArticle).pool.title);
        const html = Buffer.from(heavyPage(a, rng, headlines), 'utf8');
        write(requestRecord(a.url, a.capturedAt));
        write(responseRecord(a.url, a.capturedAt, httpResponse(200, 'OK', { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'max-age=60' }, html)));
        pages++;
        seen.push({ url: a.url, date: a.capturedAt, digest: payloadDigest(html) });
        const image = `https://${site}/img/${a.fields.newsId}.jpg`;
        write(requestRecord(image, a.capturedAt));
        write(responseRecord(image, a.capturedAt, httpResponse(200, 'OK', { 'Content-Type': 'image/jpeg' }, randomBytes(rng, rng.int(30_000, 90_000)))));
        const roll = rng.next();
        if (roll < 0.1 && seen.length > 10) {
          const old = seen[rng.int(0, seen.length - 1)] as { url: string; date: string; digest: string };
          const later = new Date(Date.parse(old.date) + rng.int(1, 30) * 86_400_000).toISOString().replace('.000Z', 'Z');
          write(revisitRecord(old.url, later, old.date, old.digest));
        } else if (roll < 0.13) {
          write(responseRecord(`https://${site}/news/${a.fields.newsId}/amp`, a.capturedAt, httpResponse(301, 'Moved Permanently', { Location: a.url })));
        } else if (roll < 0.15) {
          write(responseRecord(`https://${site}/news/${rng.int(1, 99)}x`, a.capturedAt, httpResponse(404, 'Not Found', { 'Content-Type': 'text/html' }, '<html><body><h1>404</h1></body></html>')));
        } else if (roll < 0.2) {
          const css = `/* ${site} */\n` + MENU.map((m, i) => `.m${i}{color:#${rng.int(0, 0xffffff).toString(16)};margin:${rng.int(0, 20)}px}`).join('\n').repeat(40);
          write(responseRecord(`https://${site}/css/site.${rng.int(1, 999)}.css`, a.capturedAt, httpResponse(200, 'OK', { 'Content-Type': 'text/css' }, css)));
        } else if (roll < 0.21) {
          write(responseRecord(`https://${site}/robots.txt`, a.capturedAt, httpResponse(200, 'OK', { 'Content-Type': 'text/plain' }, 'User-agent: *\nDisallow: /search\n')));
        }
      }
      log(`  ${Math.round(bytes / MB)} MB, ${pages} pages`);
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${file}.partial`, file);
  return { pages, records, bytes };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const outAt = process.argv.indexOf('--out');
  const out = outAt >= 0 ? process.argv[outAt + 1] : undefined;
  if (!out) throw new Error('--out FILE is required');
  const result = await writeBenchWarc(out, arg('--mb', 1024), arg('--seed', 1), (m) => process.stderr.write(`${m}\n`));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
