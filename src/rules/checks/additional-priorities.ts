// para 22: at a subsequent visit HMI identify additional priorities only where they are essential.
import { defineRule } from '../rule.js';
import { isSubsequentVisit } from './form-facts.js';

export const additionalPriorities = defineRule(
  { id: 'para-22/additional-priorities', paragraph: '22', severity: 'info' },
  (form) => {
    const count = form.priorities?.length ?? 0;
    if (!isSubsequentVisit(form) || count === 0) return [];
    return [{ code: 'priorities-set', params: { count }, path: ['priorities'] }];
  },
);
