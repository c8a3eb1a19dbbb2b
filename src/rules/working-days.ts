/**
 * Working days in England: Monday to Friday, less England's bank holidays.
 * The guidance says "days"; Ofsted's practice is working days (DOMAIN.md).
 * Counting rule: the starting day is day 0, so one working day after a
 * Friday is the next Monday.
 */
import { addDays, isWeekend } from './calendar.js';

/** A set of YYYY-MM-DD bank holidays. */
export type Holidays = ReadonlySet<string>;

export function isWorkingDay(date: string, holidays: Holidays): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** The date `n` working days after `date` (n ≥ 0; n = 0 gives `date` itself). */
export function addWorkingDays(date: string, n: number, holidays: Holidays): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

/** The date `n` working days before `date`. */
export function subtractWorkingDays(date: string, n: number, holidays: Holidays): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string, holidays: Holidays): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(d, holidays)) count += 1;
  }
  return count;
}
