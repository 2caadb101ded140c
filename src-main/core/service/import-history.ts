import { ArshifError } from '../../common/result.js';
import { SKIP_REASONS, type ImportPhase, type ImportReport, type Rejection } from '../../common/types.js';
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
  bytes_total: number;
  records_done: number;
  skipped: string;
}

/** The stored {reason: count} object, keeping only known reasons with whole counts. */
function skippedOf(json: string): ImportReport['skipped'] {
  const out: ImportReport['skipped'] = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return out;
    for (const reason of SKIP_REASONS) {
      const n = (parsed as Record<string, unknown>)[reason];
      if (typeof n === 'number' && Number.isInteger(n) && n > 0) out[reason] = n;
    }
  } catch {
    // a damaged column reports no skipped records
  }
  return out;
}

/** Stored statuses are phases, plus 'running' and 'interrupted' (a run that never finished). */
function phaseOf(status: string): ImportPhase {
  if (status === 'finished' || status === 'cancelled' || status === 'failed') return status;
  if (status === 'running') return 'importing';
  return 'failed';
}

/** Every file, record or item an import rejected, in the order met, read from the archive one at a time. */
export function* importProblems(archive: Archive, importId: number): Generator<Rejection> {
  yield* archive.db.prepare('SELECT path, reason, message FROM import_problems WHERE import_id = ? ORDER BY id').iterate(importId) as Iterable<Rejection>;
}

/** The report of any import ever run on this archive, read back from the `imports` tables. */
export function readImportReport(archive: Archive, importId: number): ImportReport {
  const row = archive.db.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as ImportRow | undefined;
  if (!row) throw new ArshifError('not-found', `No import with id ${importId}`);
  const rejections = [...importProblems(archive, importId)];
  const finished = row.finished_at ? Date.parse(row.finished_at) : Date.now();
  return {
    importId: row.id,
    phase: phaseOf(row.status),
    elapsedMs: Math.max(0, finished - Date.parse(row.started_at)),
    filesTotal: row.files_total,
    filesDone: row.files_done,
    recordsDone: row.records_done,
    articlesAdded: row.articles_added,
    articlesUpdated: row.articles_updated,
    unchanged: row.unchanged,
    duplicates: row.duplicates,
    rejected: row.rejected,
    bytesTotal: row.bytes_total,
    bytesDone: row.bytes_done,
    skipped: skippedOf(row.skipped),
    rejections,
  };
}
