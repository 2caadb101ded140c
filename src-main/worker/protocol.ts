/** Messages between the archive worker, its client, and its import thread (plain data only). */
import type { ApiEventMessage } from '../common/bridge.js';
import type { ApiError, Result } from '../common/result.js';
import type { FieldMap, ImportProgress, ImportReport } from '../common/types.js';
import type { ServiceOptions } from '../core/service/index.js';

/** workerData of the archive worker: the service options minus callbacks and the engine. */
export type WorkerStartData = Omit<ServiceOptions, 'onEvent' | 'onImportError' | 'importEngine'>;

export type ToWorker = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'start-failed'; error: ApiError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; message: ApiEventMessage }
  /** The archive the service has open now (null: none), so the reader threads open it too. Sent after 'ready'. */
  | { type: 'archive'; path: string | null }
  | { type: 'closed' };

/** workerData of a reader thread (the same script as the archive worker, in the 'reader' role). */
export interface ReaderThreadData {
  role: 'reader';
  nativeBinding?: string;
}

export type ToReader =
  /** Open this archive read-only (null: close it); `warm` loads the search metadata at once. */
  | { type: 'open'; path: string | null; warm: boolean }
  | { type: 'call'; id: number; method: string; args: unknown };

export type FromReader = { type: 'opened' } | { type: 'result'; id: number; result: Result<unknown> };

/** workerData of an import thread (the same script as the archive worker, in the 'import' role). */
export interface ImportThreadData {
  role: 'import';
  archivePath: string;
  paths: string[];
  nativeBinding?: string;
  parseWorkers?: number;
  batchSize?: number;
  fieldMap?: FieldMap;
}

export type ToImportThread = { type: 'cancel' };

export type FromImportThread =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: ApiError };
