/** Worker-thread entry: decodes, parses and analyses pages sent by the import's parse pool. */
import { parentPort } from 'node:worker_threads';
import { runThisThreadInBackground } from '../threads/background-priority.js';
import type { PageContext } from '../pages/types.js';
import { processPage } from './process-page.js';
import { processItem } from './sources/item-page.js';
import type { ExportItem } from './sources/types.js';

runThisThreadInBackground(); // parsing is bulk work: the UI and API threads come first

/** A page's bytes to read, or an export item to build into a page. */
export type PageJobBody = { bytes: Uint8Array; name: string; context?: PageContext | undefined } | { item: ExportItem };
export type PageJob = { id: number } & PageJobBody;

parentPort?.on('message', (job: PageJob) => {
  try {
    const result = 'item' in job ? processItem(job.item) : processPage(job.bytes, job.name, job.context);
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
