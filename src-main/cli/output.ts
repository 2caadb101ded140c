import type { ArticleSummary } from '../common/types.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function formatSummary(a: ArticleSummary): string {
  const date = a.publishedAt ? a.publishedAt.replace('T', ' ') : 'no date';
  const reads = a.readCount === null ? '' : ` · ${a.readCount} reads`;
  const author = a.author ? ` · ${a.author}` : '';
  const edited = a.versionCount > 1 ? ` · edited: ${a.versionCount} versions` : '';
  return `#${a.id}  ${a.title}\n      ${a.site}${a.section ? ` › ${a.section}` : ''} · ${date}${reads}${author}${edited}`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
