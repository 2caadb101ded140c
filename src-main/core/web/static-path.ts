import fs from 'node:fs';
import path from 'node:path';

export type StaticLookup = { ok: true; file: string } | { ok: false; status: 400 | 404; reason: string };

const INDEX = 'index.html';

function refuse(status: 400 | 404, reason: string): StaticLookup {
  return { ok: false, status, reason };
}

/** The URL path's segments, or a refusal for anything that could name a file outside the root. */
function segmentsOf(urlPath: string): string[] | StaticLookup {
  if (!urlPath.startsWith('/') || urlPath.startsWith('//')) return refuse(400, 'The path must be a plain absolute URL path.');
  if (/%(2f|5c|00)/i.test(urlPath) || urlPath.includes('\\')) return refuse(400, 'Encoded slashes, backslashes and NUL are not allowed in paths.');
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return refuse(400, 'The path is not valid percent-encoding.');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return refuse(400, 'Backslashes and NUL are not allowed in paths.');
  const segments = decoded.split('/').slice(1);
  for (const segment of segments) {
    if (segment === '..' || segment === '.') return refuse(400, 'Relative path segments are not allowed.');
    if (segment.startsWith('.') || segment.includes(':')) return refuse(404, 'Not found.');
  }
  return segments;
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function existingFileInside(realRoot: string, candidate: string): string | null {
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  if (!isInside(realRoot, real)) return null; // a symbolic link that leads out of the root
  try {
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Maps a URL path to a file inside `root`, and nothing outside it: no `..`, no encoded slashes, no
 * absolute or drive paths, no dot-files, no symbolic links leading out. `/` and folders mean
 * index.html; with `spaFallback`, an unknown extension-less path also means index.html.
 */
export function resolveStaticPath(root: string, urlPath: string, options: { spaFallback?: boolean } = {}): StaticLookup {
  const segments = segmentsOf(urlPath);
  if (!Array.isArray(segments)) return segments;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return refuse(404, 'Not found.');
  }
  const last = segments[segments.length - 1] ?? '';
  const relative = last === '' ? [...segments.slice(0, -1), INDEX] : segments;
  const candidate = path.resolve(realRoot, ...relative);
  if (!isInside(realRoot, candidate)) return refuse(400, 'The path leaves the served folder.');
  const file = existingFileInside(realRoot, candidate) ?? existingFileInside(realRoot, path.join(candidate, INDEX));
  if (file) return { ok: true, file };
  if (options.spaFallback && !last.includes('.')) {
    const index = existingFileInside(realRoot, path.join(realRoot, INDEX));
    if (index) return { ok: true, file: index };
  }
  return refuse(404, 'Not found.');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
