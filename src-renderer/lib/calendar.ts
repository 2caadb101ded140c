/**
 * The Hijri calendar (Umm al-Qura, as ICU computes it) for filters and labels. The pure part lives in
 * src-main/common/hijri.ts so that the engine's Hijri timeline and the UI's filters are one computation.
 */
export {
  HIJRI_CALENDAR,
  describeHijriRange,
  hijriMonthOfDay,
  hijriMonthRange,
  hijriMonthStart,
  hijriYearRange,
  hijriYearsOverlapping,
  monthKey,
  parseMonthKey,
  toHijri,
  type HijriDate,
} from '../../src-main/common/hijri.js';
