/**
 * Imports: start from paths, follow progress (importProgress events, with importStatus polling when
 * events stop coming), cancel, and fetch the report of rejected files when the run ends.
 */
import type { ImportPhase, ImportProgress, ImportReport } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';
import { describeError } from './toasts.svelte.js';
import { t } from './locale.svelte.js';

const POLL_MS = 600;
const QUIET_MS = 1200;
const TERMINAL: ImportPhase[] = ['finished', 'cancelled', 'failed'];

export function isTerminal(phase: ImportPhase): boolean {
  return TERMINAL.includes(phase);
}

export { parsePaths } from '../lib/paths.js';

export class ImportState {
  importId = $state<number | null>(null);
  progress = $state.raw<ImportProgress | null>(null);
  report = $state.raw<ImportReport | null>(null);
  error = $state<{ text: string; detail?: string } | null>(null);
  starting = $state(false);
  pathsText = $state('');

  /** Called once when a run ends (finished, cancelled or failed). */
  onEnded: (report: ImportReport | null) => void = () => {};

  private lastEvent = 0;
  private poller: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  // Bookkeeping only, never rendered.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private ended = new Set<number>();

  get running(): boolean {
    return this.starting || (this.progress !== null && !isTerminal(this.progress.phase));
  }

  /** Listens for progress, and picks up a run that is already going (another window, a reload). */
  async attach(): Promise<void> {
    this.unsubscribe ??= api.on('importProgress', (p) => {
      this.lastEvent = Date.now();
      this.accept(p);
    });
    const status = await api.call('importStatus', {});
    if (status.ok && status.value && !isTerminal(status.value.phase)) {
      this.importId = status.value.importId;
      this.accept(status.value);
    }
  }

  async start(paths: string[]): Promise<boolean> {
    if (paths.length === 0 || this.running) return false;
    this.starting = true;
    this.error = null;
    this.report = null;
    this.progress = null;
    const result = await api.call('import', { paths });
    this.starting = false;
    if (!result.ok) {
      // A path that does not exist stops the import before it starts; the message names it.
      this.error =
        result.error.code === 'not-found'
          ? { text: t('importPathMissing'), detail: result.error.message }
          : result.error.code === 'forbidden'
            ? { text: t('importNeedsFileAccess'), detail: result.error.message }
            : describeError(result, t);
      return false;
    }
    this.importId = result.value.importId;
    // Until the first event, show the run as scanning.
    this.progress ??= {
      importId: result.value.importId,
      phase: 'scanning',
      filesTotal: 0,
      filesDone: 0,
      recordsDone: 0,
      bytesTotal: 0,
      skipped: {},
      bytesPerSecond: 0,
      articlesAdded: 0,
      articlesUpdated: 0,
      unchanged: 0,
      duplicates: 0,
      rejected: 0,
      bytesDone: 0,
      elapsedMs: 0,
      pagesPerSecond: 0,
      etaMs: null,
    };
    this.startPolling();
    return true;
  }

  async cancel(): Promise<void> {
    if (this.importId === null) return;
    const result = await api.call('cancelImport', { importId: this.importId });
    if (!result.ok) this.error = describeError(result, t);
    else void this.poll();
  }

  /** Clears a finished run from view. */
  dismiss(): void {
    if (this.running) return;
    this.progress = null;
    this.report = null;
    this.error = null;
  }

  private accept(p: ImportProgress): void {
    if (this.importId !== null && p.importId !== this.importId && this.running) return;
    if (this.ended.has(p.importId)) return;
    this.importId = p.importId;
    this.progress = p;
    if (isTerminal(p.phase)) void this.finish(p.importId);
    else this.startPolling();
  }

  private startPolling(): void {
    if (this.poller) return;
    this.poller = setInterval(() => {
      if (Date.now() - this.lastEvent > QUIET_MS) void this.poll();
    }, POLL_MS);
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }

  private async poll(): Promise<void> {
    const id = this.importId;
    if (id === null || this.ended.has(id)) return;
    const status = await api.call('importStatus', {});
    if (!status.ok) return;
    if (status.value && status.value.importId === id) {
      this.accept(status.value);
    } else {
      // No run in progress any more: the one we follow has ended; its report tells how.
      await this.finish(id);
    }
  }

  private async finish(id: number): Promise<void> {
    if (this.ended.has(id)) return;
    this.ended.add(id);
    this.stopPolling();
    const report = await api.call('importReport', { importId: id });
    if (report.ok) {
      this.report = report.value;
      const p = this.progress;
      if (p && p.importId === id && !isTerminal(p.phase)) this.progress = { ...p, ...report.value, pagesPerSecond: p.pagesPerSecond, etaMs: 0 };
      else if (!p) this.progress = { ...report.value, pagesPerSecond: 0, bytesPerSecond: 0, etaMs: 0 };
    } else {
      this.error = describeError(report, t);
    }
    this.onEnded(report.ok ? report.value : null);
  }
}

export const importer = new ImportState();
