/** Worker-thread entry: decodes, parses and analyses pages sent by the import's parse pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { runThisThreadAt } from '../threads/background-priority.js';
import { WORKER_READY, runPageJob, type PageJob } from './page-job.js';

/** What the pool tells each worker at start: the nice value of the thread running the import. */
export interface PageWorkerData {
  nice: number;
}

// The import's own priority: an app import runs in the background (the UI and API threads come first).
runThisThreadAt((workerData as PageWorkerData | null)?.nice ?? 0);

parentPort?.on('message', (job: PageJob) => {
  try {
    parentPort?.postMessage({ id: job.id, result: runPageJob(job) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});

parentPort?.postMessage(WORKER_READY);
