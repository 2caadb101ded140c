/**
 * A reader thread: answers the read methods (read-methods.ts) over its own read-only connection to
 * the archive the service has open, with the service's own handlers, so a slow search never makes
 * opening an article wait, and the reader pool can stop a thread that overruns its time limit
 * without touching the service, its settings or a running import.
 */
import { parentPort } from 'node:worker_threads';
import { isMethodName, validateArgs } from '../common/api.js';
import { ArshifError, fail, ok, type Result } from '../common/result.js';
import { openArchive, type Archive } from '../core/archive/archive.js';
import { archiveMeta } from '../core/search/meta.js';
import { apiErrorOf } from '../core/service/index.js';
import type { ArchiveHolder } from '../core/service/archive-holder.js';
import type { ConfigStore } from '../core/service/config-store.js';
import { createHandlers, type MethodHandlers } from '../core/service/handlers.js';
import type { ImportRunner } from '../core/service/import-runner.js';
import { isReadMethod } from './read-methods.js';
import type { FromReader, ReaderThreadData, ToReader } from './protocol.js';

/** A part of the service a reader never has: the read methods do not touch it. */
function unavailable<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get() {
      throw new ArshifError('internal', `${what} is not available on a reader thread.`);
    },
  });
}

export function runReaderThread(data: ReaderThreadData): void {
  let archive: Archive | null = null;
  let openError: ArshifError | null = null;
  const holder = {
    get current(): Archive {
      if (openError) throw openError;
      if (!archive) throw new ArshifError('not-found', 'No archive is open; open or create one first.');
      return archive;
    },
    get isOpen(): boolean {
      return archive !== null;
    },
  };
  const handlers: MethodHandlers = createHandlers({
    archives: holder as unknown as ArchiveHolder,
    config: unavailable<ConfigStore>('The settings store'),
    imports: unavailable<ImportRunner>('The import runner'),
    emit: () => {},
  });

  const open = (path: string | null, warm: boolean): void => {
    archive?.close();
    archive = null;
    openError = null;
    if (path === null) return;
    try {
      archive = openArchive(path, { readonly: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
      if (warm) archiveMeta(archive); // the first search would load it: do it before one arrives
    } catch (error) {
      const { code, message } = apiErrorOf(error);
      openError = new ArshifError(code, message);
      archive?.close();
      archive = null;
    }
  };

  const call = async (method: string, args: unknown): Promise<Result<unknown>> => {
    if (!isMethodName(method) || !isReadMethod(method)) return fail('unknown-method', `"${method}" is not a read method.`);
    const checked = validateArgs(method, args);
    if (!checked.ok) return fail('bad-request', checked.message);
    try {
      const handler = handlers[method] as (a: unknown) => unknown;
      return ok(await handler(checked.args));
    } catch (error) {
      return { ok: false, error: apiErrorOf(error) };
    }
  };

  parentPort?.on('message', (message: ToReader) => {
    if (message.type === 'open') {
      open(message.path, message.warm);
      parentPort?.postMessage({ type: 'opened' } satisfies FromReader);
    } else void call(message.method, message.args).then((result) => parentPort?.postMessage({ type: 'result', id: message.id, result } satisfies FromReader));
  });
}
