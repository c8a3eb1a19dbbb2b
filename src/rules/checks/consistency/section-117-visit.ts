// para 26: a visit under section 117 of the Education and Inspections Act 2006 assists improvement; it is not a section 8 monitoring inspection.
import { defineRule } from '../../rule.js';
import { isSection117 } from '../form-facts.js';

export const section117Visit = defineRule(
  { id: 'consistency/section-117-visit', paragraph: '26', severity: 'warning' },
  (form) => {
    if (!isSection117(form) || form.visit.number !== 1) return [];
    return [{ code: 'first-visit', path: ['visit', 'number'] }];
  },
);
