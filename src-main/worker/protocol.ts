/** Messages between the archive worker and its client (structured-clone plain data only). */
import type { ApiEventMessage } from '../common/bridge.js';
import type { ApiError, Result } from '../common/result.js';
import type { ServiceOptions } from '../core/service/index.js';

/** workerData of the archive worker: the service options minus the event callback. */
export type WorkerStartData = Omit<ServiceOptions, 'onEvent' | 'onImportError'>;

export type ToWorker = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'start-failed'; error: ApiError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; message: ApiEventMessage }
  | { type: 'closed' };
