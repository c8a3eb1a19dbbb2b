/**
 * England's bank holidays, as the tool uses them: read from the prepared
 * table data/bank-holidays.json, which `npm run holidays` makes from the
 * date-holidays data and the committed override file (scripts/holiday-data.ts, run by `npm run holidays`).
 * A test fails when the table is out of date with that data, or has no
 * holidays for next year (PITFALLS 9). Reading a table costs a millisecond;
 * computing it from date-holidays costs half a second at every start.
 *
 * Holiday data: date-holidays by commenthol and contributors, its data licensed
 * CC-BY-3.0 (https://github.com/commenthol/date-holidays), code ISC.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Holidays } from './working-days.js';

/** The prepared table's shape. */
export interface HolidayTable {
  comment: string;
  fromYear: number;
  toYear: number;
  /** YYYY-MM-DD → name, in date order. */
  holidays: Record<string, string>;
}

/** Where the prepared table is, from src/rules or dist/src/rules. */
export function holidayTableUrl(): URL {
  const candidates = ['../../data/bank-holidays.json', '../../../data/bank-holidays.json'];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error('the bank holiday table data/bank-holidays.json is missing from the installation');
}

let table: HolidayTable | undefined;

/** The prepared table, read once per process. */
export function holidayTable(): HolidayTable {
  table ??= JSON.parse(readFileSync(holidayTableUrl(), 'utf8')) as HolidayTable;
  return table;
}

let cached: Holidays | undefined;

/** England's bank holidays as a set of YYYY-MM-DD dates (the years the table covers). */
export function englandBankHolidays(): Holidays {
  cached ??= new Set(Object.keys(holidayTable().holidays));
  return cached;
}
