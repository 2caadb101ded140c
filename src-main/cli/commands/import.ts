import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import type { ImportReport } from '../../common/types.js';
import type { Archive } from '../../core/archive/archive.js';
import { runImport } from '../../core/importer/run-import.js';
import { importProblems } from '../../core/service/import-history.js';
import { EXPORT_FIELDS } from '../../common/api.js';
import { checked, integer, type CliValues } from '../args.js';
import { formatDuration, printJson, printLine } from '../output.js';
import { progressReporter } from '../progress-bar.js';

export async function importCommand(archive: Archive, paths: string[], values: CliValues): Promise<void> {
  if (paths.length === 0) throw new ArshifError('bad-request', 'import needs at least one folder, file or .zip to import');
  // Paths are taken from where the command runs; the API wants them absolute.
  const absolute = paths.map((p) => path.resolve(p));
  const { map: fieldMap } = checked('import', { paths: absolute, map: fieldMapOf(values.map) });
  const reporter = progressReporter();
  const controller = new AbortController();
  const onSignal = () => {
    process.stderr.write('\nCancelling after the current batch…\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let report: ImportReport;
  try {
    report = await runImport(archive, absolute, {
      onProgress: (p) => reporter.update(p),
      signal: controller.signal,
      parseWorkers: integer(values, 'workers'),
      ...(fieldMap ? { fieldMap } : {}),
    });
  } finally {
    reporter.done();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { rejections: first, rejected: count, ...counts } = report;
  // The report holds the first rejections only; the archive keeps every one.
  const rejections = count > first.length ? importProblems(archive, report.importId) : first;
  if (values.json) {
    printJson({ ...counts, rejected: [...rejections] });
    return;
  }
  printLine(`Import #${report.importId} ${report.phase} in ${formatDuration(report.elapsedMs)}: ${report.filesDone}/${report.filesTotal} files`);
  printLine(`  articles added ${report.articlesAdded}, updated ${report.articlesUpdated}; unchanged files ${report.unchanged}, identical copies ${report.duplicates}`);
  const skipped = Object.entries(report.skipped).map(([reason, n]) => `${n} ${reason}`);
  if (report.recordsDone > 0) printLine(`  records of crawls and exports ${report.recordsDone}; passed over: ${skipped.join(', ') || 'none'}`);
  printLine(`  rejected ${count}${count ? ':' : ''}`);
  for (const r of rejections) printLine(`    [${r.reason}] ${r.path} — ${r.message}`);
}

/** `--map body=story_text --map date=meta.published` → {body: 'story_text', date: 'meta.published'}. */
function fieldMapOf(pairs: string[] | undefined): Record<string, string> | undefined {
  if (pairs === undefined || pairs.length === 0) return undefined;
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([^=]+)=(.+)$/u.exec(pair);
    if (!m) throw new ArshifError('bad-request', `--map needs FIELD=NAME (e.g. --map body=story_text), not "${pair}"; fields: ${EXPORT_FIELDS.join(', ')}`);
    const field = (m[1] ?? '').trim();
    if (!(EXPORT_FIELDS as readonly string[]).includes(field)) {
      throw new ArshifError('bad-request', `--map: "${field}" is not an article field; fields: ${EXPORT_FIELDS.join(', ')}`);
    }
    map[field] = (m[2] ?? '').trim();
  }
  return map;
}
