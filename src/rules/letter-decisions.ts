/**
 * The two decisions about a letter that more than one reader needs, made
 * once per letter and passed along: who gets it (para 17: the copy list, or
 * why it cannot be decided) and what para 16 requires that the form does not
 * give. The checks (src/rules/checks/), the letter model (src/letter/model.ts)
 * and sending (src/distribution/plan.ts) all read these results; none of
 * them decides again.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import { missingContents } from './checks/completeness.js';
import { RecipientsError, resolveRecipients, type RecipientOptions } from './recipients.js';
import type { CopyListDecision, LetterDecisions } from './types.js';

export type { CopyListDecision, LetterDecisions };

/** The copy list for a school's facts, decided: never throws for a missing or unknown fact. */
export function decideCopyList(
  facts: Pick<EvidenceForm, 'school' | 'headteacher'>,
  options: RecipientOptions = {},
): CopyListDecision {
  try {
    return { decided: true, list: resolveRecipients(facts.school, facts.headteacher, options) };
  } catch (error) {
    if (error instanceof RecipientsError) return { decided: false, problem: error };
    throw error;
  }
}

/** Both decisions for the form's letter. */
export function decideLetter(form: EvidenceForm): LetterDecisions {
  return { copyList: decideCopyList(form), missing: missingContents(form) };
}
