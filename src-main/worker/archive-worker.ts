/**
 * The archive worker: a worker thread that owns the archive and runs the API service. Each import runs
 * on a thread of its own (this same script in the 'import' role) with the write connection, so this
 * thread keeps answering reads during imports. The Electron main thread and the host only pass
 * messages to it: they never run SQL or parse pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { apiErrorOf, createService, type ArshifService } from '../core/service/index.js';
import { runImportThread } from './import-thread-main.js';
import { threadedImports } from './import-thread.js';
import type { FromWorker, ImportThreadData, ToWorker, WorkerStartData } from './protocol.js';

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
      onEvent: (message) => post({ type: 'event', message }),
      onImportError: (error) => logError('import failed', error),
    });
    post({ type: 'ready' });
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

const data = workerData as WorkerStartData | ImportThreadData;
if ('role' in data && data.role === 'import') void runImportThread(data);
else serve(data as WorkerStartData);
