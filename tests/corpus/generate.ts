/**
 * Generates a realistic folder of scraped pages (the mess of docs/scraped-pages.md) from real Arabic
 * articles, with a manifest of exactly what an importer must make of it.
 *
 *   npx tsx tests/corpus/generate.ts --out DIR --pages N [--seed S] [--source shared|fixtures]
 *
 * Layout of DIR: `corpus/` (the scrape folders: SITE/YYYY-MM-DD/NNN_<16 hex>.txt|.html|.htm, bundles/*.zip,
 * other-sites/DOMAIN/…, a backup folder of byte-identical copies, junk, symlinks) and `manifest.json`
 * beside it (paths in it are relative to `corpus/`). Deterministic for a seed; `pages` counts every
 * file and zip member the importer accounts for (symlinks excluded).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageFormat, RejectReason, TextEncoding } from '../../src-main/common/types.js';
import { decodeCharacterReferences } from '../../src-main/core/pages/references.js';
import { encodeText } from './encode.js';
import {
  CORPUS_DIR,
  GENERATOR_VERSION,
  MANIFEST_FILE,
  writeManifest,
  type CorpusStats,
  type ExpectedArticle,
  type ExpectedRejection,
  type ExpectedSnapshot,
  type ExpectedTicker,
  type Manifest,
} from './manifest.js';
import { GENERIC_SITES, buildPool, coarseKey, isBylineLike, loadCleanArticles, type PoolArticle } from './pool.js';
import {
  dateInWords,
  renderErrorHtml,
  renderErrorText,
  renderGeneric,
  renderHtml,
  renderLinkList,
  renderStylesheet,
  renderText,
  renderTruncated,
  type PageFields,
} from './render.js';
import { Rng, hash32, hashUnit } from './rng.js';
import { defaultSource, type SourceKind } from './source.js';
import { buildZip, type ZipEntry } from './zip-writer.js';

export type { Manifest, ExpectedArticle, ExpectedRejection, ExpectedTicker } from './manifest.js';

export interface GenerateOptions {
  /** Receives `corpus/` and `manifest.json`. */
  outDir: string;
  pages: number;
  seed?: number;
  source?: SourceKind;
  log?: (message: string) => void;
}

const DAY_MS = 86_400_000;
/** Re-dated copies of an article move by whole multiples of this many days. */
const COPY_SHIFT_DAYS = 29;
const TICKER_SIZE = 20;
const BACKUP_DIR = 'نسخة احتياطية';
const OTHER_SITES_DIR = 'other-sites';
const BUNDLES_DIR = 'bundles';
const COPY_VARIANTS = ['تحديث', 'متابعة', 'تفاصيل جديدة', 'محدث'];
/** Marks a folder as generated, so a re-run may replace it. */
const MARKER = '.arshif-test-corpus';

type Variant = 'text' | 'bom' | 'u16le' | 'u16be' | 'cp1256' | 'crlf' | 'crlf1256' | 'html' | 'htm' | 'htmlbom';

const VARIANT_SHARES: Array<[Variant, number]> = [
  ['bom', 0.04],
  ['u16le', 0.03],
  ['u16be', 0.03],
  ['cp1256', 0.08],
  ['crlf', 0.04],
  ['crlf1256', 0.02],
  ['html', 0.04],
  ['htm', 0.02],
  ['htmlbom', 0.01],
];

interface UInst {
  /** Index in the universe arrays. */
  uid: number;
  a: PoolArticle;
  k: number;
  title: string;
  key: string;
  publishedMs: number;
  valid: boolean;
}

type InstKind = 'page' | 'truncated' | 'generic';

interface Snap {
  day: number;
  readCount: number;
  variant: Variant;
  /** Relative path of the file or `bundle.zip!/inner` of the member. */
  path: string;
  zip: { bundle: string; inner: string } | null;
  copyTo: string | null;
  encoding: TextEncoding;
  format: PageFormat;
}

interface Inst {
  u: UInst;
  kind: InstKind;
  site: string;
  joined: boolean[];
  snaps: Snap[];
  newsId: number;
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function hex16(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
}

function displayTitle(u: UInst): string {
  return u.a.opinion && u.a.author ? `${u.title}.. بقلم: ${u.a.author}` : u.title;
}

function copyTitle(a: PoolArticle, k: number): string {
  return k === 0 ? a.title : `${a.title} (${COPY_VARIANTS[k % COPY_VARIANTS.length] as string} ${k})`;
}

/** How many of each kind of entry a corpus of `pages` entries holds. */
export function planCounts(pages: number) {
  const atLeast = (min: number, share: number) => Math.max(min, Math.round(pages * share));
  const junk = {
    empty: atLeast(2, 0.004),
    whitespace: atLeast(2, 0.003),
    binary: atLeast(2, 0.003),
    decode: atLeast(2, 0.003),
    errorText: atLeast(2, 0.004),
    errorHtml: atLeast(1, 0.001),
    notArticle: atLeast(2, 0.002),
    images: atLeast(3, 0.004),
    css: atLeast(2, 0.002),
    tooLarge: 1,
    badZip: 1,
    zipCss: 1,
  };
  const junkTotal = Object.values(junk).reduce((n, v) => n + v, 0);
  const truncated = atLeast(3, 0.01);
  const generic = atLeast(4, 0.03);
  const rescrapes = atLeast(6, 0.08);
  const byteCopies = atLeast(4, 0.03);
  const main = pages - junkTotal - truncated - generic - rescrapes - byteCopies;
  return { junk, junkTotal, truncated, generic, rescrapes, byteCopies, main };
}

class CorpusWriter {
  private readonly dirs = new Set<string>();
  bytes = 0;
  files = 0;

  constructor(readonly root: string) {}

  abs(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  private ensureDir(dir: string): void {
    if (this.dirs.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  write(rel: string, data: Buffer | string): void {
    const file = this.abs(rel);
    this.ensureDir(path.dirname(file));
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    fs.writeFileSync(file, buf);
    this.bytes += buf.length;
    this.files++;
  }

  /** A symbolic link at `rel` pointing to `target` (relative to the link's folder). False when the OS refuses. */
  link(rel: string, target: string, type: 'dir' | 'file'): boolean {
    const file = this.abs(rel);
    this.ensureDir(path.dirname(file));
    try {
      fs.symlinkSync(target, file, type);
      return true;
    } catch {
      return false;
    }
  }
}

function prepareOutDir(outDir: string): string {
  const root = path.join(outDir, CORPUS_DIR);
  fs.mkdirSync(outDir, { recursive: true });
  const marker = path.join(outDir, MARKER);
  if (fs.existsSync(root) || fs.existsSync(path.join(outDir, MANIFEST_FILE))) {
    if (!fs.existsSync(marker)) throw new Error(`${outDir} holds a corpus/ or manifest.json this generator did not make; refusing to replace it`);
    fs.rmSync(path.join(outDir, MANIFEST_FILE), { force: true });
    fs.rmSync(root, { recursive: true, force: true });
  }
  fs.writeFileSync(marker, 'generated by tests/corpus/generate.ts; safe to delete\n');
  fs.mkdirSync(root, { recursive: true });
  return root;
}

export async function generateCorpus(options: GenerateOptions): Promise<Manifest> {
  const seed = (options.seed ?? 1) >>> 0;
  const pages = Math.floor(options.pages);
  const source = options.source ?? defaultSource();
  const log = options.log ?? (() => undefined);
  const counts = planCounts(pages);
  if (counts.main < 20) throw new Error(`--pages ${pages} is too small: at least ~${pages - counts.main + 20} are needed for every variation`);

  const t0 = Date.now();
  const pool = buildPool(await loadCleanArticles(source), seed);
  if (pool.length === 0) throw new Error(`no usable source articles (${source})`);
  log(`pool: ${pool.length} distinct articles from ${source} (${Date.now() - t0} ms)`);

  // ---- The universe: every article at every copy level a corpus of this size (or a ticker) may use.
  const needed = counts.main + counts.truncated + counts.generic;
  const levels = Math.max(1, Math.ceil((needed * 1.02) / pool.length));
  const perSite = new Map<string, PoolArticle[]>();
  for (const a of pool) {
    const list = perSite.get(a.site) ?? [];
    list.push(a);
    perSite.set(a.site, list);
  }
  const universe: UInst[] = [];
  const byLevel: UInst[][] = [];
  const keyCount = new Map<string, number>();
  for (const [, articles] of perSite) {
    const siteLevels = Math.max(levels, Math.ceil((TICKER_SIZE + 4) / articles.length));
    for (const a of articles) {
      for (let k = 0; k < siteLevels; k++) {
        const title = copyTitle(a, k);
        const key = k === 0 ? coarseKey(a.title) : coarseKey(title);
        // Published 1–30 hours before extraction, with seconds; copies move by whole days.
        const offset = 3_600_000 + Math.floor(hashUnit(seed, 'pub', a.idx) * 29 * 3_600_000);
        let publishedMs = a.extractedMs - offset + k * COPY_SHIFT_DAYS * DAY_MS;
        publishedMs -= publishedMs % 1000;
        const u: UInst = { uid: universe.length, a, k, title, key, publishedMs, valid: true };
        universe.push(u);
        keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
        if (k < levels) (byLevel[k] ??= []).push(u);
      }
    }
  }
  for (const u of universe) if ((keyCount.get(u.key) ?? 0) > 1) u.valid = false;

  // ---- Choose the rendered articles: level 0 first (in a seeded order), then re-dated copies.
  const chosen: UInst[] = [];
  for (let k = 0; k < levels && chosen.length < needed; k++) {
    const level = new Rng(seed, 'order', k).shuffle([...(byLevel[k] ?? [])].sort((x, y) => x.uid - y.uid));
    for (const u of level) {
      if (chosen.length >= needed) break;
      if (u.valid) chosen.push(u);
    }
  }
  if (chosen.length < needed) throw new Error(`not enough distinct articles for ${pages} pages`);

  const rng = new Rng(seed, 'plan');
  const kinds: InstKind[] = chosen.map(() => 'page');
  const truncatable = (u: UInst) => u.a.paragraphs.length >= 2 || (u.a.paragraphs[0] ?? '').split(' ').length >= 3;
  const order = rng.shuffle(chosen.map((_, i) => i));
  let needTrunc = counts.truncated;
  let needGeneric = counts.generic;
  for (const i of order) {
    const u = chosen[i] as UInst;
    if (needTrunc > 0 && truncatable(u)) {
      kinds[i] = 'truncated';
      needTrunc--;
    } else if (needGeneric > 0 && genericTitleOk(u.title) && genericParagraphs(u.a.paragraphs).length > 0) {
      kinds[i] = 'generic';
      needGeneric--;
    }
  }
  if (needTrunc > 0 || needGeneric > 0) throw new Error('could not place truncated/generic pages');

  const insts: Inst[] = chosen.map((u, i) => {
    const kind = kinds[i] as InstKind;
    const site = kind === 'generic' ? (GENERIC_SITES[hash32(seed, 'gsite', u.uid) % GENERIC_SITES.length] as string) : u.a.site;
    const joined = u.a.paragraphs.map((_, j) => j > 0 && hashUnit(seed, 'join', u.uid, j) < 0.15);
    return { u, kind, site, joined, snaps: [], newsId: 100_000 + u.uid };
  });
  const renderedUids = new Set(insts.filter((x) => x.kind !== 'generic').map((x) => x.u.uid));
  const genericUids = new Set(insts.filter((x) => x.kind === 'generic').map((x) => x.u.uid));
  const pageInsts = insts.filter((x) => x.kind === 'page');

  // ---- Snapshots of alazmenah-layout articles: the first scrape, then re-scrapes on later days.
  for (const inst of insts) {
    if (inst.kind === 'generic') continue;
    const firstDay = Math.floor(inst.u.a.extractedMs / DAY_MS) + inst.u.k * COPY_SHIFT_DAYS;
    const reads = 20 + Math.floor(Math.pow(hashUnit(seed, 'reads', inst.u.uid), 3) * 20_000);
    inst.snaps.push(newSnap(firstDay, inst.kind === 'truncated' ? 0 : reads));
  }
  let rescrapes = counts.rescrapes;
  const rescrapeRng = new Rng(seed, 'rescrape');
  while (rescrapes > 0) {
    const inst = rescrapeRng.pick(pageInsts);
    const n = Math.min(rescrapes, rescrapeRng.chance(0.25) ? 2 : 1);
    for (let i = 0; i < n; i++) {
      const last = inst.snaps[inst.snaps.length - 1] as Snap;
      inst.snaps.push(newSnap(last.day + rescrapeRng.int(1, 9), last.readCount + rescrapeRng.int(5, 900)));
    }
    rescrapes -= n;
  }

  function newSnap(day: number, readCount: number): Snap {
    return { day, readCount, variant: 'text', path: '', zip: null, copyTo: null, encoding: 'utf-8', format: 'text' };
  }

  // ---- Variants (encodings, line ends, HTML saves) over page snapshots, with a floor of 3 each.
  const pageSnaps = pageInsts.flatMap((inst) => inst.snaps);
  const labels: Variant[] = [];
  for (const [variant, share] of VARIANT_SHARES) {
    const n = Math.max(3, Math.round(pageSnaps.length * share));
    for (let i = 0; i < n; i++) labels.push(variant);
  }
  while (labels.length < pageSnaps.length) labels.push('text');
  labels.length = pageSnaps.length;
  new Rng(seed, 'variants').shuffle(labels);
  pageSnaps.forEach((snap, i) => {
    snap.variant = labels[i] as Variant;
  });

  // ---- Placement: zip bundles (by site), plain files, byte-identical copies in a backup folder.
  const placeRng = new Rng(seed, 'place');
  const zipShare = Math.max(8, Math.round(pages * 0.05));
  const zipped = new Set(placeRng.shuffle([...pageSnaps]).slice(0, zipShare));
  const folderCounters = new Map<string, number>();
  const nextName = (folder: string, ext: string, ...id: Array<string | number>) => {
    const n = folderCounters.get(folder) ?? 0;
    folderCounters.set(folder, n + 1);
    return `${folder}/${String(n).padStart(3, '0')}_${hex16(seed, folder, n, ...id)}${ext}`;
  };
  const extOf = (v: Variant) => (v === 'html' || v === 'htmlbom' ? '.html' : v === 'htm' ? '.htm' : '.txt');

  const bySiteZipped = new Map<string, Array<{ inst: Inst; snap: Snap }>>();
  for (const inst of pageInsts) {
    for (const snap of inst.snaps) {
      if (zipped.has(snap)) {
        const list = bySiteZipped.get(inst.site) ?? [];
        list.push({ inst, snap });
        bySiteZipped.set(inst.site, list);
      } else {
        snap.path = nextName(`${inst.site}/${dayString(snap.day)}`, extOf(snap.variant), inst.u.uid, snap.day);
      }
    }
  }
  const bundles: Array<{ path: string; day: string; members: Array<{ inst: Inst; snap: Snap } | { css: string }> }> = [];
  for (const site of [...bySiteZipped.keys()].sort()) {
    const list = bySiteZipped.get(site) ?? [];
    for (let i = 0; i < list.length; i += 40) {
      const chunk = list.slice(i, i + 40);
      const bundlePath = `${BUNDLES_DIR}/${site}-${String(i / 40 + 1).padStart(2, '0')}.zip`;
      const members: Array<{ inst: Inst; snap: Snap } | { css: string }> = [];
      const innerCounters = new Map<string, number>();
      for (const m of chunk) {
        const folder = `${site}/${dayString(m.snap.day)}`;
        const n = innerCounters.get(folder) ?? 0;
        innerCounters.set(folder, n + 1);
        const inner = `${folder}/${String(n).padStart(3, '0')}_${hex16(seed, bundlePath, folder, n)}${extOf(m.snap.variant)}`;
        m.snap.zip = { bundle: bundlePath, inner };
        m.snap.path = `${bundlePath}!/${inner}`;
        members.push(m);
      }
      bundles.push({ path: bundlePath, day: dayString(chunk[0]?.snap.day ?? 16_600), members });
    }
  }
  if (bundles.length === 0) throw new Error('no zip bundles planned');
  // One junk member (a stylesheet) in the first bundle.
  const zipCssPath = `${site0(bundles[0]?.path)}/assets/theme.css`;
  bundles[0]?.members.push({ css: zipCssPath });

  const fileSnaps = pageInsts.flatMap((inst) => inst.snaps.filter((s) => s.zip === null));
  for (const i of placeRng.shuffle(fileSnaps.map((_, j) => j)).slice(0, counts.byteCopies)) {
    const snap = fileSnaps[i] as Snap;
    snap.copyTo = `${BACKUP_DIR}/${snap.path}`;
  }
  for (const inst of insts) {
    if (inst.kind === 'truncated') {
      const snap = inst.snaps[0] as Snap;
      snap.path = nextName(`${inst.site}/${dayString(snap.day)}`, '.txt', inst.u.uid, 'cut');
    } else if (inst.kind === 'generic') {
      const day = dayString(Math.floor(inst.u.publishedMs / DAY_MS));
      inst.snaps.push({
        day: 0,
        readCount: 0,
        variant: hashUnit(seed, 'gbom', inst.u.uid) < 0.1 ? 'bom' : 'text',
        path: `${OTHER_SITES_DIR}/${inst.site}/${day.slice(0, 4)}/${day.slice(5, 7)}/article-${inst.newsId}.txt`,
        zip: null,
        copyTo: null,
        encoding: 'utf-8',
        format: 'text',
      });
    }
  }

  // ---- Tickers: per site and scrape day, 20 headlines of that site's articles around that day.
  const dayIndex = new Map<string, Map<number, UInst[]>>();
  for (const u of universe) {
    if (!u.valid || genericUids.has(u.uid)) continue;
    const days = dayIndex.get(u.a.site) ?? new Map<number, UInst[]>();
    const day = Math.floor(u.publishedMs / DAY_MS);
    const list = days.get(day) ?? [];
    list.push(u);
    days.set(day, list);
    dayIndex.set(u.a.site, days);
  }
  const tickers = new Map<string, string[]>();
  const tickerOf = (site: string, day: number): string[] => {
    const key = `${site}|${day}`;
    const cached = tickers.get(key);
    if (cached) return cached;
    const days = dayIndex.get(site);
    const out: string[] = [];
    for (let step = 0; out.length < TICKER_SIZE && step < 4000; step++) {
      // 0, -1, +1, -2, +2, … : the day's articles first, then the days around it.
      const dist = step === 0 ? 0 : step % 2 === 1 ? -Math.ceil(step / 2) : step / 2;
      const list = days?.get(day + dist);
      if (!list) continue;
      const sorted = [...list].sort(
        (x, y) =>
          Number(renderedUids.has(y.uid)) - Number(renderedUids.has(x.uid)) ||
          hash32(seed, 'tick', key, x.uid) - hash32(seed, 'tick', key, y.uid) ||
          x.uid - y.uid,
      );
      for (const u of sorted) {
        if (out.length >= TICKER_SIZE) break;
        out.push(displayTitle(u));
      }
    }
    if (out.length < TICKER_SIZE) throw new Error(`ticker for ${site} ${dayString(day)}: only ${out.length} headlines`);
    tickers.set(key, out);
    return out;
  };

  // ---- Write the files.
  const root = prepareOutDir(options.outDir);
  const w = new CorpusWriter(root);
  const rejections: ExpectedRejection[] = [];
  const reject = (p: string, reason: RejectReason) => rejections.push({ path: p, reason });
  const zipData = new Map<string, Buffer>();
  let entries = 0;
  const encodingCounts: Record<string, number> = {};
  let htmlCount = 0;
  let crlfCount = 0;

  const fieldsOf = (inst: Inst, snap: Snap): PageFields => ({
    site: inst.site,
    city: inst.u.a.city,
    scrapeDay: dayString(snap.day),
    ticker: tickerOf(inst.site, snap.day),
    section: inst.u.a.section,
    published: isoTime(inst.u.publishedMs).replace('T', ' '),
    displayTitle: displayTitle(inst.u),
    paragraphs: inst.u.a.paragraphs,
    joined: inst.joined,
    readCount: snap.readCount,
    newsId: inst.newsId,
  });

  const renderSnap = (inst: Inst, snap: Snap): Buffer => {
    const f = fieldsOf(inst, snap);
    const v = snap.variant;
    let text: string;
    let enc: TextEncoding = 'utf-8';
    if (v === 'html' || v === 'htm' || v === 'htmlbom') {
      text = renderHtml(f, inst.u.title);
      snap.format = 'html';
      enc = v === 'htmlbom' ? 'utf-8-bom' : 'utf-8';
      htmlCount++;
    } else {
      text = renderText(f);
      snap.format = 'text';
      if (v === 'crlf' || v === 'crlf1256') {
        text = text.replace(/\n/g, '\r\n');
        crlfCount++;
      }
      enc = v === 'bom' ? 'utf-8-bom' : v === 'u16le' ? 'utf-16le' : v === 'u16be' ? 'utf-16be' : v === 'cp1256' || v === 'crlf1256' ? 'windows-1256' : 'utf-8';
    }
    const { bytes, encoding } = encodeText(text, enc);
    snap.encoding = encoding;
    encodingCounts[encoding] = (encodingCounts[encoding] ?? 0) + 1;
    return bytes;
  };

  const articles: ExpectedArticle[] = [];
  const zipMembers = new Map<string, Buffer>();
  for (const inst of insts) {
    const snapshots: ExpectedSnapshot[] = [];
    let paragraphs = inst.u.a.paragraphs;
    if (inst.kind === 'page') {
      for (const snap of inst.snaps) {
        const bytes = renderSnap(inst, snap);
        const info: ExpectedSnapshot = { path: snap.path, scrapedOn: dayString(snap.day), readCount: snap.readCount, encoding: snap.encoding, format: snap.format };
        snapshots.push(info);
        if (snap.zip) zipMembers.set(snap.path, bytes);
        else {
          w.write(snap.path, bytes);
          entries++;
        }
        if (snap.copyTo) {
          w.write(snap.copyTo, bytes);
          entries++;
          snapshots.push({ ...info, path: snap.copyTo });
        }
      }
    } else if (inst.kind === 'truncated') {
      const snap = inst.snaps[0] as Snap;
      const f = fieldsOf(inst, snap);
      const cutRng = new Rng(seed, 'cut', inst.u.uid);
      const paras = inst.u.a.paragraphs;
      let cut = cutRng.int(0, paras.length - 1);
      let words = (paras[cut] ?? '').split(' ').length;
      if (words < 2 && cut === paras.length - 1 && paras.length > 1) {
        cut = cutRng.int(0, paras.length - 2);
        words = (paras[cut] ?? '').split(' ').length;
      }
      const keep = words >= 2 ? cutRng.int(1, words - 1) : words;
      const out = renderTruncated(f, cut, keep);
      paragraphs = out.paragraphs;
      w.write(snap.path, out.text);
      entries++;
      encodingCounts['utf-8'] = (encodingCounts['utf-8'] ?? 0) + 1;
      snapshots.push({ path: snap.path, scrapedOn: dayString(snap.day), readCount: null, encoding: 'utf-8', format: 'text' });
    } else {
      const snap = inst.snaps[0] as Snap;
      const day = dayString(Math.floor(inst.u.publishedMs / DAY_MS));
      paragraphs = genericParagraphs(paragraphs);
      const digits = hashUnit(seed, 'digits', inst.u.uid) < 0.35;
      const text = renderGeneric(inst.u.title, dateInWords(day, digits), paragraphs, inst.joined, hashUnit(seed, 'nl', inst.u.uid) < 0.5);
      const { bytes, encoding } = encodeText(text, snap.variant === 'bom' ? 'utf-8-bom' : 'utf-8');
      w.write(snap.path, bytes);
      entries++;
      encodingCounts[encoding] = (encodingCounts[encoding] ?? 0) + 1;
      snapshots.push({ path: snap.path, scrapedOn: null, readCount: null, encoding, format: 'text' });
    }
    const latest = inst.kind === 'page' ? (inst.snaps[inst.snaps.length - 1] as Snap).readCount : null;
    articles.push({
      site: inst.site,
      section: inst.kind === 'generic' ? null : inst.u.a.section,
      title: inst.u.title,
      author: inst.kind === 'generic' ? null : inst.u.a.author,
      publishedAt: inst.kind === 'generic' ? `${dayString(Math.floor(inst.u.publishedMs / DAY_MS))}T00:00:00` : isoTime(inst.u.publishedMs),
      readCount: latest,
      paragraphs,
      snapshots,
    });
  }

  // Zip bundles (+ a junk member), then one damaged zip.
  let zipMemberCount = 0;
  for (const bundle of bundles) {
    const zipEntries: ZipEntry[] = [];
    const dirs = new Set<string>();
    for (const m of bundle.members) {
      const inner = 'css' in m ? m.css : (m.snap.zip?.inner as string);
      const parts = inner.split('/');
      for (let i = 1; i < parts.length; i++) {
        const dir = `${parts.slice(0, i).join('/')}/`;
        if (!dirs.has(dir)) {
          dirs.add(dir);
          zipEntries.push({ name: dir });
        }
      }
      if ('css' in m) {
        zipEntries.push({ name: inner, data: Buffer.from(renderStylesheet(7)) });
        reject(`${bundle.path}!/${inner}`, 'unsupported-type');
      } else {
        zipEntries.push({ name: inner, data: zipMembers.get(m.snap.path) as Buffer });
      }
      zipMemberCount++;
      entries++;
    }
    const data = buildZip(zipEntries, bundle.day);
    zipData.set(bundle.path, data);
    w.write(bundle.path, data);
  }

  // ---- Junk.
  const junkRng = new Rng(seed, 'junk');
  const siteDays = pageInsts.flatMap((inst) => inst.snaps.filter((s) => s.zip === null).map((s) => s.path.slice(0, s.path.lastIndexOf('/'))));
  const junkFolder = () => junkRng.pick(siteDays);
  const junkFile = (ext: string, reason: RejectReason, data: Buffer | string, folder = junkFolder()) => {
    const p = nextName(folder, ext, 'junk', reason);
    w.write(p, data);
    entries++;
    reject(p, reason);
    return p;
  };
  const j = counts.junk;
  for (let i = 0; i < j.empty; i++) junkFile('.txt', 'empty', Buffer.alloc(0));
  for (let i = 0; i < j.whitespace; i++) junkFile('.txt', 'empty', ' '.repeat(junkRng.int(1, 40)) + '\n\n\t \r\n'.repeat(junkRng.int(1, 5)));
  const png = (n: number) =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x40, 0, 0, 0, 0x40, 8, 6, 0, 0, 0]),
      junkRng.bytes(n),
      Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
    ]);
  for (let i = 0; i < j.binary; i++) junkFile('.txt', 'binary', png(junkRng.int(300, 3000)));
  for (let i = 0; i < j.decode; i++) {
    // Random high bytes with spaces and a couple of C0 controls: neither UTF-8 nor plausible windows-1256.
    const n = junkRng.int(1500, 5000);
    const bytes = Buffer.alloc(n);
    for (let b = 0; b < n; b++) bytes[b] = junkRng.chance(0.12) ? 0x20 : junkRng.int(0x80, 0xff);
    for (let c = 0; c < 2; c++) bytes[junkRng.int(10, n - 1)] = junkRng.pick([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e, 0x0f, 0x10, 0x11]);
    junkFile('.txt', 'decode', bytes);
  }
  const siteOfFolder = (folder: string) => folder.slice(0, folder.indexOf('/'));
  for (let i = 0; i < j.errorText; i++) {
    const folder = junkFolder();
    junkFile('.txt', 'error-page', renderErrorText(siteOfFolder(folder), junkRng.int(1000, 99999)), folder);
  }
  for (let i = 0; i < j.errorHtml; i++) {
    const folder = junkFolder();
    junkFile('.html', 'error-page', renderErrorHtml(siteOfFolder(folder), junkRng.int(1000, 99999)), folder);
  }
  for (let i = 0; i < j.notArticle; i++) {
    const folder = junkFolder();
    const ids = Array.from({ length: junkRng.int(3, 12) }, () => junkRng.int(100_000, 999_999));
    junkFile('.txt', 'not-article', renderLinkList(siteOfFolder(folder), ids), folder);
  }
  for (let i = 0; i < j.images; i++) {
    const site = siteOfFolder(junkFolder());
    const jpg = i % 2 === 0;
    const data = jpg
      ? Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), junkRng.bytes(junkRng.int(500, 4000)), Buffer.from([0xff, 0xd9])])
      : png(junkRng.int(500, 4000));
    junkFile(jpg ? '.jpg' : '.png', 'unsupported-type', data, `${site}/images`);
  }
  for (let i = 0; i < j.css; i++) junkFile('.css', 'unsupported-type', renderStylesheet(i), `${siteOfFolder(junkFolder())}/assets`);
  {
    // A file too large to be a page: real page text repeated past 8 MiB.
    const sample = renderText(fieldsOf(pageInsts[0] as Inst, (pageInsts[0] as Inst).snaps[0] as Snap));
    const unit = Buffer.from(`${sample}\n\n`, 'utf8');
    const big = Buffer.alloc(8 * 1024 * 1024 + 300 * 1024);
    for (let off = 0; off < big.length; off += unit.length) unit.copy(big, off, 0, Math.min(unit.length, big.length - off));
    const p = `${(pageInsts[0] as Inst).site}/dumps/all-pages.txt`;
    w.write(p, big);
    entries++;
    reject(p, 'too-large');
  }
  {
    const [firstZip] = zipData.values();
    const broken = (firstZip as Buffer).subarray(0, Math.floor((firstZip as Buffer).length * 0.6));
    const p = `${BUNDLES_DIR}/broken-01.zip`;
    w.write(p, broken);
    entries++;
    reject(p, 'bad-zip');
  }

  // ---- Symbolic links: two folder links that loop back up the tree, two file links. Never followed.
  const links: string[] = [];
  const addLink = (rel: string, target: string, type: 'dir' | 'file') => {
    if (w.link(rel, target, type)) {
      links.push(rel);
      reject(rel, 'link');
    }
  };
  const linkFolder = siteDays[0] as string;
  addLink(`${linkFolder}/loop`, '..', 'dir');
  const genericInst = insts.find((x) => x.kind === 'generic');
  if (genericInst) addLink(`${OTHER_SITES_DIR}/${genericInst.site}/up`, '../..', 'dir');
  const firstFile = pageInsts.flatMap((x) => x.snaps).find((s) => s.zip === null) as Snap;
  addLink(`${firstFile.path.slice(0, firstFile.path.lastIndexOf('/'))}/latest.txt`, path.posix.basename(firstFile.path), 'file');
  const htmlFile = pageInsts.flatMap((x) => x.snaps).find((s) => s.zip === null && s.format === 'html');
  if (htmlFile) addLink(`${OTHER_SITES_DIR}/shortcut.html`, `../${htmlFile.path}`, 'file');

  if (entries !== pages) throw new Error(`internal: wrote ${entries} entries for ${pages} pages`);

  // ---- The manifest. The source's text keeps some HTML character references ("&quot;"): pages carry
  // them as they are, and the parser decodes them in every field.
  for (const a of articles) {
    a.title = decodeCharacterReferences(a.title);
    a.author = a.author === null ? null : decodeCharacterReferences(a.author);
    a.section = a.section === null ? null : decodeCharacterReferences(a.section);
    a.paragraphs = a.paragraphs.map(decodeCharacterReferences);
  }
  const tickerList: ExpectedTicker[] = [...tickers.entries()]
    .map(([key, headlines]) => {
      const [site, day] = key.split('|') as [string, string];
      return { site, date: dayString(Number(day)), headlines: headlines.map(decodeCharacterReferences) };
    })
    .sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const titlesBySite = new Set(articles.map((a) => `${a.site}|${a.title}`));
  const linked = tickerList.reduce((n, t) => n + t.headlines.filter((h) => titlesBySite.has(`${t.site}|${stripByline(h)}`)).length, 0);
  const rejectionCounts: Record<string, number> = {};
  for (const r of rejections) rejectionCounts[r.reason] = (rejectionCounts[r.reason] ?? 0) + 1;
  const stats: CorpusStats = {
    entries,
    files: w.files,
    bytes: w.bytes,
    articles: articles.length,
    snapshots: articles.reduce((n, a) => n + a.snapshots.length, 0),
    rescrapes: counts.rescrapes,
    byteCopies: counts.byteCopies,
    truncated: counts.truncated,
    generic: counts.generic,
    zipBundles: bundles.length,
    zipMembers: zipMemberCount,
    html: htmlCount,
    crlf: crlfCount,
    encodings: encodingCounts,
    rejections: rejectionCounts,
    links: links.length,
    tickers: tickerList.length,
    tickerHeadlinesLinked: linked,
  };
  const manifest: Manifest = {
    generator: GENERATOR_VERSION,
    seed,
    pages,
    source,
    root: CORPUS_DIR,
    stats,
    articles,
    rejections: rejections.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    links: links.sort(),
    tickers: tickerList,
  };
  const tmp = path.join(options.outDir, `${MANIFEST_FILE}.tmp`);
  writeManifest(tmp, manifest);
  fs.renameSync(tmp, path.join(options.outDir, MANIFEST_FILE));
  log(`wrote ${entries} entries (${(w.bytes / 1024 / 1024).toFixed(1)} MB), ${articles.length} articles in ${Date.now() - t0} ms`);
  return manifest;
}

/**
 * The body of a generic page: only its prose paragraphs (≥ 8 words, ≥ 80 characters). A parser of an
 * unknown layout may fairly take short lines (bylines, sign-offs, "// انتهى //", "شارك…", dates) for
 * chrome, so the generated page holds none.
 */
function genericParagraphs(paragraphs: string[]): string[] {
  const body = paragraphs.filter((p) => p.length >= 80 && p.split(' ').length >= 8);
  return body.join(' ').length >= 200 ? body : [];
}

/**
 * A title no parser can mistake: 3–20 words starting with a letter, no sentence end, no year, no entity,
 * no "»", "|" or " - " (which breadcrumb and navigation lines use as separators), not a byline, and not
 * opening like a "more/related/comments" marker.
 */
function genericTitleOk(title: string): boolean {
  const words = title.split(' ').length;
  return (
    words >= 3 &&
    words <= 20 &&
    /^[\u0621-\u064a«"]/u.test(title) &&
    !isBylineLike(title) &&
    !/^(?:المزيد|اقرأ|اقرا|تعليق|التعليقات|شارك|الوسوم|كلمات|تابعونا|الأكثر|الاكثر|آخر|اخر|أخبار|اخبار|مقالات|مواضيع)(?![\u0621-\u064a])/u.test(title) &&
    !/[.،,:;]$/u.test(title) &&
    !/&|\d{4}|[|»›>•·]|\s[-–]\s/u.test(title)
  );
}

function site0(bundlePath: string | undefined): string {
  const name = path.posix.basename(bundlePath ?? 'x-01.zip');
  return name.replace(/-\d+\.zip$/, '');
}

/** The headline without an opinion byline (".. بقلم: NAME"). */
export function stripByline(headline: string): string {
  const i = headline.lastIndexOf('.. بقلم:');
  return i > 0 ? headline.slice(0, i) : headline;
}

// ---- CLI
function parseArgs(argv: string[]): { out: string; pages: number; seed: number; source: SourceKind | undefined } {
  let out = '';
  let pages = 0;
  let seed = 1;
  let source: SourceKind | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--out' && value) out = value;
    else if (arg === '--pages' && value) pages = Number(value);
    else if (arg === '--seed' && value) seed = Number(value);
    else if (arg === '--source' && (value === 'shared' || value === 'fixtures')) source = value;
    else throw new Error(`unknown or incomplete argument: ${arg}`);
  }
  if (!out || !Number.isInteger(pages) || pages <= 0 || !Number.isInteger(seed)) {
    throw new Error('usage: generate.ts --out DIR --pages N [--seed S] [--source shared|fixtures]');
  }
  return { out, pages, seed, source };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const manifest = await generateCorpus({
      outDir: path.resolve(args.out),
      pages: args.pages,
      seed: args.seed,
      source: args.source,
      log: (m) => process.stderr.write(`${m}\n`),
    });
    process.stdout.write(`${JSON.stringify({ outDir: path.resolve(args.out), ...manifest.stats })}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
