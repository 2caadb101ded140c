import { t } from './locale.svelte.js';
import { describeError, toasts } from './toasts.svelte.js';

/** Shows any failure as a toast in the reader's language. */
export function reportError(error: unknown): void {
  const { text, detail } = describeError(error, t);
  toasts.show('error', text, detail);
}
