// para 17: the letter is copied "as appropriate"; a final letter cannot go out until who is copied can be decided.
import { RecipientsError, resolveRecipients } from '../../recipients.js';
import { defineRule, type Finding } from '../../rule.js';

/**
 * The copy list as `draft --final` decides it, so `validate` refuses what
 * a final letter would refuse, at the same place and once. A type not
 * inspected under section 5 is the eligibility rule's to say (para 24).
 */
export const copyList = defineRule({ id: 'para-17/copy-list', paragraph: '17', severity: 'error' }, (form) => {
  try {
    resolveRecipients(form.school, form.headteacher);
    return [];
  } catch (error) {
    if (!(error instanceof RecipientsError)) throw error;
    if (error.code === 'not-section-5') return [];
    const finding: Finding = { message: `the copy list cannot be decided: ${error.message}`, path: error.path };
    return [finding];
  }
});
