// paras 11, 17: who governs the school names the judgement's subject and the appropriate authority copied; it must fit the type of school.
import type { GoverningBody } from '../../../evidence/schema.js';
import { defineRule } from '../../rule.js';
import { establishmentOf, typeLabel } from '../form-facts.js';

/** Bodies that govern only academies (or independent schools), never a maintained school. */
const academyOnly = new Set<GoverningBody>(['academy-trust', 'sponsor', 'proprietor']);

export const appropriateAuthority = defineRule(
  { id: 'consistency/appropriate-authority', paragraph: '11, 17', severity: 'error' },
  (form) => {
    const governance = form.school.governance;
    if (governance === undefined) {
      return [{ severity: 'warning', code: 'governance-missing', path: ['school', 'governance'] }];
    }
    const type = establishmentOf(form);
    if (type === undefined) return [];
    const path = ['school', 'governance', 'body'];
    // Interim executive boards replace the governing body of a maintained school (Education and Inspections Act 2006).
    if (governance.body === 'interim-executive-board' && type.academy) {
      return [{ code: 'academy-with-ieb', params: { type: typeLabel(type) }, path }];
    }
    // A pupil referral unit's appropriate authority is its management committee (Education (Pupil Referral
    // Units) (Management Committees etc.) (England) Regulations 2007), whom the letter is copied to (para 17).
    if (type.id === 'pupil-referral-unit' && governance.body === 'governing-body') {
      return [{ severity: 'warning', code: 'pru-governing-body', path }];
    }
    if (academyOnly.has(governance.body) && type.maintained) {
      return [
        {
          code: 'maintained-academy-body',
          params: { typeLower: typeLabel(type).toLowerCase(), body: governance.body },
          path,
        },
      ];
    }
    return [];
  },
);
