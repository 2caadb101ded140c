/** The manifest of a generated corpus: what an importer must produce from it. */
import fs from 'node:fs';
import path from 'node:path';
import type { Article, RejectReason, SnapshotInfo } from '../../src-main/common/types.js';
import type { SourceKind } from './source.js';

/** Bumped whenever the generator's output for a given seed and size changes. */
export const GENERATOR_VERSION = 3;

/** What the corpus knows of a snapshot (generated pages state no URL). */
export type ExpectedSnapshot = Omit<SnapshotInfo, 'url' | 'version'>;
/** An article as exported (Article JSON of docs/design.md) without its id; snapshot paths relative to the corpus root. */
export type ExpectedArticle = Omit<Article, 'id' | 'url' | 'snapshots' | 'version' | 'versionCount'> & { snapshots: ExpectedSnapshot[] };

export interface ExpectedRejection {
  /** Relative to the corpus root, "/"-separated; a zip member is `bundle.zip!/inner/path`. */
  path: string;
  reason: RejectReason;
}

export interface ExpectedTicker {
  site: string;
  /** Scrape day "YYYY-MM-DD". */
  date: string;
  /** In page order, as shown (opinion headlines keep their ".. بقلم: NAME"). */
  headlines: string[];
}

export interface CorpusStats {
  /** Files and zip members the importer accounts for (symlinks excluded); equals `pages`. */
  entries: number;
  files: number;
  bytes: number;
  articles: number;
  snapshots: number;
  rescrapes: number;
  byteCopies: number;
  truncated: number;
  generic: number;
  zipBundles: number;
  zipMembers: number;
  html: number;
  crlf: number;
  encodings: Record<string, number>;
  rejections: Record<string, number>;
  links: number;
  tickers: number;
  tickerHeadlinesLinked: number;
}

export interface Manifest {
  generator: number;
  seed: number;
  pages: number;
  source: SourceKind;
  /** The corpus root, relative to the folder holding manifest.json. */
  root: string;
  stats: CorpusStats;
  articles: ExpectedArticle[];
  rejections: ExpectedRejection[];
  /** Every symbolic link (file or folder), relative to the corpus root. */
  links: string[];
  tickers: ExpectedTicker[];
}

export const MANIFEST_FILE = 'manifest.json';
export const CORPUS_DIR = 'corpus';

/** Writes the manifest as JSON, one article per line, without building one huge string. */
export function writeManifest(file: string, manifest: Manifest): void {
  const fd = fs.openSync(file, 'w');
  try {
    const { articles, rejections, links, tickers, ...head } = manifest;
    const headJson = JSON.stringify(head);
    fs.writeSync(fd, `${headJson.slice(0, -1)},\n"articles":[\n`);
    let chunk: string[] = [];
    articles.forEach((article, i) => {
      chunk.push(JSON.stringify(article) + (i < articles.length - 1 ? ',\n' : '\n'));
      if (chunk.length >= 500) {
        fs.writeSync(fd, chunk.join(''));
        chunk = [];
      }
    });
    fs.writeSync(fd, chunk.join(''));
    fs.writeSync(fd, `],\n"rejections":${JSON.stringify(rejections)},\n"links":${JSON.stringify(links)},\n"tickers":[\n`);
    fs.writeSync(fd, tickers.map((t) => JSON.stringify(t)).join(',\n'));
    fs.writeSync(fd, '\n]}\n');
  } finally {
    fs.closeSync(fd);
  }
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
}

/** The head of a manifest (everything before the articles) without reading the whole file; null if absent or unreadable. */
export function readManifestHead(dir: string): Omit<Manifest, 'articles' | 'rejections' | 'links' | 'tickers'> | null {
  try {
    const fd = fs.openSync(path.join(dir, MANIFEST_FILE), 'r');
    try {
      const buf = Buffer.alloc(16_384);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      const text = buf.subarray(0, n).toString('utf8');
      const end = text.indexOf(',\n"articles":[');
      if (end < 0) return null;
      return JSON.parse(`${text.slice(0, end)}}`) as Omit<Manifest, 'articles' | 'rejections' | 'links' | 'tickers'>;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}
