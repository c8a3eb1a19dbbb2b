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
    const words = { date: formatLongDate(date), lastDay: formatLongDate(last) };
    if (date < last) {
      return [{ code: 'before-visit', params: { ...words, days: form.visit.dates.length }, path }];
    }
    const after = workingDaysBetween(last, date, holidays);
    if (after > 10) {
      return [{ severity: 'warning', code: 'late', params: { ...words, workingDays: after }, path }];
    }
    return [];
  },
);
