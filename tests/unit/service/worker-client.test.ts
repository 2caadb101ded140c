import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src-main/common/types.js';
import { checkIntegrity, openArchive } from '../../../src-main/core/archive/archive.js';
import { readImportReport } from '../../../src-main/core/service/import-history.js';
import { ArchiveWorkerClient } from '../../../src-main/worker/client.js';
import { samplePagePath, useTempDir } from '../../helpers/tmp.js';

describe('ArchiveWorkerClient', () => {
  const tmp = useTempDir();

  it('refuses to start on something that is not an archive, with the API error code', async () => {
    const notes = path.join(tmp(), 'notes.txt');
    fs.writeFileSync(notes, 'not a database');
    await expect(
      ArchiveWorkerClient.start({ configDir: tmp(), initialArchive: { kind: 'path', path: notes, create: false } }),
    ).rejects.toMatchObject({ code: 'not-an-archive' });
  });

  it('closing during an import cancels it on its thread and leaves the archive whole', async () => {
    const pages = path.join(tmp(), 'pages', 'alazmenah.com');
    fs.mkdirSync(pages, { recursive: true });
    const sample = fs.readFileSync(samplePagePath, 'utf8');
    for (let i = 0; i < 600; i++) fs.writeFileSync(path.join(pages, `${i}.txt`), sample.replace('تحرير حلب', `تحرير حلب ${i}`));
    const archivePath = path.join(tmp(), 'a.arshif');
    const worker = await ArchiveWorkerClient.start({ configDir: tmp(), initialArchive: { kind: 'path', path: archivePath, create: true }, importBatchSize: 50 });
    const progress: ImportProgress[] = [];
    worker.on('importProgress', (p) => progress.push(p));
    const started = await worker.call('import', { paths: [path.dirname(pages)] });
    if (!started.ok) throw new Error(started.error.message);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if ((progress.at(-1)?.filesDone ?? 0) >= 100) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    await worker.close();
    expect(worker.running).toBe(false);
    expect(await worker.call('archiveInfo', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(progress.at(-1)?.phase).toBe('cancelled');
    const archive = openArchive(archivePath);
    try {
      expect(checkIntegrity(archive)).toEqual([]);
      expect(readImportReport(archive, started.value.importId).phase).toBe('cancelled');
    } finally {
      archive.close();
    }
  });
});
