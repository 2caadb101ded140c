import type { ApiEvents, ArgsOf, EventName, MethodName, ResultOf } from '../../common/api.js';
import { isMethodName, validateArgs } from '../../common/api.js';
import type { ApiEventMessage } from '../../common/bridge.js';
import { ArshifError, fail, ok, type Result } from '../../common/result.js';
import { getArchiveInfo } from '../archive/stats.js';
import { ArchiveHolder } from './archive-holder.js';
import { ConfigStore } from './config-store.js';
import { failureOf } from './errors.js';
import { createHandlers, type MethodHandlers, type ParsedArgs } from './handlers.js';
import type { ImportEngine } from './import-engine.js';
import { ImportRunner } from './import-runner.js';

/** Which archive the service opens when it starts. */
export type InitialArchive =
  | { kind: 'none' }
  /** This archive; created when `create` and it does not exist. */
  | { kind: 'path'; path: string; create: boolean }
  /** The most recently used archive, else `defaultPath` (created on first run). */
  | { kind: 'last-used'; defaultPath: string };

export interface ServiceOptions {
  /** Folder of config.json (settings, recent archives). */
  configDir: string;
  initialArchive?: InitialArchive;
  /** better-sqlite3 binding built for this runtime's ABI (the packaged Electron app). */
  nativeBinding?: string;
  parseWorkers?: number;
  importBatchSize?: number;
  /** Where imports run; default: on the service's thread. The archive worker gives them a thread of their own. */
  importEngine?: ImportEngine;
  onEvent?: (message: ApiEventMessage) => void;
  /** Told why an import failed (its progress already says phase 'failed'). */
  onImportError?: (error: unknown) => void;
}

export interface ArshifService {
  /** Validates the arguments, runs the method, and answers an envelope; never throws. */
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>;
  call(method: string, args: unknown): Promise<Result<unknown>>;
  /** Cancels a running import, waits for it, and closes the archive. */
  close(): Promise<void>;
}

/**
 * Files per import transaction when imports share the service's thread: the importer's own default
 * (500) would hold that thread too long between reads. (On a thread of their own, imports keep the
 * importer's default.)
 */
export const IN_THREAD_IMPORT_BATCH = 100;

function needsUpgrade(error: unknown): boolean {
  return error instanceof ArshifError && error.code === 'needs-upgrade';
}

/**
 * Opens the archive the service starts with. An archive that needs upgrading is not upgraded behind
 * the user's back: it is left as it is and marked pending, and the app asks (upgradeArchive).
 */
function openInitial(archives: ArchiveHolder, config: ConfigStore, initial: InitialArchive): void {
  if (initial.kind === 'path') {
    const opened = initial.create ? archives.openOrCreate(initial.path) : archives.open(initial.path);
    config.rememberArchive(opened.path);
    return;
  }
  if (initial.kind !== 'last-used') return;
  for (const [candidate, create] of [
    [config.recentArchives[0], false],
    [initial.defaultPath, true],
  ] as const) {
    if (!candidate) continue;
    try {
      const opened = create ? archives.openOrCreate(candidate) : archives.open(candidate);
      config.rememberArchive(opened.path);
      return;
    } catch (error) {
      if (needsUpgrade(error)) {
        archives.markPendingUpgrade(candidate);
        config.rememberArchive(archives.pendingUpgrade ?? candidate);
        return;
      }
      if (create) throw error;
      // moved, deleted or damaged since: fall back to the default archive
    }
  }
}

async function invoke<M extends MethodName>(handlers: MethodHandlers, method: M, args: ParsedArgs<M>): Promise<ResultOf<M>> {
  return handlers[method](args);
}

/** Implements every method of the API registry over one archive at a time. */
export function createService(options: ServiceOptions): ArshifService {
  const emit = <E extends EventName>(event: E, payload: ApiEvents[E]): void => {
    options.onEvent?.({ event, payload } as ApiEventMessage);
  };
  const config = new ConfigStore(options.configDir);
  const archives = new ArchiveHolder(options.nativeBinding);
  const imports = new ImportRunner({
    engine: options.importEngine,
    parseWorkers: options.parseWorkers,
    batchSize: options.importBatchSize ?? (options.importEngine ? undefined : IN_THREAD_IMPORT_BATCH),
    onProgress: (progress) => emit('importProgress', progress),
    onSettled: (outcome) => {
      if ('error' in outcome) options.onImportError?.(outcome.error);
      try {
        if (archives.isOpen) emit('archiveChanged', getArchiveInfo(archives.current));
      } catch {
        // the archive went away meanwhile: the next call reports it
      }
    },
  });
  openInitial(archives, config, options.initialArchive ?? { kind: 'none' });
  const handlers = createHandlers({ archives, config, imports, emit });

  async function call(method: string, rawArgs: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail('unknown-method', `Unknown API method "${method}".`);
    const checked = validateArgs(method, rawArgs);
    if (!checked.ok) return fail('bad-request', checked.message);
    try {
      return ok(await invoke(handlers, method, checked.args));
    } catch (error) {
      return failureOf(error, archives.isOpen ? archives.current.path : undefined);
    }
  }

  return {
    call: call as ArshifService['call'],
    async close() {
      await imports.stop();
      archives.close();
    },
  };
}
