// para 17: the letter is copied "as appropriate"; a final letter cannot go out until who is copied can be decided.
import { defineRule } from '../../rule.js';

/**
 * The copy list as `draft --final` decides it, so `validate` refuses what
 * a final letter would refuse, at the same place and once. A type not
 * inspected under section 5 is the eligibility rule's to say (para 24).
 */
export const copyList = defineRule(
  { id: 'para-17/copy-list', paragraph: '17', severity: 'error' },
  (_form, { decisions }) => {
    const { copyList } = decisions;
    if (copyList.decided || copyList.problem.code === 'not-section-5') return [];
    return [{ code: 'cannot-decide', params: { reason: copyList.problem.message }, path: copyList.problem.path }];
  },
);
