import os from 'node:os';
import { thisThreadNice } from '../threads/background-priority.js';
import { spawnWorker } from '../threads/spawn-worker.js';
import type { PageContext } from '../pages/types.js';
import type { PageWorkerData } from './page-worker.js';
import { WORKER_READY, runPageJob, type PageJob, type PageJobBody } from './page-job.js';
import type { FileOutcome, ProcessedPage } from './process-page.js';
import type { ZipMemberLocation } from './zip-member-read.js';
import type { ExportItem } from './sources/types.js';

export interface PageParser {
  /**
   * A page file on disk, read, hashed and (unless its hash is `storedHash`) parsed where the parsing
   * happens; `size` is what the file's listing says (a large page is left to the workers).
   */
  parseFile(file: string, storedHash: string | null, size?: number): Promise<FileOutcome>;
  /** The same for a member of a zip on disk, named by its path inside the zip. */
  parseZipMember(at: ZipMemberLocation, name: string, storedHash: string | null, size?: number): Promise<FileOutcome>;
  parse(bytes: Uint8Array, name: string, context?: PageContext): Promise<ProcessedPage>;
  /** An item of a scraper export, built into a page and analysed like one. */
  parseItem(item: ExportItem): Promise<ProcessedPage>;
  /**
   * Runs one job that no worker has taken yet on the calling thread, oldest first (the writer needs the
   * pages in order); false when there is none. The writer calls it instead of waiting idle.
   */
  helpOnce(): boolean;
  close(): Promise<void>;
}

/** Parses on the calling thread. */
export function inlineParser(): PageParser {
  return {
    parseFile: async (file, storedHash) => runPageJob({ file, storedHash }) as FileOutcome,
    parseZipMember: async (zipMember, name, storedHash) => runPageJob({ zipMember, name, storedHash }) as FileOutcome,
    parse: async (bytes, name, context) => runPageJob({ bytes, name, context }) as ProcessedPage,
    parseItem: async (item) => runPageJob({ item }) as ProcessedPage,
    helpOnce: () => false,
    close: async () => {},
  };
}

/** Worker threads to use by default: one core is left to the writer. */
export function defaultParseWorkers(): number {
  return Math.max(0, Math.min(4, os.availableParallelism() - 1));
}

interface Queued {
  job: PageJobBody;
  size: number;
  resolve: (value: ProcessedPage | FileOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Jobs a worker holds at most. Enough to keep it busy while the writer commits a batch (the writer's
 * thread cannot post jobs then); jobs beyond wait in the pool, where the writer can take them.
 */
const WORKER_DEPTH = 256;
/** The largest page the writer parses itself: a long parse would hold up its progress and a cancel. */
const HELP_MAX_BYTES = 1 << 20;

/**
 * Parses in worker threads, each holding up to WORKER_DEPTH jobs, the least busy first; the writer
 * keeps its own thread and, when it would wait, parses a queued job itself (helpOnce): on few cores
 * the writer's idle time is what the workers lack.
 */
export function workerParser(count: number): PageParser {
  const waiting = new Map<number, Queued>();
  const queue: Queued[] = [];
  let nextId = 1;
  const slots = Array.from({ length: count }, () => {
    // page-worker.js next to the bundle; from sources page-worker.ts through tsx (see spawnWorker).
    // A small young generation: parse garbage is short-lived, and the default lets RSS balloon.
    // The workers run at the priority of the import (background in the app, normal at the command line).
    const workerData: PageWorkerData = { nice: thisThreadNice() };
    const worker = spawnWorker(import.meta.url, 'page-worker', { resourceLimits: { maxYoungGenerationSizeMb: 12 }, workerData });
    // Until its code has loaded, a worker takes no job: the writer parses the first pages meanwhile.
    const slot = { worker, held: new Set<number>(), ready: false };
    worker.on('message', (message: typeof WORKER_READY | { id: number; result?: ProcessedPage | FileOutcome; error?: string }) => {
      if (message === WORKER_READY) {
        slot.ready = true;
        for (let next = queue.shift(); next; next = slot.held.size < WORKER_DEPTH ? queue.shift() : undefined) send(slot, next);
        return;
      }
      const w = waiting.get(message.id);
      slot.held.delete(message.id);
      waiting.delete(message.id);
      const next = queue.shift();
      if (next) send(slot, next);
      if (!w) return;
      if (message.result) w.resolve(message.result);
      else w.reject(new Error(message.error ?? 'page worker failed'));
    });
    // A worker that failed takes no more jobs (they wait in the pool for the others, or the writer);
    // the jobs it held fail with its error.
    const fail = (error: Error) => {
      slot.ready = false;
      for (const id of slot.held) {
        waiting.get(id)?.reject(error);
        waiting.delete(id);
      }
      slot.held.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a page worker stopped (exit code ${code})`)));
    return slot;
  });
  function send(slot: (typeof slots)[number], queued: Queued): void {
    const id = nextId++;
    waiting.set(id, queued);
    slot.held.add(id);
    const message: PageJob = { ...queued.job, id };
    slot.worker.postMessage(message);
  }
  // Each job's answer is the type its kind of job gets (page-worker.ts).
  const post = <T extends ProcessedPage | FileOutcome>(job: PageJobBody, size: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const queued: Queued = { job, size, resolve: resolve as (value: ProcessedPage | FileOutcome) => void, reject };
      let least: (typeof slots)[number] | null = null;
      for (const slot of slots) if (slot.ready && (least === null || slot.held.size < least.held.size)) least = slot;
      if (least !== null && least.held.size < WORKER_DEPTH) send(least, queued);
      else queue.push(queued);
    });
  return {
    parseFile: (file, storedHash, size = 0) => post<FileOutcome>({ file, storedHash }, size),
    parseZipMember: (zipMember, name, storedHash, size = 0) => post<FileOutcome>({ zipMember, name, storedHash }, size),
    parse: (bytes, name, context) => post<ProcessedPage>({ bytes, name, context }, bytes.length),
    parseItem: (item) => post<ProcessedPage>({ item }, 0),
    helpOnce() {
      const at = queue.findIndex((queued) => queued.size <= HELP_MAX_BYTES);
      if (at < 0) return false;
      const [queued] = queue.splice(at, 1) as [Queued];
      try {
        queued.resolve(runPageJob(queued.job));
      } catch (error) {
        queued.reject(error as Error);
      }
      return true;
    },
    async close() {
      for (const queued of queue.splice(0)) queued.reject(new Error('the parse pool was closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export function createParser(workers = defaultParseWorkers()): PageParser {
  return workers > 0 ? workerParser(workers) : inlineParser();
}
