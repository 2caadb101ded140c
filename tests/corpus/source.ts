/**
 * Source articles for the generated corpus: the SaudiNewsNet zips in ../shared (31,030 articles), or,
 * on a clone without ../shared, the small fixture tests/fixtures/articles-mini.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

export interface SourceArticle {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
}

export type SourceKind = 'shared' | 'fixtures';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedCorpusDir = path.join(path.resolve(repoRoot, '..', 'shared'), 'corpora', 'saudinewsnet');
export const fixtureFile = path.join(repoRoot, 'tests', 'fixtures', 'articles-mini.json');

export function sharedAvailable(): boolean {
  try {
    return fs.readdirSync(sharedCorpusDir).some((name) => name.endsWith('.zip'));
  } catch {
    return false;
  }
}

/**
 * `shared` when ../shared holds the corpus, else the fixtures. ARSHIF_TEST_CORPUS=fixtures forces the
 * fixtures (to check a clone without ../shared).
 */
export function defaultSource(): SourceKind {
  const forced = process.env.ARSHIF_TEST_CORPUS;
  if (forced === 'fixtures' || forced === 'shared') return forced;
  return sharedAvailable() ? 'shared' : 'fixtures';
}

function isSourceArticle(value: unknown): value is SourceArticle {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['source', 'url', 'date_extracted', 'title', 'author', 'content'].every((key) => typeof v[key] === 'string');
}

export function parseArticles(json: string, origin: string): SourceArticle[] {
  const data: unknown = JSON.parse(json);
  if (!Array.isArray(data)) throw new Error(`${origin}: not a JSON array`);
  const out: SourceArticle[] = [];
  for (const item of data) {
    // A few records carry null fields; they are skipped like empty ones.
    if (isSourceArticle(item)) out.push(item);
  }
  return out;
}

function readSingleJsonFromZip(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error(`cannot open ${file}`));
      const parts: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('.json')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            parts.push(Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => (parts.length === 1 ? resolve(parts[0] as string) : reject(new Error(`${file}: expected one .json member`))));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export async function loadSharedArticles(): Promise<SourceArticle[]> {
  const zips = fs
    .readdirSync(sharedCorpusDir)
    .filter((name) => name.endsWith('.zip'))
    .sort();
  const all: SourceArticle[] = [];
  for (const name of zips) {
    const file = path.join(sharedCorpusDir, name);
    all.push(...parseArticles(await readSingleJsonFromZip(file), file));
  }
  return all;
}

export function loadFixtureArticles(): SourceArticle[] {
  return parseArticles(fs.readFileSync(fixtureFile, 'utf8'), fixtureFile);
}

export async function loadArticles(kind: SourceKind): Promise<SourceArticle[]> {
  return kind === 'shared' ? loadSharedArticles() : loadFixtureArticles();
}
