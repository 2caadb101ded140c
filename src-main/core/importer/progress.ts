import type { ImportCounts, ImportPhase, ImportProgress } from '../../common/types.js';

export function emptyCounts(): ImportCounts {
  return {
    filesTotal: 0,
    filesDone: 0,
    recordsDone: 0,
    articlesAdded: 0,
    articlesUpdated: 0,
    unchanged: 0,
    duplicates: 0,
    rejected: 0,
    bytesTotal: 0,
    bytesDone: 0,
    skipped: {},
  };
}

/**
 * Rate and ETA from the work done so far. The ETA goes by bytes read of the bytes to read (a 5 GB crawl
 * is one file of many records); by files when the input has no size (empty files only).
 */
export function progressOf(importId: number, phase: ImportPhase, counts: ImportCounts, startedAt: number, now: number): ImportProgress {
  const elapsedMs = Math.max(1, now - startedAt);
  const pagesPerSecond = ((counts.filesDone + counts.recordsDone) * 1000) / elapsedMs;
  const bytesPerSecond = (counts.bytesDone * 1000) / elapsedMs;
  let etaMs: number | null = null;
  if (phase === 'importing' && counts.bytesTotal > 0 && counts.bytesDone > 0) {
    etaMs = Math.round((Math.max(0, counts.bytesTotal - counts.bytesDone) / bytesPerSecond) * 1000);
  } else if (phase === 'importing' && counts.bytesTotal === 0 && counts.filesDone > 0) {
    const filesPerSecond = (counts.filesDone * 1000) / elapsedMs;
    etaMs = Math.round((Math.max(0, counts.filesTotal - counts.filesDone) / filesPerSecond) * 1000);
  }
  return {
    importId,
    phase,
    elapsedMs,
    pagesPerSecond: Math.round(pagesPerSecond * 10) / 10,
    bytesPerSecond: Math.round(bytesPerSecond),
    etaMs,
    ...counts,
    skipped: { ...counts.skipped },
  };
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
