/** Worker-thread entry: decodes, parses and analyses pages sent by the import's parse pool. */
import { parentPort } from 'node:worker_threads';
import { runThisThreadInBackground } from '../threads/background-priority.js';
import type { PageContext } from '../pages/types.js';
import { processPage } from './process-page.js';

runThisThreadInBackground(); // parsing is bulk work: the UI and API threads come first

export interface PageJob {
  id: number;
  bytes: Uint8Array;
  name: string;
  context?: PageContext;
}

parentPort?.on('message', (job: PageJob) => {
  try {
    parentPort?.postMessage({ id: job.id, result: processPage(job.bytes, job.name, job.context) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
