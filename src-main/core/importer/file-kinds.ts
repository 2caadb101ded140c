import path from 'node:path';

/** The largest page the importer reads; real pages are a few KB, anything this big is not one. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

const PAGE_EXTENSIONS = new Set(['', '.txt', '.text', '.html', '.htm', '.xhtml', '.shtml']);

/** Files read as a stream of units rather than as one page: crawls (WARC, WACZ) and scraper exports. */
export type SourceFormat = 'warc' | 'wacz' | 'jsonl' | 'json' | 'csv';

export type FileKind = 'page' | 'zip' | SourceFormat | 'unsupported';

const SOURCE_EXTENSIONS: ReadonlyArray<readonly [string, SourceFormat]> = [
  ['.warc.gz', 'warc'],
  ['.warc', 'warc'],
  ['.wacz', 'wacz'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.json', 'json'],
  ['.csv', 'csv'],
  ['.tsv', 'csv'],
];

export function fileKind(name: string): FileKind {
  const lower = name.replace(/\\/g, '/').toLowerCase();
  const ext = path.posix.extname(lower);
  if (ext === '.zip') return 'zip';
  for (const [suffix, format] of SOURCE_EXTENSIONS) if (lower.endsWith(suffix)) return format;
  return PAGE_EXTENSIONS.has(ext) ? 'page' : 'unsupported';
}

export function isSourceKind(kind: FileKind): kind is SourceFormat {
  return kind !== 'page' && kind !== 'zip' && kind !== 'unsupported';
}

export function describeUnsupported(name: string): string {
  const ext = path.posix.extname(name).toLowerCase() || '(none)';
  return (
    `Files of type ${ext} are not pages; Arshif imports .txt and .html/.htm pages, .zip bundles of them, ` +
    `crawls (.warc, .warc.gz, .wacz) and scraper exports (.jsonl, .ndjson, .json, .csv).`
  );
}

export function tooLargeMessage(bytes: number): string {
  return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; pages larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB are not imported.`;
}
