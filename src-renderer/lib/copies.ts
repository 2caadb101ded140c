/** Words about the copies of a story (near-duplicate groups): which sites, and plural forms. */
import type { ArticleSummary } from '../../src-main/common/types.js';
import type { MessageKey } from './i18n.js';

/** The distinct sites of the copies, in their order. */
export function copySites(copies: ArticleSummary[]): string[] {
  return [...new Set(copies.map((c) => c.site))];
}

const COPIES_SHOW: Record<Intl.LDMLPluralRule, MessageKey> = {
  zero: 'copiesShow_zero',
  one: 'copiesShow_one',
  two: 'copiesShow_two',
  few: 'copiesShow_few',
  many: 'copiesShow_many',
  other: 'copiesShow_other',
};

/** "Show the n other copies" in the plural form `n` takes (Arabic has six: zero, one, two, few, many, other). */
export function showCopiesKey(n: number, lang: 'ar' | 'en'): MessageKey {
  return COPIES_SHOW[new Intl.PluralRules(lang === 'ar' ? 'ar' : 'en').select(n)];
}
