import { ArshifError } from '../../common/result.js';
import type { ImportReport } from '../../common/types.js';
import type { Archive } from '../../core/archive/archive.js';
import { runImport } from '../../core/importer/run-import.js';
import { integer, type CliValues } from '../args.js';
import { formatDuration, printJson, printLine } from '../output.js';
import { progressReporter } from '../progress-bar.js';

export async function importCommand(archive: Archive, paths: string[], values: CliValues): Promise<void> {
  if (paths.length === 0) throw new ArshifError('bad-request', 'import needs at least one folder, file or .zip to import');
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
    report = await runImport(archive, paths, {
      onProgress: (p) => reporter.update(p),
      signal: controller.signal,
      parseWorkers: integer(values, 'workers'),
    });
  } finally {
    reporter.done();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { rejections, rejected: _count, ...counts } = report;
  if (values.json) {
    printJson({ ...counts, rejected: rejections });
    return;
  }
  printLine(`Import #${report.importId} ${report.phase} in ${formatDuration(report.elapsedMs)}: ${report.filesDone}/${report.filesTotal} files`);
  printLine(`  articles added ${report.articlesAdded}, updated ${report.articlesUpdated}; unchanged files ${report.unchanged}, identical copies ${report.duplicates}`);
  printLine(`  rejected ${rejections.length}${rejections.length ? ':' : ''}`);
  for (const r of rejections) printLine(`    [${r.reason}] ${r.path} — ${r.message}`);
}
