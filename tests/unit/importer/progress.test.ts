import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src-main/common/types.js';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { ProgressPacer, PROGRESS_INTERVAL_MS } from '../../../src-main/core/importer/progress.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { countImport } from '../../../src-main/core/importer/scan.js';
import { samplePagePath, useTempDir } from '../../helpers/tmp.js';

describe('progress reports are paced by time', () => {
  it('one report per interval at most, the first at once, and within the 250 ms promise by default', () => {
    const pacer = new ProgressPacer(100);
    expect(pacer.due(1000)).toBe(true);
    expect(pacer.due(1050)).toBe(false);
    expect(pacer.due(1100)).toBe(true);
    pacer.reset(1150);
    expect(pacer.due(1200)).toBe(false);
    expect(pacer.due(1250)).toBe(true);
    const byDefault = new ProgressPacer();
    expect(byDefault.due(0)).toBe(true);
    expect(byDefault.due(PROGRESS_INTERVAL_MS - 1)).toBe(true);
  });
});

describe('an import reports its progress between batches, and while it counts', () => {
  const tmp = useTempDir();

  function pages(n: number): string {
    const root = path.join(tmp(), 'site.com');
    fs.mkdirSync(root, { recursive: true });
    const sample = fs.readFileSync(samplePagePath, 'utf8');
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(root, `${String(i).padStart(4, '0')}.txt`), `${sample}\n${' '.repeat(i % 7)}`);
    return root;
  }

  it('counting tells the count so far', async () => {
    const root = pages(30);
    const heard: number[] = [];
    const total = await countImport([root], undefined, (soFar) => void heard.push(soFar.files), 0);
    expect(total.files).toBe(30);
    expect(heard.length).toBeGreaterThan(1);
    expect(heard).toEqual([...heard].sort((a, b) => a - b));
    expect(heard.at(-1)).toBeLessThanOrEqual(30);
  });

  it('files done move file by file, not only when a batch is written; the end matches the report', async () => {
    const root = pages(120);
    const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
    const seen: ImportProgress[] = [];
    try {
      const report = await runImport(archive, [root], { batchSize: 50, parseWorkers: 0, progressIntervalMs: 0, onProgress: (p) => seen.push(p) });
      expect(report.phase).toBe('finished');
      expect(report.filesDone).toBe(120);
      const importing = seen.filter((p) => p.phase === 'importing').map((p) => p.filesDone);
      expect(importing.some((n) => n % 50 !== 0)).toBe(true);
      expect(importing).toEqual([...importing].sort((a, b) => a - b));
      expect(Math.max(...importing)).toBeLessThanOrEqual(120);
      expect(seen[0]?.phase).toBe('scanning');
      expect(seen.at(-1)).toMatchObject({ phase: 'finished', filesDone: 120, filesTotal: 120 });
    } finally {
      archive.close();
    }
  });
});
