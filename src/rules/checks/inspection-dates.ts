// para 2: the section 5 inspection's dates, from which the monitoring dates are counted, must be consistent.
import { formatLongDate } from '../../ground/dates-in-words.js';
import { requiresImprovementIntroduced } from '../arrangements.js';
import { defineRule, type Finding } from '../rule.js';

export const inspectionDates = defineRule({ id: 'dates/inspection', paragraph: '2', severity: 'error' }, (form) => {
  const findings: Finding[] = [];
  const { startDate, endDate, publishedDate } = form.inspection;
  const end = formatLongDate(endDate);
  if (startDate !== undefined && startDate > endDate) {
    findings.push({
      code: 'start-after-end',
      params: { start: formatLongDate(startDate), end },
      path: ['inspection', 'startDate'],
    });
  }
  if (publishedDate !== undefined && publishedDate < endDate) {
    findings.push({
      code: 'published-before-end',
      params: { published: formatLongDate(publishedDate), end },
      path: ['inspection', 'publishedDate'],
    });
  }
  if (endDate < requiresImprovementIntroduced) {
    findings.push({
      severity: 'warning',
      code: 'before-requires-improvement',
      params: { end },
      path: ['inspection', 'endDate'],
    });
  }
  return findings;
});
