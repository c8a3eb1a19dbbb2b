// para 2: the monitoring inspection follows the section 5 inspection and "usually" (2014 guidance) the publication of its report.
import { formatLongDate } from '../../ground/dates-in-words.js';
import { defineRule, type Finding } from '../rule.js';
import { firstVisitDay } from './form-facts.js';

export const visitAfterInspection = defineRule(
  { id: 'para-2/visit-after-inspection', paragraph: '2', severity: 'error' },
  (form, { arrangements }) => {
    const first = firstVisitDay(form);
    const { endDate, publishedDate } = form.inspection;
    const path = ['visit', 'dates', form.visit.dates.indexOf(first)];
    const visit = formatLongDate(first);
    if (first <= endDate) {
      return [{ code: 'not-after-inspection', params: { visit, end: formatLongDate(endDate) }, path }];
    }
    const findings: Finding[] = [];
    if (publishedDate !== undefined && first < publishedDate) {
      // para 2 says "usually": a visit before publication is unusual, not impossible, so a warning under both.
      // The 2012 arrangements count from the inspection, so an early visit can precede publication.
      const is2012 = arrangements.id === '2012';
      findings.push({
        severity: 'warning',
        paragraph: is2012 ? arrangements.visitWindow.paragraph : '2',
        code: 'before-publication',
        params: { visit, published: formatLongDate(publishedDate), arrangements: arrangements.id },
        path,
      });
    }
    return findings;
  },
);
