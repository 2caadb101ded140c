import fs from 'node:fs';
import type { Article, ArticleVersion, ExportResult } from '../../common/types.js';
import type { Archive } from './archive.js';
import { iterateArticles } from './articles.js';
import { getVersion } from './versions.js';

/** A version in an export line: its number, days, state and text (the snapshots already name their version). */
export type ExportedVersion = Omit<ArticleVersion, 'id' | 'articleId' | 'snapshots'>;

/**
 * An exported article: the Article JSON, plus — for an article edited after its first scrape — every
 * version with its text, oldest first (the article's own fields are the shown version's).
 */
export type ExportedArticle = Article & { versions?: ExportedVersion[] };

function withVersions(archive: Archive, article: Article): ExportedArticle {
  if (article.versionCount <= 1) return article;
  const versions: ExportedVersion[] = [];
  for (let n = 1; n <= article.versionCount; n++) {
    const { id: _id, articleId: _articleId, snapshots: _snapshots, ...version } = getVersion(archive, article.id, n);
    versions.push(version);
  }
  return { ...article, versions };
}

export function* exportArticles(archive: Archive): Generator<ExportedArticle> {
  for (const article of iterateArticles(archive)) yield withVersions(archive, article);
}

/** Writes every article as one JSON line; the file appears only when complete. */
export async function exportToFile(archive: Archive, out: string): Promise<ExportResult> {
  const partial = `${out}.partial`;
  const stream = fs.createWriteStream(partial, { encoding: 'utf8' });
  let count = 0;
  try {
    for (const article of exportArticles(archive)) {
      if (!stream.write(`${JSON.stringify(article)}\n`)) await new Promise<void>((r) => stream.once('drain', () => r()));
      count++;
    }
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    fs.renameSync(partial, out);
  } catch (error) {
    stream.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { path: out, articles: count };
}
