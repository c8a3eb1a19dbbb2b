/**
 * The calendar as the rules use it: day arithmetic from the neutral src/calendar.ts,
 * and dates as prose ("12 March 2014") from src/letter/dates.ts, where the letter's
 * wording of dates lives. Kept so rules import one module for both.
 */
export * from '../calendar.js';
export { formatLongDate } from '../letter/dates.js';
