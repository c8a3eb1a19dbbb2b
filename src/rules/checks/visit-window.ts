// para 2 (2014: 4 to 12 weeks after publication) and the 2012 sheet (4 to 6 weeks after the inspection): when the first visit usually falls.
import { daysBetween } from '../../ground/calendar.js';
import { formatLongDate } from '../../ground/dates-in-words.js';
import { countedFromDate, visitWindowDates } from '../arrangements.js';
import { defineRule } from '../rule.js';
import { firstVisitDay, isSection117, isSubsequentVisit } from './form-facts.js';

export const visitWindow = defineRule(
  { id: 'para-2/visit-window', paragraph: '2', severity: 'warning' },
  (form, { arrangements }) => {
    // The window is for the first monitoring inspection; later visits follow "after a suitable interval" (para 21).
    if (isSubsequentVisit(form) || isSection117(form)) return [];
    const window = arrangements.visitWindow;
    const countFrom = countedFromDate(form, window.from);
    const usual = {
      minWeeks: window.minWeeks,
      maxWeeks: window.maxWeeks,
      from: window.from,
      arrangements: arrangements.name,
    };
    if (countFrom === undefined) {
      return [
        {
          severity: 'info',
          code: 'cannot-check',
          params: usual,
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
        code: 'outside-window',
        params: {
          ...usual,
          visit: formatLongDate(first),
          weeks: Math.trunc(elapsed / 7),
          days: elapsed % 7,
          countFrom: formatLongDate(countFrom),
          opens: formatLongDate(dates.opens),
          closes: formatLongDate(dates.closes),
        },
        path: ['visit', 'dates', form.visit.dates.indexOf(first)],
        paragraph: window.paragraph,
      },
    ];
  },
);
