/** Comparing what an importer made of a generated corpus with its manifest (used by the acceptance tests). */
import path from 'node:path';
import type { Article, SnapshotInfo } from '../../src-main/common/types.js';
import type { ExpectedArticle, ExpectedSnapshot } from './manifest.js';

/** An absolute path (or `…/bundle.zip!/inner`) → relative to the corpus root, "/"-separated. */
export function relativeToRoot(root: string, p: string): string {
  const bang = p.indexOf('!/');
  const outer = bang >= 0 ? p.slice(0, bang) : p;
  const inner = bang >= 0 ? p.slice(bang) : '';
  return path.relative(root, outer).split(path.sep).join('/') + inner;
}

export function identityOf(a: { site: string; publishedAt: string | null; title: string }): string {
  return `${a.site}|${a.publishedAt ?? ''}|${a.title}`;
}

function sortSnapshots(snapshots: Array<SnapshotInfo | ExpectedSnapshot>): ExpectedSnapshot[] {
  return [...snapshots]
    .map((s) => ({ path: s.path, scrapedOn: s.scrapedOn, readCount: s.readCount, encoding: s.encoding, format: s.format }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** An exported article without its id, paths relative to `root` (when given), snapshots in path order. */
export function comparable(a: Article | ExpectedArticle, root?: string): ExpectedArticle {
  return {
    site: a.site,
    section: a.section,
    title: a.title,
    author: a.author,
    publishedAt: a.publishedAt,
    readCount: a.readCount,
    paragraphs: [...a.paragraphs],
    snapshots: sortSnapshots(root === undefined ? a.snapshots : a.snapshots.map((s) => ({ ...s, path: relativeToRoot(root, s.path) }))),
  };
}

const FIELDS = ['site', 'section', 'title', 'author', 'publishedAt', 'readCount', 'paragraphs', 'snapshots'] as const;

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/**
 * Every difference between the expected and the actual articles (both `comparable`), matched by identity
 * (site + publishedAt + title): missing, unexpected, duplicated, and each differing field.
 */
export function diffArticles(expected: ExpectedArticle[], actual: ExpectedArticle[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, ExpectedArticle>();
  for (const a of actual) {
    const id = identityOf(a);
    if (byId.has(id)) problems.push(`duplicate article ${id}`);
    byId.set(id, a);
  }
  const seen = new Set<string>();
  for (const e of expected) {
    const id = identityOf(e);
    seen.add(id);
    const a = byId.get(id);
    if (!a) {
      problems.push(`missing article ${id} (snapshots ${e.snapshots.map((s) => s.path).join(', ')})`);
      continue;
    }
    for (const field of FIELDS) {
      if (JSON.stringify(a[field]) !== JSON.stringify(e[field])) {
        problems.push(`${id} ${e.snapshots[0]?.path ?? ''}: ${field} is ${brief(a[field])}, expected ${brief(e[field])}`);
      }
    }
  }
  for (const a of actual) {
    const id = identityOf(a);
    if (!seen.has(id)) problems.push(`unexpected article ${id} (snapshots ${a.snapshots.map((s) => s.path).join(', ')})`);
  }
  return problems;
}
