/** Dates as real letters write them: "12 March 2014", "12 and 13 March 2014". */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "12 March 2014", as real letters write dates. */
export function formatLongDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "January 2014": the month of a date, for "the section 5 inspection in January 2014". */
export function formatMonthYear(date: string): string {
  return formatLongDate(date).replace(/^\d+ /, '');
}

/**
 * The visit's days as one phrase: "12 March 2014", "12 and 13 March 2014",
 * "30 April and 1 May 2014", "12, 13 and 14 March 2014".
 */
export function formatVisitDates(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  if (sorted.length === 0) return '';
  const parts = sorted.map((d) => formatLongDate(d).split(' ') as [string, string, string]);
  const sameMonth = parts.every((p) => p[1] === parts[0]?.[1] && p[2] === parts[0]?.[2]);
  const sameYear = parts.every((p) => p[2] === parts[0]?.[2]);
  const last = parts[parts.length - 1] as [string, string, string];
  let shown: string[];
  if (sameMonth) shown = parts.map((p, i) => (i === parts.length - 1 ? p.join(' ') : p[0]));
  else if (sameYear) shown = parts.map((p, i) => (i === parts.length - 1 ? p.join(' ') : `${p[0]} ${p[1]}`));
  else shown = parts.map((p) => p.join(' '));
  if (shown.length === 1) return last.join(' ');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}
