import type { ImportProgress } from '../common/types.js';

/**
 * The taskbar/dock progress value for an import (BrowserWindow.setProgressBar): a fraction (of the bytes
 * to read) while importing, indeterminate (2) while scanning, removed (-1) once it has ended.
 */
export function taskbarProgressOf(progress: ImportProgress | null): number {
  if (!progress) return -1;
  if (progress.phase === 'scanning') return 2;
  if (progress.phase !== 'importing') return -1;
  // By bytes: an import of one 5 GB crawl is one file of many records.
  if (progress.bytesTotal > 0) return Math.min(1, Math.max(0, progress.bytesDone / progress.bytesTotal));
  if (progress.filesTotal <= 0) return 2;
  return Math.min(1, Math.max(0, progress.filesDone / progress.filesTotal));
}
