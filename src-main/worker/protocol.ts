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
  | { type: 'closed' };

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
