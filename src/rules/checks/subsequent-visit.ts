// paras 21–22: a subsequent monitoring inspection concentrates on the priorities set at the previous one and reports on its recommendations.
import { formatLongDate } from '../../ground/dates-in-words.js';
import { defineRule, type Finding } from '../rule.js';
import { firstVisitDay, isSubsequentVisit, said } from './form-facts.js';

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
          code: 'previous-on-first-visit',
          params: { previous: formatLongDate(previous.date), number },
          path: ['visit', 'previous'],
        },
      ];
    }
    const findings: Finding[] = [];
    if (previous === undefined) {
      findings.push({ code: 'previous-missing', params: { number }, path: ['visit', 'previous'] });
    } else {
      if (previous.priorities === undefined) {
        // para 22: activities "will likely" concentrate on them, so their absence is a warning, not an error.
        findings.push({
          severity: 'warning',
          code: 'previous-priorities-missing',
          params: { number },
          path: ['visit', 'previous', 'priorities'],
          paragraph: '22',
        });
      }
      const first = firstVisitDay(form);
      const previousWords = formatLongDate(previous.date);
      if (previous.date >= first) {
        findings.push({
          code: 'previous-not-before-visit',
          params: { previous: previousWords, visit: formatLongDate(first) },
          path: ['visit', 'previous', 'date'],
        });
      }
      if (previous.date <= form.inspection.endDate) {
        findings.push({
          code: 'previous-not-after-inspection',
          params: { previous: previousWords, end: formatLongDate(form.inspection.endDate) },
          path: ['visit', 'previous', 'date'],
        });
      }
    }
    if (!said(form.findings?.previousRecommendations)) {
      findings.push({
        code: 'previous-recommendations-missing',
        params: { number },
        path: ['findings', 'previousRecommendations'],
        paragraph: '16, 21',
      });
    }
    return findings;
  },
);
