// paras 11, 17: who governs the school names the judgement's subject and the appropriate authority copied; it must fit the type of school.
import type { GoverningBody } from '../../../evidence/schema.js';
import { defineRule } from '../../rule.js';
import { establishmentOf, typeLabel } from '../form-facts.js';

const bodyWords: Record<GoverningBody, string> = {
  'governing-body': 'a governing body',
  'interim-executive-board': 'an interim executive board',
  'academy-trust': 'an academy trust',
  sponsor: 'a sponsor',
  proprietor: 'a proprietor',
  'management-board': 'a management board',
  'management-committee': 'a management committee',
};

/** Bodies that govern only academies (or independent schools), never a maintained school. */
const academyOnly = new Set<GoverningBody>(['academy-trust', 'sponsor', 'proprietor']);

export const appropriateAuthority = defineRule(
  { id: 'consistency/appropriate-authority', paragraph: '11, 17', severity: 'error' },
  (form) => {
    const governance = form.school.governance;
    if (governance === undefined) {
      return [
        {
          severity: 'warning',
          message:
            'school.governance is missing: the judgement names who is taking action (para 11) and the appropriate authority is copied (para 17); expected body (governing-body, interim-executive-board, academy-trust…) and the chair',
          path: ['school', 'governance'],
        },
      ];
    }
    const type = establishmentOf(form);
    if (type === undefined) return [];
    const path = ['school', 'governance', 'body'];
    // Interim executive boards replace the governing body of a maintained school (Education and Inspections Act 2006).
    if (governance.body === 'interim-executive-board' && type.academy) {
      return [
        {
          message: `the school is an academy (${typeLabel(type)}), which cannot be governed by an interim executive board; expected academy-trust, sponsor, governing-body, management-board or management-committee`,
          path,
        },
      ];
    }
    // A pupil referral unit's appropriate authority is its management committee (Education (Pupil Referral
    // Units) (Management Committees etc.) (England) Regulations 2007), whom the letter is copied to (para 17).
    if (type.id === 'pupil-referral-unit' && governance.body === 'governing-body') {
      return [
        {
          severity: 'warning',
          message: `a pupil referral unit is governed by a management committee, its appropriate authority, not by a governing body; expected management-committee`,
          path,
        },
      ];
    }
    if (academyOnly.has(governance.body) && type.maintained) {
      return [
        {
          message: `a ${typeLabel(type).toLowerCase()} is maintained by the local authority, so it is not governed by ${bodyWords[governance.body]}; expected governing-body or interim-executive-board`,
          path,
        },
      ];
    }
    return [];
  },
);
