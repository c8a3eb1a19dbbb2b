// para 16: the letter states the date(s) of the visit; they must be real school days, in order, each once.
import { isWeekend } from '../../ground/calendar.js';
import { formatLongDate } from '../../ground/dates-in-words.js';
import { defineRule, type Finding } from '../rule.js';

export const visitDays = defineRule({ id: 'dates/visit-days', paragraph: '16', severity: 'error' }, (form, context) => {
  const findings: Finding[] = [];
  const dates = form.visit.dates;
  dates.forEach((date, index) => {
    const before = dates[index - 1];
    const path = ['visit', 'dates', index];
    const params = { date: formatLongDate(date) };
    if (before !== undefined && date === before) {
      findings.push({ code: 'listed-twice', params, path });
    } else if (before !== undefined && date < before) {
      findings.push({ code: 'out-of-order', params: { ...params, before: formatLongDate(before) }, path });
    }
    if (isWeekend(date)) {
      findings.push({ severity: 'warning', code: 'weekend', params, path });
    } else if (context.holidays.has(date)) {
      findings.push({ severity: 'warning', code: 'bank-holiday', params, path });
    }
  });
  return findings;
});
