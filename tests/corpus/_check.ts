import fs from 'node:fs';
import path from 'node:path';
import { readPage } from '../../src-main/core/pages/index.js';
import { readManifest } from './manifest.js';
const dir = process.argv[2] as string;
const m = readManifest(dir);
const root = path.join(dir, m.root);
let bad = 0;
const diffs: Record<string, number> = {};
for (const a of m.articles) {
  for (const s of a.snapshots) {
    if (s.path.includes('!/')) continue;
    const bytes = fs.readFileSync(path.join(root, s.path));
    const out = readPage(bytes, path.basename(s.path));
    if (!out.ok) { bad++; if (bad < 8) console.log('REJECT', s.path, out.reason, out.message); diffs['rejected'] = (diffs['rejected'] ?? 0) + 1; continue; }
    const p = out.page;
    const check = (k: string, got: unknown, exp: unknown) => {
      if (JSON.stringify(got) !== JSON.stringify(exp)) { diffs[k] = (diffs[k] ?? 0) + 1; if ((diffs[k] ?? 0) <= 3) console.log('DIFF', k, s.path, JSON.stringify(got)?.slice(0, 300), '!=', JSON.stringify(exp)?.slice(0, 300)); }
    };
    check('site', p.site ?? '(folder)', s.scrapedOn === null ? '(folder)' : a.snapshots.some(x=>x.readCount===null && x.scrapedOn!==null) ? '(folder)' : a.site);
    check('section', p.section, a.section);
    check('title', p.title, a.title);
    check('author', p.author, a.author);
    check('publishedAt', p.publishedAt, a.publishedAt);
    check('paragraphs', p.paragraphs, a.paragraphs);
    check('readCount', p.readCount, s.readCount);
    check('scrapedOn', p.scrapedOn, s.scrapedOn);
    check('encoding', out.encoding, s.encoding);
    check('format', p.format, s.format);
    if (s.scrapedOn) {
      const t = m.tickers.find((t) => t.site === a.site && t.date === s.scrapedOn);
      check('ticker', p.ticker, t?.headlines);
    }
  }
}
for (const r of m.rejections) {
  if (r.reason === 'link' || r.path.includes('!/') || r.reason === 'bad-zip' || r.reason === 'too-large' || r.reason === 'unsupported-type') continue;
  const out = readPage(fs.readFileSync(path.join(root, r.path)), path.basename(r.path));
  if (out.ok || out.reason !== r.reason) { console.log('JUNK', r.path, r.reason, '→', out.ok ? 'article ' + out.page.title : out.reason + ' ' + out.message); diffs['junk'] = (diffs['junk'] ?? 0) + 1; }
}
console.log(diffs);
