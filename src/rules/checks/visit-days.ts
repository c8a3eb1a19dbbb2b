// para 16: the letter states the date(s) of the visit; they must be real school days, in order, each once.
import { isWeekend } from '../../ground/calendar.js';
import { formatLongDate } from '../../ground/dates-in-words.js';
import { defineRule, type Finding } from '../rule.js';

export const visitDays = defineRule({ id: 'dates/visit-days', paragraph: '16', severity: 'error' }, (form, context) => {
  const findings: Finding[] = [];
  const dates = form.visit.dates;
  dates.forEach((date, index) => {
    const before = dates[index - 1];
    if (before !== undefined && date === before) {
      findings.push({
        message: `visit day ${formatLongDate(date)} is listed twice; expected each day of the visit once`,
        path: ['visit', 'dates', index],
      });
    } else if (before !== undefined && date < before) {
      findings.push({
        message: `visit day ${formatLongDate(date)} comes after ${formatLongDate(before)} in the list; expected the days in date order`,
        path: ['visit', 'dates', index],
      });
    }
    if (isWeekend(date)) {
      findings.push({
        severity: 'warning',
        message: `visit day ${formatLongDate(date)} is a Saturday or Sunday, when schools are closed; check the date`,
        path: ['visit', 'dates', index],
      });
    } else if (context.holidays.has(date)) {
      findings.push({
        severity: 'warning',
        message: `visit day ${formatLongDate(date)} is a bank holiday in England; check the date`,
        path: ['visit', 'dates', index],
      });
    }
  });
  return findings;
});
