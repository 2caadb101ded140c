import { ApiFailure } from '../lib/api.js';
import { t } from './locale.svelte.js';
import { describeError, toasts } from './toasts.svelte.js';

/** A failure to reach the engine at all: the connection notice says that, not a toast per call. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof ApiFailure) return error.code === 'unreachable';
  const e = (error as { ok?: unknown; error?: { code?: unknown } } | null)?.error;
  return (error as { ok?: unknown } | null)?.ok === false && e?.code === 'unreachable';
}

/** Shows any failure as a toast in the reader's language. */
export function reportError(error: unknown): void {
  if (isUnreachable(error)) return;
  const { text, detail } = describeError(error, t);
  toasts.show('error', text, detail);
}
