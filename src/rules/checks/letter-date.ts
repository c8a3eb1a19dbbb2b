// para 17: HMI complete the letter towards the end of the visit; the ISP's final version follows within 10 (working) days.
import { formatLongDate } from '../../ground/dates-in-words.js';
import { defineRule } from '../rule.js';
import { workingDaysBetween } from '../working-days.js';
import { lastVisitDay } from './form-facts.js';

export const letterDate = defineRule(
  { id: 'para-17/letter-date', paragraph: '17', severity: 'error' },
  (form, { holidays }) => {
    const date = form.letter?.date;
    if (date === undefined) return [];
    const last = lastVisitDay(form);
    const path = ['letter', 'date'];
    if (date < last) {
      return [
        {
          message: `the letter is dated ${formatLongDate(date)}, before the visit ${form.visit.dates.length > 1 ? 'ended' : 'took place'} on ${formatLongDate(last)}; expected a date on or after the last visit day`,
          path,
        },
      ];
    }
    const after = workingDaysBetween(last, date, holidays);
    if (after > 10) {
      return [
        {
          severity: 'warning',
          message: `the letter is dated ${formatLongDate(date)}, ${after} working days after the visit ended on ${formatLongDate(last)}; the final version is due within 10 working days of the end of the visit`,
          path,
        },
      ];
    }
    return [];
  },
);
