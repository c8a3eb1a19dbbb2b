/**
 * Where the bank holiday table comes from (scripts and tests only; the tool
 * itself reads the prepared table, data/bank-holidays.json, see src/rules/holidays.ts):
 * the `date-holidays` data (country GB, region ENG),
 * public holidays only (no observances such as Mothering Sunday), substitute
 * days included, corrected by the committed override file
 * data/bank-holidays-override.json (PITFALLS 9).
 *
 * Holiday data: date-holidays by commenthol and contributors, its data licensed
 * CC-BY-3.0 (https://github.com/commenthol/date-holidays), code ISC.
 */
import { existsSync, readFileSync } from 'node:fs';
import DateHolidays from 'date-holidays';
import { z } from 'zod';
import { isRealDate } from '../src/evidence/schema.js';

const date = z.string().refine(isRealDate, { error: 'expected a date written YYYY-MM-DD' });

/** The override file's shape: every entry says why it is there. */
export const holidayOverrideSchema = z.strictObject({
  comment: z.string().optional(),
  add: z.array(z.strictObject({ date, name: z.string(), comment: z.string().min(1) })),
  remove: z.array(z.strictObject({ date, comment: z.string().min(1) })),
});
export type HolidayOverride = z.infer<typeof holidayOverrideSchema>;

/** The first year the data is computed for (the 2012 arrangements start in autumn 2012). */
export const firstHolidayYear = 2010;

/** England's public holidays from date-holidays for the years given, as YYYY-MM-DD → name. */
export function dataBankHolidays(fromYear: number, toYear: number): Map<string, string> {
  const source = new DateHolidays('GB', 'ENG', { types: ['public'] });
  const found = new Map<string, string>();
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const holiday of source.getHolidays(year)) {
      // Keep only bank holidays: date-holidays also lists observances (Mothering Sunday, Easter Sunday).
      if (holiday.type !== 'public') continue;
      // `date` is the local calendar date, "YYYY-MM-DD hh:mm:ss": no UTC conversion.
      found.set(holiday.date.slice(0, 10), holiday.name);
    }
  }
  return found;
}

/** The data with the override applied: its additions in, its removals out. */
export function applyHolidayOverride(
  data: ReadonlyMap<string, string>,
  override: HolidayOverride,
): Map<string, string> {
  const result = new Map(data);
  for (const entry of override.remove) result.delete(entry.date);
  for (const entry of override.add) result.set(entry.date, entry.name);
  return result;
}

/** Where the override file is, from scripts/ or dist/scripts/. */
function overrideFileUrl(): URL {
  const candidates = ['../data/bank-holidays-override.json', '../../data/bank-holidays-override.json'];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error(`the bank holiday override file data/bank-holidays-override.json is missing from the installation`);
}

/** Reads and checks the committed override file. */
export function loadHolidayOverride(): HolidayOverride {
  const url = overrideFileUrl();
  const parsed = holidayOverrideSchema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${url.pathname}: not a valid bank holiday override file: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** England's bank holidays with their names, for the years given, override applied. */
export function englandBankHolidayNames(fromYear: number, toYear: number): Map<string, string> {
  return applyHolidayOverride(dataBankHolidays(fromYear, toYear), loadHolidayOverride());
}
