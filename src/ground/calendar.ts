/**
 * Calendar dates as plain YYYY-MM-DD strings, for every stage (rules, letter, writers). All arithmetic is on whole
 * days through UTC noon-free day numbers, so no time zone or daylight-saving
 * change can shift a date (PITFALLS 10). "Today" always comes in as an argument.
 */

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The YYYY-MM-DD date for a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

// Making an Intl.DateTimeFormat for a time zone is costly (40 ms of a command's start here); it is made only
// for instants before 1996. en-CA formats as YYYY-MM-DD.
let londonFormat: Intl.DateTimeFormat | undefined;

/** The instant (ms since 1970) of 01:00 UTC on the last Sunday of `month` (0-based) in `year`. */
function lastSundayOneAm(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekdayOfLast = new Date(lastDay).getUTCDay(); // 0 = Sunday
  return lastDay - weekdayOfLast * 86_400_000 + 3_600_000;
}

/**
 * Today's calendar date in Europe/London for an instant. Since 1996 British Summer Time runs from 01:00 UTC
 * on the last Sunday in March to 01:00 UTC on the last Sunday in October (the Summer Time Order 2002, as
 * the EU rule before it), which is plain arithmetic; earlier instants ask the time zone database.
 */
export function londonDate(instant: Date): string {
  const ms = instant.getTime();
  const year = instant.getUTCFullYear();
  if (year < 1996 || !Number.isFinite(ms)) {
    londonFormat ??= new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    return londonFormat.format(instant);
  }
  const summer = ms >= lastSundayOneAm(year, 2) && ms < lastSundayOneAm(year, 9);
  return new Date(summer ? ms + 3_600_000 : ms).toISOString().slice(0, 10);
}

/** True for a YYYY-MM-DD string naming a real calendar day. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}
