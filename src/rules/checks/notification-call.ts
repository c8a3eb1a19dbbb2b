// para 7: HMI telephone the school up to five days (working days, England) before the start of the monitoring inspection.
import { formatLongDate } from '../../ground/dates-in-words.js';
import { defineRule, type Finding } from '../rule.js';
import { workingDaysBetween } from '../working-days.js';
import { firstVisitDay } from './form-facts.js';

export const notificationCall = defineRule(
  { id: 'para-7/notification-call', paragraph: '7', severity: 'warning' },
  (form, { holidays, arrangements }) => {
    const call = form.visit.notificationCall;
    if (call === undefined) return [];
    const first = firstVisitDay(form);
    const path = ['visit', 'notificationCall'];
    const words = { call: formatLongDate(call), visit: formatLongDate(first) };
    const findings: Finding[] = [];
    if (call > first) {
      findings.push({ severity: 'error', code: 'after-visit', params: words, path });
      return findings;
    }
    const notice = workingDaysBetween(call, first, holidays);
    const limit = arrangements.notificationWorkingDays;
    if (notice > limit) {
      findings.push({ code: 'too-early', params: { ...words, workingDays: notice, limit }, path });
    }
    return findings;
  },
);
