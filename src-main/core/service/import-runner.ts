import { ArshifError } from '../../common/result.js';
import type { ImportProgress, ImportReport } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { runImport } from '../importer/run-import.js';

export interface ImportRunnerOptions {
  /** Parse worker threads (default: the importer's own default). */
  parseWorkers?: number;
  /** Files per write transaction: smaller batches keep reads waiting less. */
  batchSize?: number;
  onProgress(progress: ImportProgress): void;
  /** Called once a run ends, however it ended. */
  onSettled(outcome: { report: ImportReport } | { error: unknown }): void;
}

interface RunningImport {
  importId: number;
  controller: AbortController;
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
  async start(archive: Archive, paths: string[]): Promise<{ importId: number }> {
    if (this.running) throw new ArshifError('archive-busy', `Import #${this.running.importId} is still running; cancel it or wait for it to finish.`);
    const controller = new AbortController();
    let importId: number | undefined;
    const run = runImport(archive, paths, {
      signal: controller.signal,
      batchSize: this.options.batchSize,
      parseWorkers: this.options.parseWorkers,
      onProgress: (progress) => {
        importId = progress.importId;
        this.latest = progress;
        this.options.onProgress(progress);
      },
    });
    // runImport records the run and reports its first progress before its first await.
    if (importId === undefined) {
      await run; // rethrows why it could not start
      throw new ArshifError('internal', 'The import could not be started.');
    }
    const settled = run.then(
      (report) => this.options.onSettled({ report }),
      (error: unknown) => this.options.onSettled({ error }),
    ).finally(() => {
      this.running = null;
    });
    this.running = { importId, controller, settled };
    return { importId };
  }

  /** Asks the running import to stop after its current batch. */
  cancel(importId: number): boolean {
    if (!this.running || this.running.importId !== importId) return false;
    this.running.controller.abort();
    return true;
  }

  /** Cancels any running import and waits until it has stopped. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await running.settled;
  }
}
