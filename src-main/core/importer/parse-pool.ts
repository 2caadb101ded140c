import os from 'node:os';
import { thisThreadNice } from '../threads/background-priority.js';
import { spawnWorker } from '../threads/spawn-worker.js';
import type { PageContext } from '../pages/types.js';
import type { PageJob, PageJobBody, PageWorkerData } from './page-worker.js';
import { processFile, processPage, processZipMember, type FileOutcome, type ProcessedPage } from './process-page.js';
import type { ZipMemberLocation } from './zip-member-read.js';
import { processItem } from './sources/item-page.js';
import type { ExportItem } from './sources/types.js';

export interface PageParser {
  /** A page file on disk, read, hashed and (unless its hash is `storedHash`) parsed where the parsing happens. */
  parseFile(file: string, storedHash: string | null): Promise<FileOutcome>;
  /** The same for a member of a zip on disk, named by its path inside the zip. */
  parseZipMember(at: ZipMemberLocation, name: string, storedHash: string | null): Promise<FileOutcome>;
  parse(bytes: Uint8Array, name: string, context?: PageContext): Promise<ProcessedPage>;
  /** An item of a scraper export, built into a page and analysed like one. */
  parseItem(item: ExportItem): Promise<ProcessedPage>;
  close(): Promise<void>;
}

/** Parses on the calling thread. */
export function inlineParser(): PageParser {
  return {
    parseFile: async (file, storedHash) => processFile(file, storedHash),
    parseZipMember: async (at, name, storedHash) => processZipMember(at, name, storedHash),
    parse: async (bytes, name, context) => processPage(bytes, name, context),
    parseItem: async (item) => processItem(item),
    close: async () => {},
  };
}

/** Worker threads to use by default: one core is left to the writer. */
export function defaultParseWorkers(): number {
  return Math.max(0, Math.min(4, os.availableParallelism() - 1));
}

interface Waiting {
  resolve: (value: ProcessedPage | FileOutcome) => void;
  reject: (error: Error) => void;
}

/** Parses in worker threads, round-robin; the writer keeps its own thread. */
export function workerParser(count: number): PageParser {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  const workers = Array.from({ length: count }, () => {
    // page-worker.js next to the bundle; from sources page-worker.ts through tsx (see spawnWorker).
    // A small young generation: parse garbage is short-lived, and the default lets RSS balloon.
    // The workers run at the priority of the import (background in the app, normal at the command line).
    const workerData: PageWorkerData = { nice: thisThreadNice() };
    const worker = spawnWorker(import.meta.url, 'page-worker', { resourceLimits: { maxYoungGenerationSizeMb: 12 }, workerData });
    worker.on('message', (message: { id: number; result?: ProcessedPage | FileOutcome; error?: string }) => {
      const w = waiting.get(message.id);
      if (!w) return;
      waiting.delete(message.id);
      if (message.result) w.resolve(message.result);
      else w.reject(new Error(message.error ?? 'page worker failed'));
    });
    worker.on('error', (error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    });
    return worker;
  });
  // Each job's answer is the type its kind of job gets (page-worker.ts).
  const post = <T extends ProcessedPage | FileOutcome>(job: PageJobBody): Promise<T> => {
    const id = nextId++;
    const worker = workers[id % workers.length]!;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: ProcessedPage | FileOutcome) => void, reject });
      const message: PageJob = { ...job, id };
      worker.postMessage(message);
    });
  };
  return {
    parseFile: (file, storedHash) => post<FileOutcome>({ file, storedHash }),
    parseZipMember: (zipMember, name, storedHash) => post<FileOutcome>({ zipMember, name, storedHash }),
    parse: (bytes, name, context) => post<ProcessedPage>({ bytes, name, context }),
    parseItem: (item) => post<ProcessedPage>({ item }),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export function createParser(workers = defaultParseWorkers()): PageParser {
  return workers > 0 ? workerParser(workers) : inlineParser();
}
