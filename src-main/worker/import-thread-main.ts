/** The import thread's side: opens the archive for writing, runs one import, reports, and ends. */
import { parentPort } from 'node:worker_threads';
import { openArchive } from '../core/archive/archive.js';
import { runImport } from '../core/importer/run-import.js';
import { apiErrorOf } from '../core/service/index.js';
import { runThisThreadInBackground } from '../core/threads/background-priority.js';
import type { FromImportThread, ImportThreadData, ToImportThread } from './protocol.js';

function post(message: FromImportThread): void {
  parentPort?.postMessage(message);
}

export async function runImportThread(data: ImportThreadData): Promise<void> {
  runThisThreadInBackground(); // bulk writing: the archive worker's reads and the UI come first
  const controller = new AbortController();
  parentPort?.on('message', (message: ToImportThread) => {
    if (message.type === 'cancel') controller.abort();
  });
  try {
    const archive = openArchive(data.archivePath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
    try {
      const report = await runImport(archive, data.paths, {
        signal: controller.signal,
        parseWorkers: data.parseWorkers,
        batchSize: data.batchSize,
        fieldMap: data.fieldMap,
        onProgress: (progress) => post({ type: 'progress', progress }),
      });
      post({ type: 'done', report });
    } finally {
      archive.close();
    }
  } catch (error) {
    post({ type: 'failed', error: apiErrorOf(error) });
  } finally {
    parentPort?.close();
  }
}
