import type { Worker } from 'node:worker_threads';
import type { ApiEvents, ArgsOf, EventName, MethodName, ResultOf } from '../common/api.js';
import type { ApiEventMessage } from '../common/bridge.js';
import { ArshifError, fail, type Result } from '../common/result.js';
import { spawnWorker } from '../core/threads/spawn-worker.js';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol.js';
import { ReaderPool } from './reader-pool.js';
import { isReadMethod } from './read-methods.js';

/** Anything that answers API calls and streams API events: the worker client, or a fake in tests. */
export interface ApiCaller {
  call(method: string, args: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: ApiEventMessage) => void): () => void;
}

const STOPPED = 'The archive worker has stopped.';

/**
 * Talks to the archive worker. Every call answers an envelope (never throws); events arrive in the
 * order the worker sent them. Read methods go to reader threads (reader-pool.ts) once the worker has
 * said which archive it has open: a slow search never delays an article, a list or the ticker, and
 * a read past its time limit ends with a `timeout` error instead of stalling the app.
 */
export class ArchiveWorkerClient implements ApiCaller {
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Set<(message: ApiEventMessage) => void>();
  private nextId = 1;
  private stopped = false;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly readers: ReaderPool,
  ) {
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', () => this.stop());
    worker.on('exit', () => this.stop());
  }

  /** Starts the worker and resolves once its service has opened the initial archive. */
  static start(options: WorkerStartData): Promise<ArchiveWorkerClient> {
    const worker = spawnWorker(import.meta.url, 'archive-worker', { workerData: options });
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === 'ready') {
          cleanup();
          resolve(new ArchiveWorkerClient(worker, new ReaderPool(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})));
        } else if (message.type === 'start-failed') {
          cleanup();
          void worker.terminate();
          reject(new ArshifError(message.error.code, message.error.message));
        }
      };
      const onError = (error: Error) => {
        cleanup();
        reject(new ArshifError('internal', `The archive worker failed to start: ${error.message}`));
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new ArshifError('internal', `The archive worker exited while starting (code ${code}).`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>;
  call(method: string, args: unknown): Promise<Result<unknown>>;
  call(method: string, args: unknown): Promise<Result<unknown>> {
    if (this.stopped || this.closing) return Promise.resolve(fail('internal', STOPPED));
    // Reads go to the reader threads once one of their lane has the archive open (the service answers until then).
    if (isReadMethod(method) && this.readers.serves(method)) return this.readers.call(method, args);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.send({ type: 'call', id, method, args });
      } catch (error) {
        // Arguments that cannot cross to the worker (too deep to clone, …): nothing waits for an answer.
        this.pending.delete(id);
        resolve(fail('bad-request', `${method}: the arguments cannot be passed on (${(error as Error).message}).`));
      }
    });
  }

  /** Every event, as {event, payload}. Returns the unsubscribe function. */
  onEvent(listener: (message: ApiEventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One kind of event. Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    return this.onEvent((message) => {
      if (message.event === event) listener(message.payload as ApiEvents[E]);
    });
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** Cancels a running import, closes the archive cleanly, and ends the worker. */
  close(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const readersClosed = this.readers.close();
    this.closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => void this.worker.terminate(), 30_000);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        void readersClosed.then(() => resolve());
      });
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'closed') void this.worker.terminate();
      });
      this.send({ type: 'close' });
    });
    return this.closing;
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'archive') {
      this.readers.open(message.path);
      return;
    }
    if (message.type === 'result') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.type === 'event') {
      for (const listener of this.listeners) {
        try {
          listener(message.message);
        } catch {
          // one failing listener must not keep the event from the others
        }
      }
    }
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.readers.close();
    for (const resolve of this.pending.values()) resolve(fail('internal', STOPPED));
    this.pending.clear();
  }
}
