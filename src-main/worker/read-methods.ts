import type { MethodName } from '../common/api.js';

/**
 * The read methods, answered by reader threads (reader-pool.ts) in two lanes, so that opening an
 * article, browsing and the ticker never wait behind a slow search: 'quick' methods read a handful
 * of rows by index; 'search' methods may read many.
 */
export type Lane = 'quick' | 'search';

export const READ_LANES = {
  archiveInfo: 'quick',
  show: 'quick',
  list: 'quick',
  ticker: 'quick',
  tickerDays: 'quick',
  importReport: 'quick',
  versions: 'quick',
  version: 'quick',
  articleHighlights: 'quick',
  tickerHeadline: 'quick',
  search: 'search',
  diff: 'search',
  tickerHistory: 'search',
  related: 'search',
  stats: 'search',
} as const satisfies Partial<Record<MethodName, Lane>>;

export type ReadMethod = keyof typeof READ_LANES;

export function isReadMethod(method: string): method is ReadMethod {
  return Object.prototype.hasOwnProperty.call(READ_LANES, method);
}
