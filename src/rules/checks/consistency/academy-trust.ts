// para 17: an academy's trust is its appropriate authority (and the DfE Academies Advisers Unit is copied); a maintained school has none.
import { defineRule } from '../../rule.js';
import { establishmentOf, typeLabel } from '../form-facts.js';

export const academyTrust = defineRule(
  { id: 'consistency/academy-trust', paragraph: '17', severity: 'warning' },
  (form) => {
    const type = establishmentOf(form);
    if (type === undefined) return [];
    const path = ['school', 'trust'];
    if (type.academy && form.school.trust === undefined) {
      return [{ code: 'trust-missing', params: { type: typeLabel(type) }, path }];
    }
    if (!type.academy && form.school.trust !== undefined) {
      return [{ code: 'trust-not-academy', params: { typeLower: typeLabel(type).toLowerCase() }, path }];
    }
    return [];
  },
);
