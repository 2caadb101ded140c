import type { FieldMap, ImportProgress, ImportReport } from '../../common/types.js';
import { openArchive, type Archive } from '../archive/archive.js';
import { runImport } from '../importer/run-import.js';

export interface ImportJobOptions {
  parseWorkers?: number;
  batchSize?: number;
  /** Field names of scraper exports (see ImportOptions.fieldMap). */
  fieldMap?: FieldMap;
  onProgress(progress: ImportProgress): void;
}

/** One running import. */
export interface ImportJob {
  /** The run's id, once the run is recorded in the archive; rejects if it could not start. */
  importId: Promise<number>;
  /** Its report once it ends (finished or cancelled); rejects if it failed. */
  done: Promise<ImportReport>;
  /** Stops it after the current batch. */
  cancel(): void;
}

/** Where imports run: on the service's own thread, or (the archive worker) on a thread of their own. */
export interface ImportEngine {
  start(archive: Archive, paths: string[], options: ImportJobOptions): ImportJob;
}

/** Runs imports on the calling thread, over a writing connection of their own (the service only reads). */
export const inThreadImports: ImportEngine = {
  start(archive, paths, options) {
    const controller = new AbortController();
    let resolveId: (id: number) => void = () => {};
    const importId = new Promise<number>((resolve) => (resolveId = resolve));
    let writer: Archive;
    try {
      writer = openArchive(archive.path, archive.nativeBinding ? { nativeBinding: archive.nativeBinding } : {});
    } catch (error) {
      const failed = Promise.reject(error);
      failed.catch(() => {});
      return { importId: failed as Promise<number>, done: failed as Promise<ImportReport>, cancel: () => {} };
    }
    const done = runImport(writer, paths, {
      signal: controller.signal,
      batchSize: options.batchSize,
      parseWorkers: options.parseWorkers,
      fieldMap: options.fieldMap,
      onProgress: (progress) => {
        resolveId(progress.importId);
        options.onProgress(progress);
      },
    }).finally(() => writer.close());
    // runImport reports its first progress before its first await; if it throws before that, so does importId.
    return { importId: Promise.race([importId, done.then(() => importId)]), done, cancel: () => controller.abort() };
  },
};
