/** Short messages at the edge of the window: API errors and confirmations. */
import type { ErrorCode } from '../../src-main/common/result.js';
import { ApiFailure } from '../lib/api.js';

export type ToastKind = 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  detail?: string;
}

class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  show(kind: ToastKind, text: string, detail?: string, ms = kind === 'error' ? 9000 : 3500): number {
    // The same message twice in a row is shown once.
    const same = this.items.find((t) => t.text === text && t.detail === detail);
    if (same) return same.id;
    const id = this.next++;
    this.items = [...this.items.slice(-3), { id, kind, text, ...(detail ? { detail } : {}) }];
    if (ms > 0) setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();

export function errorCodeKey(code: ErrorCode) {
  switch (code) {
    case 'bad-request':
      return 'err_badRequest' as const;
    case 'unknown-method':
      return 'err_unknownMethod' as const;
    case 'not-found':
      return 'err_notFound' as const;
    case 'not-an-archive':
      return 'err_notAnArchive' as const;
    case 'damaged-archive':
      return 'err_damagedArchive' as const;
    case 'archive-busy':
      return 'err_busy' as const;
    case 'io':
      return 'err_io' as const;
    case 'cancelled':
      return 'err_cancelled' as const;
    case 'forbidden':
      return 'err_forbidden' as const;
    case 'unreachable':
      return 'err_unreachable' as const;
    case 'timeout':
      return 'err_timeout' as const;
    case 'needs-upgrade':
      return 'err_needsUpgrade' as const;
    case 'file-exists':
      return 'err_fileExists' as const;
    case 'disk-full':
      return 'err_diskFull' as const;
    case 'permission-denied':
      return 'err_permissionDenied' as const;
    default:
      return 'err_internal' as const;
  }
}

export { ApiFailure };

/** The readable text of any failure, for a toast or an inline alert. */
export function describeError(error: unknown, translate: (key: ReturnType<typeof errorCodeKey>) => string): { text: string; detail?: string } {
  if (error instanceof ApiFailure) return { text: translate(errorCodeKey(error.code)), detail: error.message };
  if (typeof error === 'object' && error !== null && (error as { ok?: unknown }).ok === false) {
    const e = (error as { error: { code: ErrorCode; message: string } }).error;
    return { text: translate(errorCodeKey(e.code)), detail: e.message };
  }
  if (error instanceof Error) return { text: translate('err_internal'), detail: error.message };
  return { text: translate('err_internal'), detail: String(error) };
}
