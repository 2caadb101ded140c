/**
 * Measures the near-duplicate grouping (src-main/core/archive/groups.ts) on the SaudiNewsNet corpus:
 * stores every article in a scratch archive, groups them as migration 5 does, prints the group sizes,
 * and prints a random sample of grouped pairs (headline and lead of each) to be read and judged by
 * hand — "are these the same story?" — which is how the precision in docs/architecture.md was measured.
 *
 *   npx tsx tests/tools/near-duplicates/sample-pairs.ts [--pairs 100] [--seed 2024] [--corpus DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shingleSimilarity } from '../../../src-main/core/arabic/fingerprint.js';
import { scanWords } from '../../../src-main/core/arabic/scanWords.js';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { NearDuplicateGrouper } from '../../../src-main/core/archive/groups.js';
import { Rng } from '../../corpus/rng.js';
import { loadSharedArticles, sharedAvailable } from '../../corpus/source.js';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '100' }, seed: { type: 'string', default: '2024' } } });

async function main(): Promise<void> {
  if (!sharedAvailable()) throw new Error('../shared/corpora/saudinewsnet is absent');
  const all = await loadSharedArticles();
  const file = path.join(os.tmpdir(), `arshif-near-duplicates-${process.pid}.arshif`);
  const archive = openArchive(file, { create: true });
  try {
    const db = archive.db;
    const insert = db.prepare('INSERT INTO articles (id, site, title, title_key, identity, paragraphs, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() =>
      all.forEach((a, i) => insert.run(i + 1, a.source, a.title, scanWords(a.title).norm, `${a.source}|${i}`, JSON.stringify(a.content.split('\n')), a.date_extracted.replace(' ', 'T'))),
    )();
    const grouper = new NearDuplicateGrouper(db).fromStart();
    db.transaction(() => grouper.groupNew())();
    const rows = db.prepare('SELECT id, group_id FROM articles WHERE group_id IS NOT NULL').all() as Array<{ id: number; group_id: number }>;
    const groups = new Map<number, number[]>();
    for (const r of rows) groups.set(r.group_id, [...(groups.get(r.group_id) ?? []), r.id - 1]);
    const sizes = new Map<number, number>();
    const pairs: Array<[number, number]> = [];
    for (const members of groups.values()) {
      sizes.set(members.length, (sizes.get(members.length) ?? 0) + 1);
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) pairs.push([members[x]!, members[y]!]);
    }
    process.stdout.write(
      `${all.length} articles · ${rows.length} in ${groups.size} groups · sizes ${JSON.stringify(Object.fromEntries([...sizes].sort((a, b) => a[0] - b[0])))} · ${pairs.length} grouped pairs · ${grouper.elapsedMs.toFixed(0)} ms\n\n`,
    );
    const rng = new Rng('near-duplicate-pairs', Number(values.seed));
    const sample = rng.shuffle(pairs).slice(0, Number(values.pairs));
    const lead = (i: number): string => `${all[i]!.source} ${all[i]!.date_extracted.slice(0, 16)} | ${all[i]!.title.trim()} | ${all[i]!.content.replace(/\s+/g, ' ').slice(0, 160)}`;
    sample.forEach(([a, b], n) => {
      const similarity = shingleSimilarity(scanWords(all[a]!.content).norm, scanWords(all[b]!.content).norm);
      process.stdout.write(`#${n + 1} similarity ${similarity.toFixed(2)}\n  ${lead(a)}\n  ${lead(b)}\n`);
    });
  } finally {
    archive.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
