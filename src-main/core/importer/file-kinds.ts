import path from 'node:path';

/** The largest page the importer reads; real pages are a few KB, anything this big is not one. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

const PAGE_EXTENSIONS = new Set(['', '.txt', '.text', '.html', '.htm', '.xhtml', '.shtml']);

export type FileKind = 'page' | 'zip' | 'unsupported';

export function fileKind(name: string): FileKind {
  const ext = path.posix.extname(name.replace(/\\/g, '/')).toLowerCase();
  if (ext === '.zip') return 'zip';
  return PAGE_EXTENSIONS.has(ext) ? 'page' : 'unsupported';
}

export function describeUnsupported(name: string): string {
  const ext = path.posix.extname(name).toLowerCase() || '(none)';
  return `Files of type ${ext} are not pages; only .txt and .html/.htm pages and .zip bundles of them are imported.`;
}

export function tooLargeMessage(bytes: number): string {
  return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; pages larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB are not imported.`;
}
