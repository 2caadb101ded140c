import type { ImportProgress } from '../common/types.js';
import { formatDuration } from './output.js';

/** Import progress on stderr: a live bar on a terminal, a plain line every few seconds otherwise. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { update(p: ImportProgress): void; done(): void } {
  const live = stream.isTTY === true;
  let lastPlain = 0;
  let drawn = false;
  const describe = (p: ImportProgress) => {
    const eta = p.etaMs === null ? '' : ` · ETA ${formatDuration(p.etaMs)}`;
    const records = p.recordsDone > 0 ? ` · ${p.recordsDone} records` : '';
    return `${p.filesDone}/${p.filesTotal} files${records} · ${(p.bytesDone / 1048576).toFixed(0)}/${(p.bytesTotal / 1048576).toFixed(0)} MB · +${p.articlesAdded} added · ${p.articlesUpdated} updated · ${p.rejected} rejected · ${Math.round(p.pagesPerSecond)} pages/s${eta}`;
  };
  return {
    update(p) {
      if (p.phase === 'scanning') {
        if (live) stream.write('\rScanning…');
        return;
      }
      if (live) {
        const width = 24;
        const ratio = Math.min(1, p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.filesTotal > 0 ? p.filesDone / p.filesTotal : 0);
        const filled = Math.round(ratio * width);
        const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(ratio * 100)}%`;
        const line = `${bar} ${describe(p)}`;
        stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
        drawn = true;
      } else if (Date.now() - lastPlain > 2000 || p.phase !== 'importing') {
        lastPlain = Date.now();
        stream.write(`import: ${p.phase} ${describe(p)}\n`);
      }
    },
    done() {
      if (live && drawn) stream.write('\n');
    },
  };
}
