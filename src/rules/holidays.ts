/**
 * England's bank holidays. PLACEHOLDER: the deadlines work (issue 3) replaces
 * this with date-holidays data plus a committed override file.
 */
import type { Holidays } from './working-days.js';

/** England's bank holidays as a set of YYYY-MM-DD dates. */
export function englandBankHolidays(): Holidays {
  return new Set<string>();
}
