/** Worker-thread entry: decodes, parses and analyses pages sent by the import's parse pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { runThisThreadAt } from '../threads/background-priority.js';
import type { PageContext } from '../pages/types.js';
import { processFile, processPage, processZipMember } from './process-page.js';
import type { ZipMemberLocation } from './zip-member-read.js';
import { processItem } from './sources/item-page.js';
import type { ExportItem } from './sources/types.js';

/** What the pool tells each worker at start: the nice value of the thread running the import. */
export interface PageWorkerData {
  nice: number;
}

// The import's own priority: an app import runs in the background (the UI and API threads come first).
runThisThreadAt((workerData as PageWorkerData | null)?.nice ?? 0);

/** A page file to read (with the hash stored for its path), a page's bytes to read, or an export item to build into a page. */
export type PageJobBody =
  | { file: string; storedHash: string | null }
  | { zipMember: ZipMemberLocation; name: string; storedHash: string | null }
  | { bytes: Uint8Array; name: string; context?: PageContext | undefined }
  | { item: ExportItem };
export type PageJob = { id: number } & PageJobBody;

function run(job: PageJob) {
  if ('file' in job) return processFile(job.file, job.storedHash);
  if ('zipMember' in job) return processZipMember(job.zipMember, job.name, job.storedHash);
  if ('item' in job) return processItem(job.item);
  return processPage(job.bytes, job.name, job.context);
}

parentPort?.on('message', (job: PageJob) => {
  try {
    parentPort?.postMessage({ id: job.id, result: run(job) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
