import fs from 'node:fs';
import type { Article, ExportResult } from '../../common/types.js';
import type { Archive } from './archive.js';
import { iterateArticles } from './articles.js';

export function exportArticles(archive: Archive): Iterable<Article> {
  return iterateArticles(archive);
}

/** Writes every article as one JSON line; the file appears only when complete. */
export async function exportToFile(archive: Archive, out: string): Promise<ExportResult> {
  const partial = `${out}.partial`;
  const stream = fs.createWriteStream(partial, { encoding: 'utf8' });
  let count = 0;
  try {
    for (const article of iterateArticles(archive)) {
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
