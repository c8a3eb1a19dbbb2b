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

// Making an Intl.DateTimeFormat is costly (tens of milliseconds); make it once. en-CA formats as YYYY-MM-DD.
let londonFormat: Intl.DateTimeFormat | undefined;

/** Today's calendar date in Europe/London for an instant. */
export function londonDate(instant: Date): string {
  londonFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return londonFormat.format(instant);
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
