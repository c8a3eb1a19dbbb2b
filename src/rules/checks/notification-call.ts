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
    const findings: Finding[] = [];
    if (call > first) {
      findings.push({
        severity: 'error',
        message: `the notification call on ${formatLongDate(call)} is after the visit began on ${formatLongDate(first)}; expected a call before the visit`,
        path,
      });
      return findings;
    }
    const notice = workingDaysBetween(call, first, holidays);
    const limit = arrangements.notificationWorkingDays;
    if (notice > limit) {
      findings.push({
        message: `the notification call on ${formatLongDate(call)} is ${notice} working days before the visit on ${formatLongDate(first)}; HMI telephone the school up to ${limit} working days before (weekends and England\u2019s bank holidays not counted)`,
        path,
      });
    }
    return findings;
  },
);
