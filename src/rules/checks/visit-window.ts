// para 2 (2014: 4 to 12 weeks after publication) and the 2012 sheet (4 to 6 weeks after the inspection): when the first visit usually falls.
import { daysBetween } from '../../ground/calendar.js';
import { formatLongDate } from '../../ground/dates-in-words.js';
import { countedFromDate, describeWindow, visitWindowDates } from '../arrangements.js';
import { defineRule } from '../rule.js';
import { firstVisitDay, isSection117, isSubsequentVisit } from './form-facts.js';

/** "5 weeks and 2 days". */
function weeksAndDays(days: number): string {
  const weeks = Math.trunc(days / 7);
  const rest = days % 7;
  const w = `${weeks} week${weeks === 1 ? '' : 's'}`;
  return rest === 0 ? w : `${w} and ${rest} day${rest === 1 ? '' : 's'}`;
}

export const visitWindow = defineRule(
  { id: 'para-2/visit-window', paragraph: '2', severity: 'warning' },
  (form, { arrangements }) => {
    // The window is for the first monitoring inspection; later visits follow "after a suitable interval" (para 21).
    if (isSubsequentVisit(form) || isSection117(form)) return [];
    const window = arrangements.visitWindow;
    const countFrom = countedFromDate(form, window.from);
    const fromWords =
      window.from === 'publication' ? 'the section 5 report was published' : 'the section 5 inspection ended';
    if (countFrom === undefined) {
      return [
        {
          severity: 'info',
          message: `the usual window for the visit (${window.minWeeks} to ${window.maxWeeks} weeks after ${fromWords}, ${arrangements.name}) cannot be checked: inspection.publishedDate is missing`,
          path: ['inspection', 'publishedDate'],
          paragraph: window.paragraph,
        },
      ];
    }
    const first = firstVisitDay(form);
    const dates = visitWindowDates(arrangements, countFrom);
    if (first >= dates.opens && first <= dates.closes) return [];
    const elapsed = daysBetween(countFrom, first);
    if (elapsed <= 0) return []; // a visit before the date counted from is para-2/visit-after-inspection's error
    return [
      {
        message: `the visit on ${formatLongDate(first)} is ${weeksAndDays(elapsed)} after ${fromWords} on ${formatLongDate(countFrom)}; under ${arrangements.name} the first monitoring inspection is usually ${window.minWeeks} to ${window.maxWeeks} weeks after that, ${describeWindow(dates)}`,
        path: ['visit', 'dates', form.visit.dates.indexOf(first)],
        paragraph: window.paragraph,
      },
    ];
  },
);
