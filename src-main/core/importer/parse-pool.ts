import os from 'node:os';
import { spawnWorker } from '../threads/spawn-worker.js';
import type { PageContext } from '../pages/types.js';
import type { PageJob, PageJobBody } from './page-worker.js';
import { processPage, type ProcessedPage } from './process-page.js';
import { processItem } from './sources/item-page.js';
import type { ExportItem } from './sources/types.js';

export interface PageParser {
  parse(bytes: Uint8Array, name: string, context?: PageContext): Promise<ProcessedPage>;
  /** An item of a scraper export, built into a page and analysed like one. */
  parseItem(item: ExportItem): Promise<ProcessedPage>;
  close(): Promise<void>;
}

/** Parses on the calling thread. */
export function inlineParser(): PageParser {
  return {
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
  resolve: (value: ProcessedPage) => void;
  reject: (error: Error) => void;
}

/** Parses in worker threads, round-robin; the writer keeps its own thread. */
export function workerParser(count: number): PageParser {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  const workers = Array.from({ length: count }, () => {
    // page-worker.js next to the bundle; from sources page-worker.ts through tsx (see spawnWorker).
    // A small young generation: parse garbage is short-lived, and the default lets RSS balloon.
    const worker = spawnWorker(import.meta.url, 'page-worker', { resourceLimits: { maxYoungGenerationSizeMb: 12 } });
    worker.on('message', (message: { id: number; result?: ProcessedPage; error?: string }) => {
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
  const post = (job: PageJobBody): Promise<ProcessedPage> => {
    const id = nextId++;
    const worker = workers[id % workers.length]!;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      const message: PageJob = { ...job, id };
      worker.postMessage(message);
    });
  };
  return {
    parse: (bytes, name, context) => post({ bytes, name, context }),
    parseItem: (item) => post({ item }),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export function createParser(workers = defaultParseWorkers()): PageParser {
  return workers > 0 ? workerParser(workers) : inlineParser();
}
