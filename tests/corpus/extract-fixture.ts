/**
 * Writes tests/fixtures/articles-mini.json: ≈40 real articles from ../shared's SaudiNewsNet corpus, the
 * generator's source on clones without ../shared. Deterministic; run again only to refresh the fixture:
 *
 *   npx tsx tests/corpus/extract-fixture.ts
 */
import fs from 'node:fs';
import { hash32 } from './rng.js';
import { fixtureFile, loadSharedArticles, sharedAvailable, type SourceArticle } from './source.js';

const PER_SITE: Record<string, number> = { alriyadh: 10, sabq: 10, aawsat: 10, okaz: 10 };

async function main(): Promise<void> {
  if (!sharedAvailable()) throw new Error('../shared/corpora/saudinewsnet is not there');
  const all = await loadSharedArticles();
  const picked: SourceArticle[] = [];
  for (const [source, count] of Object.entries(PER_SITE)) {
    const candidates = all
      .filter((a) => a.source === source && a.title.trim() !== '' && a.content.length >= 500 && a.content.length <= 3500)
      .sort((a, b) => hash32('fixture', a.url) - hash32('fixture', b.url));
    const seen = new Set<string>();
    for (const a of candidates) {
      if (picked.filter((p) => p.source === source).length >= count) break;
      if (seen.has(a.title.trim())) continue;
      seen.add(a.title.trim());
      picked.push(a);
    }
  }
  // Two records the generator must skip: an empty title and an empty content (both occur in the corpus).
  const emptyTitle = all.find((a) => a.title.trim() === '' && a.content.length < 1500);
  const emptyContent = all.find((a) => a.content.trim() === '' && a.title.trim() !== '');
  for (const a of [emptyTitle, emptyContent]) if (a) picked.push(a);
  picked.sort((a, b) => (a.date_extracted < b.date_extracted ? -1 : a.date_extracted > b.date_extracted ? 1 : 0));
  fs.writeFileSync(fixtureFile, `${JSON.stringify(picked, null, 1)}\n`);
  process.stdout.write(`${picked.length} articles, ${fs.statSync(fixtureFile).size} bytes → ${fixtureFile}\n`);
}

await main();
