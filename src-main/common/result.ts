/** The one envelope every API answer travels in (IPC and host alike). */

export type ErrorCode =
  | 'bad-request'
  | 'unknown-method'
  | 'not-found'
  | 'not-an-archive'
  | 'damaged-archive'
  | 'archive-busy'
  /** The archive was made by an older Arshif: back it up and upgrade it (upgradeArchive, CLI --upgrade). */
  | 'needs-upgrade'
  /** The target file exists and overwriting it was not asked for. */
  | 'file-exists'
  | 'disk-full'
  | 'permission-denied'
  | 'io'
  | 'cancelled'
  | 'forbidden'
  /** A read took longer than the archive worker allows (its reader thread was stopped). */
  | 'timeout'
  | 'internal'
  /** The engine could not be reached (the host is gone, the worker stopped): set by clients, never by the engine. */
  | 'unreachable';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** An error that carries an API error code across layers. */
export class ArshifError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArshifError';
  }
}
