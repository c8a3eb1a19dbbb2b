// para 2: the section 5 inspection's dates, from which the monitoring dates are counted, must be consistent.
import { formatLongDate } from '../../ground/dates-in-words.js';
import { requiresImprovementIntroduced } from '../arrangements.js';
import { defineRule, type Finding } from '../rule.js';

export const inspectionDates = defineRule({ id: 'dates/inspection', paragraph: '2', severity: 'error' }, (form) => {
  const findings: Finding[] = [];
  const { startDate, endDate, publishedDate } = form.inspection;
  if (startDate !== undefined && startDate > endDate) {
    findings.push({
      message: `the section 5 inspection starts on ${formatLongDate(startDate)}, after it ends on ${formatLongDate(endDate)}; expected the start on or before the end`,
      path: ['inspection', 'startDate'],
    });
  }
  if (publishedDate !== undefined && publishedDate < endDate) {
    findings.push({
      message: `the section 5 report is dated as published on ${formatLongDate(publishedDate)}, before the inspection ended on ${formatLongDate(endDate)}; expected a publication date after the inspection`,
      path: ['inspection', 'publishedDate'],
    });
  }
  if (endDate < requiresImprovementIntroduced) {
    findings.push({
      severity: 'warning',
      message: `the section 5 inspection ended on ${formatLongDate(endDate)}, before the "requires improvement" judgement was introduced in September 2012 (the school would have been judged "satisfactory"); check the date`,
      path: ['inspection', 'endDate'],
    });
  }
  return findings;
});
