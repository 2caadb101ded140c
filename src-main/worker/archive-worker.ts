/**
 * The archive worker: a worker thread that owns the archive and runs the API service. Each import runs
 * on a thread of its own (this same script in the 'import' role) with the write connection, and the
 * read methods are answered by reader threads (the 'reader' role, reader-pool.ts) that the client
 * points at the archive this service has open. The Electron main thread and the host only pass
 * messages to it: they never run SQL or parse pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { apiErrorOf, createService, type ArshifService } from '../core/service/index.js';
import { runImportThread } from './import-thread-main.js';
import { threadedImports } from './import-thread.js';
import type { FromWorker, ImportThreadData, ReaderThreadData, ToWorker, WorkerStartData } from './protocol.js';
import { runReaderThread } from './reader-thread-main.js';

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

function logError(what: string, error: unknown): void {
  process.stderr.write(`arshif archive worker: ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
}

function startService(data: WorkerStartData): ArshifService | null {
  try {
    const service = createService({
      ...data,
      importEngine: threadedImports(data.nativeBinding),
      onEvent: (message) => {
        post({ type: 'event', message });
        // The reader threads follow the archive the service has open.
        if (message.event === 'archiveChanged') post({ type: 'archive', path: message.payload.path });
      },
      onImportError: (error) => logError('import failed', error),
    });
    post({ type: 'ready' });
    void service.call('archiveInfo', {}).then((info) => post({ type: 'archive', path: info.ok ? info.value.path : null }));
    return service;
  } catch (error) {
    post({ type: 'start-failed', error: apiErrorOf(error) });
    return null;
  }
}

function serve(data: WorkerStartData): void {
  const service = startService(data);
  parentPort?.on('message', (message: ToWorker) => {
    if (!service) return;
    if (message.type === 'call') {
      void service.call(message.method, message.args).then((result) => post({ type: 'result', id: message.id, result }));
    } else if (message.type === 'close') {
      void service.close().finally(() => {
        post({ type: 'closed' });
        parentPort?.close();
      });
    }
  });
}

// A stray rejection must not take the archive down with it: every write is a transaction.
process.on('unhandledRejection', (error) => logError('unhandled rejection', error));

const data = workerData as WorkerStartData | ImportThreadData | ReaderThreadData;
if ('role' in data && data.role === 'import') void runImportThread(data);
else if ('role' in data && data.role === 'reader') runReaderThread(data);
else serve(data as WorkerStartData);
