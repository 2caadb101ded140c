import { ArshifError, type ApiError, type ErrorCode, type Result } from '../../common/result.js';

const DISK_FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_PERM', 'SQLITE_AUTH']);
const IO = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EMFILE', 'ENFILE', 'EIO', 'EBUSY', 'ELOOP', 'ENAMETOOLONG']);

function rawCode(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '');
}

function codeOf(error: unknown): ErrorCode {
  if (error instanceof ArshifError) return error.code;
  const code = rawCode(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'archive-busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged-archive';
  if (DISK_FULL.has(code)) return 'disk-full';
  if (DENIED.has(code) || code.startsWith('SQLITE_READONLY')) return 'permission-denied';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || IO.has(code)) return 'io';
  return 'internal';
}

/** What the file system or SQLite said, as one sentence a person can act on. */
function sentenceFor(code: ErrorCode, error: unknown, archivePath: string | undefined): string | null {
  const file = (error as { path?: unknown }).path;
  const subject = typeof file === 'string' ? file : archivePath ?? 'the archive';
  switch (code) {
    case 'disk-full':
      return `The disk holding ${subject} is full; free some space and try again (nothing half-written was kept).`;
    case 'permission-denied':
      return `${subject} cannot be written here: permission denied (a read-only file, folder or disk).`;
    case 'archive-busy':
      return `${subject} is locked by another program (perhaps an import in another Arshif); try again when it has finished.`;
    case 'damaged-archive':
      return `${subject} is damaged (${firstLine(error)}); copy what you can with export, or import the pages again into a new archive.`;
    default:
      return null;
  }
}

/** The first line of an error's message: never a stack trace. */
function firstLine(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = raw.split('\n', 1)[0]?.trim() ?? '';
  return line.slice(0, 2000) || 'Unexpected error';
}

/** Turns anything thrown below the API into an API error: a code and a one-sentence message. */
export function apiErrorOf(error: unknown, archivePath?: string): ApiError {
  const code = codeOf(error);
  if (error instanceof ArshifError) return { code, message: firstLine(error) };
  return { code, message: sentenceFor(code, error, archivePath) ?? firstLine(error) };
}

/** The same, as a failed envelope. */
export function failureOf(error: unknown, archivePath?: string): Result<never> {
  return { ok: false, error: apiErrorOf(error, archivePath) };
}
