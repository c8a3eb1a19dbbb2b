// para 17: an academy's trust is its appropriate authority (and the DfE Academies Advisers Unit is copied); a maintained school has none.
import { defineRule } from '../../rule.js';
import { establishmentOf, typeLabel } from '../form-facts.js';

export const academyTrust = defineRule(
  { id: 'consistency/academy-trust', paragraph: '17', severity: 'warning' },
  (form) => {
    const type = establishmentOf(form);
    if (type === undefined) return [];
    if (type.academy && form.school.trust === undefined) {
      return [
        {
          message: `the school is an academy (${typeLabel(type)}) but school.trust is missing; expected the academy trust that runs it`,
          path: ['school', 'trust'],
        },
      ];
    }
    if (!type.academy && form.school.trust !== undefined) {
      return [
        {
          message: `school.trust is given for a ${typeLabel(type).toLowerCase()}, which is not an academy; school.trust is for an academy trust. A maintained school\u2019s foundation or trust goes in school.foundation`,
          path: ['school', 'trust'],
        },
      ];
    }
    return [];
  },
);
