import { ArshifError } from '../../common/result.js';
import type { ImportPhase, ImportReport, Rejection } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';

interface ImportRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: string;
  files_total: number;
  files_done: number;
  articles_added: number;
  articles_updated: number;
  unchanged: number;
  duplicates: number;
  rejected: number;
  bytes_done: number;
}

/** Stored statuses are phases, plus 'running' and 'interrupted' (a run that never finished). */
function phaseOf(status: string): ImportPhase {
  if (status === 'finished' || status === 'cancelled' || status === 'failed') return status;
  if (status === 'running') return 'importing';
  return 'failed';
}

/** The report of any import ever run on this archive, read back from the `imports` tables. */
export function readImportReport(archive: Archive, importId: number): ImportReport {
  const row = archive.db.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as ImportRow | undefined;
  if (!row) throw new ArshifError('not-found', `No import with id ${importId}`);
  const rejections = archive.db
    .prepare('SELECT path, reason, message FROM import_problems WHERE import_id = ? ORDER BY id')
    .all(importId) as Rejection[];
  const finished = row.finished_at ? Date.parse(row.finished_at) : Date.now();
  return {
    importId: row.id,
    phase: phaseOf(row.status),
    elapsedMs: Math.max(0, finished - Date.parse(row.started_at)),
    filesTotal: row.files_total,
    filesDone: row.files_done,
    articlesAdded: row.articles_added,
    articlesUpdated: row.articles_updated,
    unchanged: row.unchanged,
    duplicates: row.duplicates,
    rejected: row.rejected,
    bytesDone: row.bytes_done,
    rejections,
  };
}
