/**
 * Working days in England: Monday to Friday, less England's bank holidays.
 * The guidance says "days"; Ofsted's practice is working days (DOMAIN.md).
 * Counting rule: the starting day is day 0, so one working day after a
 * Friday is the next Monday.
 */
import { dayNumber, fromDayNumber } from '../ground/calendar.js';

/** A set of YYYY-MM-DD bank holidays. */
export type Holidays = ReadonlySet<string>;

// Day numbers (days since 1970-01-01) of each holiday set, made once per set: the loops below
// then do integer arithmetic, not date-string parsing, for every day they step over.
const holidayNumbers = new WeakMap<Holidays, ReadonlySet<number>>();

function holidayDays(holidays: Holidays): ReadonlySet<number> {
  let days = holidayNumbers.get(holidays);
  if (!days) {
    days = new Set([...holidays].map(dayNumber));
    holidayNumbers.set(holidays, days);
  }
  return days;
}

function isWorkingDayNumber(day: number, holidays: ReadonlySet<number>): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

export function isWorkingDay(date: string, holidays: Holidays): boolean {
  return isWorkingDayNumber(dayNumber(date), holidayDays(holidays));
}

/** The date `n` working days after `date` (n ≥ 0; n = 0 gives `date` itself). */
export function addWorkingDays(date: string, n: number, holidays: Holidays): string {
  const days = holidayDays(holidays);
  let d = dayNumber(date);
  let left = n;
  while (left > 0) {
    d += 1;
    if (isWorkingDayNumber(d, days)) left -= 1;
  }
  return fromDayNumber(d);
}

/** The date `n` working days before `date`. */
export function subtractWorkingDays(date: string, n: number, holidays: Holidays): string {
  const days = holidayDays(holidays);
  let d = dayNumber(date);
  let left = n;
  while (left > 0) {
    d -= 1;
    if (isWorkingDayNumber(d, days)) left -= 1;
  }
  return fromDayNumber(d);
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string, holidays: Holidays): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  const days = holidayDays(holidays);
  const last = dayNumber(to);
  let count = 0;
  for (let d = dayNumber(from) + 1; d <= last; d += 1) {
    if (isWorkingDayNumber(d, days)) count += 1;
  }
  return count;
}
