// paras 21–22: a subsequent monitoring inspection concentrates on the priorities set at the previous one and reports on its recommendations.
import { formatLongDate } from '../../ground/dates-in-words.js';
import { defineRule, type Finding } from '../rule.js';
import { firstVisitDay, isSubsequentVisit, ordinal, said } from './form-facts.js';

export const subsequentVisit = defineRule(
  { id: 'para-21/subsequent-visit', paragraph: '21, 22', severity: 'error' },
  (form) => {
    const previous = form.visit.previous;
    const number = form.visit.number ?? 1;
    if (!isSubsequentVisit(form)) {
      if (previous === undefined) return [];
      return [
        {
          severity: 'warning',
          message: `visit.previous describes an earlier monitoring inspection on ${formatLongDate(previous.date)}, but visit.number is ${number} (the first); expected visit.number 2 or more for a subsequent visit, or no visit.previous`,
          path: ['visit', 'previous'],
        },
      ];
    }
    const findings: Finding[] = [];
    const which = `this is the ${ordinal(number)} monitoring inspection`;
    if (previous === undefined) {
      findings.push({
        message: `${which}, so the letter must refer to the previous one and the priorities set there (visit.previous is missing); expected its date and priorities`,
        path: ['visit', 'previous'],
      });
    } else {
      if (previous.priorities === undefined) {
        // para 22: activities "will likely" concentrate on them, so their absence is a warning, not an error.
        findings.push({
          severity: 'warning',
          message: `${which}: its activities concentrate on the priorities identified at the previous one (para 22), which the form does not give (visit.previous.priorities is missing); write priorities: [] if none were set`,
          path: ['visit', 'previous', 'priorities'],
          paragraph: '22',
        });
      }
      const first = firstVisitDay(form);
      if (previous.date >= first) {
        findings.push({
          message: `the previous monitoring inspection is dated ${formatLongDate(previous.date)}, not before this visit on ${formatLongDate(first)}`,
          path: ['visit', 'previous', 'date'],
        });
      }
      if (previous.date <= form.inspection.endDate) {
        findings.push({
          message: `the previous monitoring inspection is dated ${formatLongDate(previous.date)}, not after the section 5 inspection ended on ${formatLongDate(form.inspection.endDate)}`,
          path: ['visit', 'previous', 'date'],
        });
      }
    }
    if (!said(form.findings?.previousRecommendations)) {
      findings.push({
        message: `${which}, so the letter must say how suitable the school\u2019s response to the previous monitoring inspection\u2019s recommendations is (findings.previousRecommendations is missing)`,
        path: ['findings', 'previousRecommendations'],
        paragraph: '16, 21',
      });
    }
    return findings;
  },
);
