/**
 * The only module that talks to the engine. In Electron the preload exposes the typed API as
 * `window.arshif`; in a browser the loopback host serves the same methods at `POST /api/<method>`
 * and pushes events at `GET /api/events` (server-sent events). Callers cannot tell them apart.
 */
import type { ApiEvents, ArgsOf, EventName, MethodName, ResultOf } from '../../src-main/common/api.js';
import type { ArshifBridge } from '../../src-main/common/bridge.js';
import type { ApiError, ErrorCode, Result } from '../../src-main/common/result.js';

declare global {
  interface Window {
    /** The desktop bridge (preload); absent in a browser. */
    arshif?: ArshifBridge;
  }
}

export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly method: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

type Listener<E extends EventName> = (payload: ApiEvents[E]) => void;

/** Heard after every call: true when the engine answered (whatever it answered), false when it could not be reached. */
type ReachListener = (reachable: boolean) => void;
const reachListeners = new Set<ReachListener>();
function reached(reachable: boolean): void {
  for (const listener of reachListeners) listener(reachable);
}

interface Transport {
  readonly kind: 'desktop' | 'host';
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>;
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
}

const EVENT_NAMES: EventName[] = ['importProgress', 'archiveChanged', 'settingsChanged'];

function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function isEnvelope(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in (value as object);
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

class HostTransport implements Transport {
  readonly kind = 'host' as const;
  private source: EventSource | null = null;
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>> {
    // A host started with --token signs a browser in with a cookie, which fetch sends by itself.
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args ?? {}), cache: 'no-store' });
    } catch (error) {
      reached(false);
      return failure('unreachable', `${method}: ${(error as Error).message || 'the archive host did not answer'}`);
    }
    reached(true);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure('internal', `${method}: the host answered ${response.status} without a readable body`);
    }
    if (isEnvelope(body)) return body as Result<ResultOf<M>>;
    return failure('internal', `${method}: unexpected answer (HTTP ${response.status})`);
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    this.connect();
    return () => set.delete(wrapped);
  }

  private dispatch(event: EventName, data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  private connect(): void {
    if (this.source || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    this.source = source;
    // The stream coming back is a hint that the host is back (never proof that it is gone: events may be blocked).
    source.addEventListener('open', () => sourceOpened());
    for (const name of EVENT_NAMES) source.addEventListener(name, (e) => this.dispatch(name, (e as MessageEvent<string>).data));
    // Unnamed messages carrying {event, payload} are understood too.
    source.onmessage = (e: MessageEvent<string>) => {
      try {
        const parsed = JSON.parse(e.data) as { event?: string; type?: string; payload?: unknown; data?: unknown };
        const name = (parsed.event ?? parsed.type) as EventName | undefined;
        if (name && EVENT_NAMES.includes(name)) {
          for (const listener of this.listeners.get(name) ?? []) listener(parsed.payload ?? parsed.data);
        }
      } catch {
        /* not ours */
      }
    };
  }
}

class DesktopTransport implements Transport {
  readonly kind = 'desktop' as const;
  constructor(private readonly bridge: ArshifBridge) {}

  async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>> {
    const fn = this.bridge[method] as unknown as ((a: ArgsOf<M>) => Promise<Result<ResultOf<M>>>) | undefined;
    if (typeof fn !== 'function') return failure('unknown-method', `${method}: not offered by this window`);
    try {
      const answer = await fn(args);
      reached(true);
      return isEnvelope(answer) ? answer : failure('internal', `${method}: unexpected answer`);
    } catch (error) {
      reached(false);
      return failure('unreachable', `${method}: ${(error as Error).message}`);
    }
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    return this.bridge.on(event, listener);
  }
}

const openListeners = new Set<() => void>();
function sourceOpened(): void {
  for (const listener of openListeners) listener();
}

const transport: Transport =
  typeof window !== 'undefined' && window.arshif ? new DesktopTransport(window.arshif) : new HostTransport();

export const api = {
  kind: transport.kind,

  /** Calls a method; never throws — the answer is the envelope. */
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>> {
    return transport.call(method, args);
  },

  /** Calls a method and returns its value, or throws an ApiFailure carrying the error code. */
  async get<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const result = await transport.call(method, args);
    if (result.ok) return result.value;
    throw new ApiFailure(result.error.code, result.error.message, method);
  },

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    return transport.on(event, listener);
  },

  /** Whether each call reached the engine (see state/connection.svelte.ts). */
  onReach(listener: ReachListener): () => void {
    reachListeners.add(listener);
    return () => reachListeners.delete(listener);
  },

  /** The event stream (re)opened: worth checking the connection at once. */
  onEventsOpen(listener: () => void): () => void {
    openListeners.add(listener);
    return () => openListeners.delete(listener);
  },

  /** Paths of dropped files, when the desktop shell can tell them; null in a browser. */
  canResolveDroppedPaths(): boolean {
    return typeof window.arshif?.pathsForFiles === 'function';
  },

  async pathsForFiles(files: File[]): Promise<string[]> {
    const fn = window.arshif?.pathsForFiles;
    if (typeof fn !== 'function') return [];
    return (await Promise.resolve(fn(files))).filter((p) => typeof p === 'string' && p.length > 0);
  },
};
