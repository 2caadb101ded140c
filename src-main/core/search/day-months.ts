// The month of each publication day in a calendar, for the timeline and the year facet. Metadata
// interns days (meta.ts); a day is converted once, the first time a query counts in that calendar,
// and never again for this connection (day codes only grow). Counting a query is then one pass over
// its hits into day counts, and one pass over the distinct days into months.

import type { Calendar } from '../../common/types.js';
import { hijriMonthOfDay } from '../../common/hijri.js';

/** Month keys "YYYY-MM" of one calendar, and the month of each day code (-1: none). */
export interface DayMonths {
  names: readonly string[];
  ofDay: Int32Array;
}

/** A Gregorian "YYYY-MM-DD" (or a "YYYY-MM" that has no day) is in month "YYYY-MM". */
function gregorianMonthOf(day: string): string | null {
  const month = day.slice(0, 7);
  return /^\d{4}-\d{2}$/.test(month) ? month : null;
}

const MONTH_OF: Record<Calendar, (day: string) => string | null> = {
  gregorian: gregorianMonthOf,
  hijri: hijriMonthOfDay,
};

/** The months of the days seen so far, extended as new days appear. */
export class DayMonthIndex {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private ofDay = new Int32Array(0);
  private mapped = 0;

  constructor(private readonly calendar: Calendar) {}

  /** The months of `days` (an interned column's names, which only ever grow). */
  of(days: readonly string[]): DayMonths {
    if (days.length > this.ofDay.length) {
      const grown = new Int32Array(Math.max(days.length, this.ofDay.length * 2, 64)).fill(-1);
      grown.set(this.ofDay.subarray(0, this.mapped));
      this.ofDay = grown;
    }
    const monthOf = MONTH_OF[this.calendar];
    for (; this.mapped < days.length; this.mapped++) {
      const month = monthOf(days[this.mapped]!);
      if (month === null) continue;
      let code = this.index.get(month);
      if (code === undefined) {
        code = this.names.length;
        this.names.push(month);
        this.index.set(month, code);
      }
      this.ofDay[this.mapped] = code;
    }
    return { names: this.names, ofDay: this.ofDay };
  }
}
