/**
 * Which names the Gregorian months go by. Arabic has four families in print: Levantine and Iraqi
 * (كانون الثاني، آب), Gulf and Egyptian (يناير، أغسطس), Algerian and Tunisian (جانفي، أوت) and Moroccan
 * (يناير، غشت). `auto` follows the region of the system's languages; a system without an Arabic region
 * gets the Levantine names.
 */
import type { MonthNames } from '../../src-main/common/types.js';

export type MonthStyle = Exclude<MonthNames, 'auto'>;

const REGIONS: Record<MonthStyle, readonly string[]> = {
  levantine: ['SY', 'LB', 'JO', 'PS', 'IQ'],
  'gulf-egyptian': ['EG', 'SA', 'AE', 'KW', 'QA', 'BH', 'OM', 'YE', 'SD', 'LY', 'SO', 'DJ', 'KM', 'SS', 'TD', 'ER'],
  maghrebi: ['DZ', 'TN'],
  moroccan: ['MA', 'EH'],
};

/** A locale whose CLDR data names the months that way (the calendar is forced to Gregorian). */
export const MONTH_LOCALE: Record<MonthStyle, string> = {
  levantine: 'ar-SY',
  'gulf-egyptian': 'ar-EG',
  maghrebi: 'ar-DZ',
  moroccan: 'ar-MA',
};

export const MONTH_STYLES = Object.keys(MONTH_LOCALE) as MonthStyle[];

/** The style a region's Arabic press uses, or null for a region outside the Arab world. */
export function styleOfRegion(region: string | null | undefined): MonthStyle | null {
  if (!region) return null;
  const upper = region.toUpperCase();
  return MONTH_STYLES.find((style) => REGIONS[style].includes(upper)) ?? null;
}

/**
 * The style for a setting: a chosen one as it is; `auto` from the first of the system's languages
 * that has an Arab region (ar-MA, fr-DZ, en-EG…), else Levantine.
 */
export function resolveMonthStyle(setting: MonthNames, systemLanguages: readonly string[]): MonthStyle {
  if (setting !== 'auto') return setting;
  for (const tag of systemLanguages) {
    // Only a region the system states counts: a bare "ar" says nothing about which months.
    const style = styleOfRegion(/[-_]([A-Za-z]{2})(?=[-_.@]|$)/.exec(tag)?.[1]);
    if (style) return style;
  }
  return 'levantine';
}
