/**
 * Reader threads for the read methods, in two lanes (read-methods.ts): one thread for the quick
 * reads (an article, a page of the list, the ticker), two for searches, so a heavy search never
 * makes opening an article wait. Each thread has its own read-only connection (WAL: readers never
 * wait for the import's writes).
 *
 * Watchdog: a read that has not answered LIMIT_MS after it was handed to a thread ends with a
 * `timeout` error, and that thread is stopped and replaced (better-sqlite3 cannot interrupt a
 * statement). Searches stay well inside the limit on their own (core/search/budget.ts) and say
 * `truncated` when they cut their work short; the watchdog is for what no budget can cut: one
 * pathological SQLite statement.
 */
import type { Worker } from 'node:worker_threads';
import { fail, type Result } from '../common/result.js';
import { spawnWorker } from '../core/threads/spawn-worker.js';
import type { FromReader, ReaderThreadData, ToReader } from './protocol.js';
import { READ_LANES, type Lane, type ReadMethod } from './read-methods.js';

/** Hard limit of one read, from the moment a reader thread takes it (the answer arrives within 2 s). */
export const LIMIT_MS = 1800;

export interface ReaderPoolOptions {
  nativeBinding?: string;
  threads?: Record<Lane, number>;
  limitMs?: number;
  /** Starts one reader thread (default: the archive worker script in the 'reader' role). */
  spawn?: () => Worker;
}

interface Job {
  method: ReadMethod;
  args: unknown;
  /** Searches of the same query (any page) go back to the thread that keeps its results. */
  affinity: string | null;
  resolve: (result: Result<unknown>) => void;
}

interface Reader {
  worker: Worker;
  lane: Lane;
  /** False until the thread has opened the archive (and, for searches, loaded its metadata). */
  ready: boolean;
  job: { id: number; job: Job; timer: ReturnType<typeof setTimeout> } | null;
  affinity: string | null;
}

const STOPPED = 'The archive worker has stopped.';

function affinityOf(method: ReadMethod, args: unknown): string | null {
  if (method !== 'search' || typeof args !== 'object' || args === null) return null;
  const { limit: _limit, offset: _offset, ...rest } = args as Record<string, unknown>;
  return JSON.stringify(rest);
}

export class ReaderPool {
  private path: string | null = null;
  private readonly readers: Reader[] = [];
  private readonly queues: Record<Lane, Job[]> = { quick: [], search: [] };
  private nextId = 1;
  private closed = false;
  private readonly limitMs: number;
  private readonly spawn: () => Worker;

  constructor(options: ReaderPoolOptions = {}) {
    this.limitMs = options.limitMs ?? LIMIT_MS;
    const data: ReaderThreadData = { role: 'reader', ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
    this.spawn = options.spawn ?? (() => spawnWorker(import.meta.url, 'archive-worker', { workerData: data }));
    const threads = options.threads ?? { quick: 1, search: 2 };
    for (const lane of ['quick', 'search'] as const) for (let i = 0; i < threads[lane]; i++) this.readers.push(this.start(lane));
  }

  /** True when reads go to the reader threads (an archive is open). */
  get active(): boolean {
    return this.path !== null && !this.closed;
  }

  /** True when a thread of the method's lane has opened the archive (until then the service answers it). */
  serves(method: ReadMethod): boolean {
    if (!this.active) return false;
    const lane = READ_LANES[method];
    return this.readers.some((r) => r.lane === lane && r.ready);
  }

  /** The archive the service has open now: every reader thread opens it (read-only). */
  open(path: string | null): void {
    if (this.closed || path === this.path) return; // the same archive after an import: connections see the new data
    this.path = path;
    for (const reader of this.readers) this.openOn(reader);
  }

  call(method: ReadMethod, args: unknown): Promise<Result<unknown>> {
    if (this.closed) return Promise.resolve(fail('internal', STOPPED));
    return new Promise((resolve) => {
      this.queues[READ_LANES[method]].push({ method, args, affinity: affinityOf(method, args), resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const lane of ['quick', 'search'] as const) for (const job of this.queues[lane].splice(0)) job.resolve(fail('internal', STOPPED));
    await Promise.all(
      this.readers.map(async (reader) => {
        this.settle(reader, fail('internal', STOPPED));
        await reader.worker.terminate();
      }),
    );
  }

  private start(lane: Lane): Reader {
    const reader: Reader = { worker: this.spawn(), lane, ready: false, job: null, affinity: null };
    reader.worker.on('message', (message: FromReader) => this.receive(reader, message));
    reader.worker.on('error', () => this.replace(reader, fail('internal', 'A reader thread failed; the read was not answered.')));
    reader.worker.on('exit', () => this.replace(reader, fail('internal', 'A reader thread stopped; the read was not answered.')));
    this.openOn(reader);
    return reader;
  }

  private openOn(reader: Reader): void {
    reader.ready = false;
    reader.affinity = null;
    reader.worker.postMessage({ type: 'open', path: this.path, warm: reader.lane === 'search' } satisfies ToReader);
  }

  private receive(reader: Reader, message: FromReader): void {
    if (message.type === 'opened') {
      reader.ready = true;
      this.dispatch();
      return;
    }
    if (reader.job?.id !== message.id) return; // the answer of a read already given up on
    this.settle(reader, message.result);
    this.dispatch();
  }

  /** Answers the reader's current read (if any) and frees the reader. */
  private settle(reader: Reader, result: Result<unknown>): void {
    const current = reader.job;
    if (!current) return;
    clearTimeout(current.timer);
    reader.job = null;
    current.job.resolve(result);
  }

  /** A reader that overran its limit or died: its read fails, and a new thread takes its place. */
  private replace(reader: Reader, result: Result<unknown>): void {
    const at = this.readers.indexOf(reader);
    if (at < 0) return;
    this.settle(reader, result);
    this.readers.splice(at, 1);
    reader.worker.removeAllListeners();
    void reader.worker.terminate();
    if (this.closed) return;
    this.readers.push(this.start(reader.lane));
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const lane of ['quick', 'search'] as const) {
      const queue = this.queues[lane];
      while (queue.length > 0) {
        const idle = this.readers.filter((r) => r.lane === lane && r.ready && r.job === null);
        if (idle.length === 0) break;
        const job = queue.shift()!;
        const reader = idle.find((r) => job.affinity !== null && r.affinity === job.affinity) ?? idle[0]!;
        this.run(reader, job);
      }
    }
  }

  private run(reader: Reader, job: Job): void {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      const seconds = (this.limitMs / 1000).toFixed(1);
      this.replace(reader, fail('timeout', `The ${job.method} took longer than ${seconds} s and was stopped; try more specific words or fewer filters.`));
    }, this.limitMs);
    reader.job = { id, job, timer };
    reader.affinity = job.affinity;
    try {
      reader.worker.postMessage({ type: 'call', id, method: job.method, args: job.args } satisfies ToReader);
    } catch (error) {
      // Arguments that cannot cross to the thread (too deep to clone, …): the reader stays free.
      clearTimeout(timer);
      reader.job = null;
      job.resolve(fail('bad-request', `${job.method}: the arguments cannot be passed on (${(error as Error).message}).`));
      this.dispatch();
    }
  }
}
