import fs from 'node:fs';
import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import type { FieldMap, ImportProgress, ImportReport } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { inThreadImports, type ImportEngine, type ImportJob } from './import-engine.js';

export interface ImportRunnerOptions {
  engine?: ImportEngine;
  /** Parse worker threads (default: the importer's own default). */
  parseWorkers?: number;
  /** Files per write transaction. */
  batchSize?: number;
  onProgress(progress: ImportProgress): void;
  /** Called once a run ends, however it ended. */
  onSettled(outcome: { report: ImportReport } | { error: unknown }): void;
}

interface RunningImport {
  importId: number | null;
  job: ImportJob;
  settled: Promise<void>;
}

/** Runs at most one import at a time in the background, with cancel and the latest progress. */
export class ImportRunner {
  private running: RunningImport | null = null;
  private latest: ImportProgress | null = null;

  constructor(private readonly options: ImportRunnerOptions) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** The latest progress of the most recent run of this session, or null before the first one. */
  get status(): ImportProgress | null {
    return this.latest;
  }

  /** Starts an import and returns as soon as it has an id; progress arrives through onProgress. */
  async start(archive: Archive, paths: string[], fieldMap?: FieldMap): Promise<{ importId: number }> {
    if (this.running) {
      const which = this.running.importId === null ? '' : ` #${this.running.importId}`;
      throw new ArshifError('archive-busy', `Import${which} is still running; cancel it or wait for it to finish.`);
    }
    assertPathsExist(paths);
    const job = (this.options.engine ?? inThreadImports).start(archive, paths, {
      parseWorkers: this.options.parseWorkers,
      batchSize: this.options.batchSize,
      ...(fieldMap ? { fieldMap } : {}),
      onProgress: (progress) => {
        this.latest = progress;
        this.options.onProgress(progress);
      },
    });
    const running: RunningImport = { importId: null, job, settled: Promise.resolve() };
    running.settled = job.done
      .then(
        (report) => this.options.onSettled({ report }),
        (error: unknown) => this.options.onSettled({ error }),
      )
      .finally(() => {
        if (this.running === running) this.running = null;
      });
    this.running = running; // taken at once: a second import call cannot slip in while this one starts
    running.importId = await job.importId;
    return { importId: running.importId };
  }

  /** Asks the running import to stop after its current batch. */
  cancel(importId: number): boolean {
    if (!this.running || this.running.importId !== importId) return false;
    this.running.job.cancel();
    return true;
  }

  /** Cancels any running import and waits until it has stopped. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.job.cancel();
    await running.settled;
  }
}

/**
 * A path that does not exist is a mistake in what was asked, not a file to report after the run:
 * the import does not start. (A path that exists but cannot be read is reported by the walk.)
 */
function assertPathsExist(paths: string[]): void {
  const missing = paths.filter((p) => {
    try {
      return fs.statSync(path.resolve(p), { throwIfNoEntry: false }) === undefined;
    } catch {
      return false;
    }
  });
  if (missing.length === 0) return;
  const list = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` (and ${missing.length - 5} more)` : '');
  throw new ArshifError('not-found', `${missing.length === 1 ? 'This path does not exist' : 'These paths do not exist'}: ${list}`);
}
