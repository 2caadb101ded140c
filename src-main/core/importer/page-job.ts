/** One job of the parse pool, and running it: the same code in a page worker and on the writer's thread. */
import type { PageContext } from '../pages/types.js';
import { processFile, processPage, processZipMember, type FileOutcome, type ProcessedPage } from './process-page.js';
import type { ZipMemberLocation } from './zip-member-read.js';
import { processItem } from './sources/item-page.js';
import type { ExportItem } from './sources/types.js';

/** A page file to read (with the hash stored for its path), a page's bytes to read, or an export item to build into a page. */
export type PageJobBody =
  | { file: string; storedHash: string | null }
  | { zipMember: ZipMemberLocation; name: string; storedHash: string | null }
  | { bytes: Uint8Array; name: string; context?: PageContext | undefined }
  | { item: ExportItem };
export type PageJob = { id: number } & PageJobBody;

/** The first message a page worker sends: its code is loaded, jobs can come. */
export const WORKER_READY = 'ready';

export function runPageJob(job: PageJobBody): ProcessedPage | FileOutcome {
  if ('file' in job) return processFile(job.file, job.storedHash);
  if ('zipMember' in job) return processZipMember(job.zipMember, job.name, job.storedHash);
  if ('item' in job) return processItem(job.item);
  return processPage(job.bytes, job.name, job.context);
}
