// para 17: the letter is copied "as appropriate"; a final letter cannot go out until who is copied can be decided.
import { RecipientsError } from '../../recipients.js';
import { defineRule } from '../../rule.js';
import { decideCopyList } from './copy-list-warnings.js';

/**
 * The copy list as `draft --final` decides it, so `validate` refuses what
 * a final letter would refuse, at the same place and once. A type not
 * inspected under section 5 is the eligibility rule's to say (para 24).
 */
export const copyList = defineRule({ id: 'para-17/copy-list', paragraph: '17', severity: 'error' }, (form) => {
  const list = decideCopyList(form);
  if (!(list instanceof RecipientsError) || list.code === 'not-section-5') return [];
  return [{ code: 'cannot-decide', params: { reason: list.message }, path: list.path }];
});
