import type { ImportCounts, ImportPhase, ImportProgress } from '../../common/types.js';

export function emptyCounts(): ImportCounts {
  return { filesTotal: 0, filesDone: 0, articlesAdded: 0, articlesUpdated: 0, unchanged: 0, duplicates: 0, rejected: 0, bytesDone: 0 };
}

/** Rate and ETA from the work done so far. */
export function progressOf(importId: number, phase: ImportPhase, counts: ImportCounts, startedAt: number, now: number): ImportProgress {
  const elapsedMs = Math.max(1, now - startedAt);
  const pagesPerSecond = (counts.filesDone * 1000) / elapsedMs;
  const left = Math.max(0, counts.filesTotal - counts.filesDone);
  const etaMs = phase === 'importing' && counts.filesDone > 0 && pagesPerSecond > 0 ? Math.round((left / pagesPerSecond) * 1000) : null;
  return { importId, phase, elapsedMs, pagesPerSecond: Math.round(pagesPerSecond * 10) / 10, etaMs, ...counts };
}

/** Progress is reported at least this often while an import runs (by time, not by batch). */
export const PROGRESS_INTERVAL_MS = 250;

/** Says when a progress report is due: at most one per `interval` ms, the first at once. */
export class ProgressPacer {
  private last = Number.NEGATIVE_INFINITY;
  constructor(private readonly interval = PROGRESS_INTERVAL_MS * 0.8) {}

  due(now = Date.now()): boolean {
    if (now - this.last < this.interval) return false;
    this.last = now;
    return true;
  }

  /** A report was just sent by other means. */
  reset(now = Date.now()): void {
    this.last = now;
  }
}
