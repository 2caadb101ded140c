import type { Worker } from 'node:worker_threads';
import { ArshifError } from '../common/result.js';
import type { ImportReport } from '../common/types.js';
import type { ImportEngine } from '../core/service/index.js';
import { spawnWorker } from '../core/threads/spawn-worker.js';
import type { FromImportThread, ImportThreadData, ToImportThread } from './protocol.js';

/**
 * Runs each import on a thread of its own, with its own write connection to the archive, so the
 * archive worker's thread stays free to answer reads (WAL: readers and the writer do not block each
 * other) however long a write transaction or a WAL checkpoint takes.
 */
export function threadedImports(nativeBinding: string | undefined): ImportEngine {
  return {
    start(archive, paths, options) {
      const data: ImportThreadData = {
        role: 'import',
        archivePath: archive.path,
        paths,
        ...(nativeBinding ? { nativeBinding } : {}),
        ...(options.parseWorkers !== undefined ? { parseWorkers: options.parseWorkers } : {}),
        ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
        ...(options.fieldMap !== undefined ? { fieldMap: options.fieldMap } : {}),
      };
      const worker: Worker = spawnWorker(import.meta.url, 'archive-worker', { workerData: data });
      let resolveId: (id: number) => void = () => {};
      let rejectId: (error: Error) => void = () => {};
      const importId = new Promise<number>((resolve, reject) => {
        resolveId = resolve;
        rejectId = reject;
      });
      const done = new Promise<ImportReport>((resolve, reject) => {
        const fail = (error: Error) => {
          rejectId(error);
          reject(error);
        };
        worker.on('message', (message: FromImportThread) => {
          if (message.type === 'progress') {
            resolveId(message.progress.importId);
            options.onProgress(message.progress);
          } else if (message.type === 'done') resolve(message.report);
          else fail(new ArshifError(message.error.code, message.error.message));
        });
        worker.on('error', (error) => fail(new ArshifError('internal', `The import thread failed: ${error.message}`)));
        worker.on('exit', (code) => fail(new ArshifError('internal', `The import thread stopped (exit code ${code}).`)));
      });
      done.catch(() => {}); // the runner observes it; this only keeps an early failure from going unhandled
      importId.catch(() => {});
      return {
        importId,
        done,
        cancel: () => worker.postMessage({ type: 'cancel' } satisfies ToImportThread),
      };
    },
  };
}
