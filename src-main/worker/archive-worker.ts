/**
 * The archive worker: a worker thread that owns the archive's connection and runs the API service
 * (queries and imports). The Electron main thread and the host only pass messages to it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { apiErrorOf, createService, type ArshifService } from '../core/service/index.js';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol.js';

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

function logError(what: string, error: unknown): void {
  process.stderr.write(`arshif archive worker: ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
}

// A stray rejection (e.g. a parse that failed after its import had already stopped) must not take the
// archive down with it: every write is a transaction, so the archive stays consistent.
process.on('unhandledRejection', (error) => logError('unhandled rejection', error));

function start(data: WorkerStartData): ArshifService | null {
  try {
    const service = createService({
      ...data,
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

const service = start(workerData as WorkerStartData);

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
