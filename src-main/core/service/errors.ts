import { ArshifError, type ApiError, type ErrorCode, type Result } from '../../common/result.js';

const IO_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EEXIST', 'EMFILE', 'EIO']);

function codeOf(error: unknown): ErrorCode {
  if (error instanceof ArshifError) return error.code;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'archive-busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged-archive';
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') return 'io';
  if (IO_CODES.has(code)) return 'io';
  return 'internal';
}

/** The first line of an error's message: never a stack trace. */
function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split('\n', 1)[0]?.trim() ?? '';
  return firstLine.slice(0, 2000) || 'Unexpected error';
}

/** Turns anything thrown below the API into an API error: a code and a one-line message. */
export function apiErrorOf(error: unknown): ApiError {
  return { code: codeOf(error), message: messageOf(error) };
}

/** The same, as a failed envelope. */
export function failureOf(error: unknown): Result<never> {
  return { ok: false, error: apiErrorOf(error) };
}
