import fs from 'node:fs';
import path from 'node:path';
import { readPage } from '../../src-main/core/pages/index.js';
import { readManifest } from './manifest.js';
const dir = process.argv[2] as string;
const want = process.argv[3] as string;
const m = readManifest(dir);
for (const a of m.articles) for (const s of a.snapshots) {
  if (s.path !== want) continue;
  const out = readPage(fs.readFileSync(path.join(dir, 'corpus', s.path)), path.basename(s.path));
  if (!out.ok) { console.log('rej', out); continue; }
  const got = out.page.paragraphs, exp = a.paragraphs;
  console.log(JSON.stringify(out.page.title), JSON.stringify(a.title));
  for (let i = 0; i < Math.max(got.length, exp.length); i++) if (got[i] !== exp[i]) { console.log(' ', i, JSON.stringify(got[i]), '\n  ', JSON.stringify(exp[i])); }
}
