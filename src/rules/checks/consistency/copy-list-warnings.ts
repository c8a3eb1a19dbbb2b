/** The copy list's own warnings (facts para 17 needs that the form lacks), as findings, so validate and recipients say the same. */
import type { EvidenceForm } from '../../../evidence/schema.js';
import { RecipientsError, resolveRecipients } from '../../recipients.js';
import type { Finding } from '../../rule.js';
import type { RecipientList, RecipientRole } from '../../types.js';

/** The copy list as `recipients` and `draft` decide it, or the reason it cannot be decided. */
export function decideCopyList(form: EvidenceForm): RecipientList | RecipientsError {
  try {
    return resolveRecipients(form.school, form.headteacher);
  } catch (error) {
    if (error instanceof RecipientsError) return error;
    throw error;
  }
}

/** The copy list's warnings for these roles; none when the list cannot be made (consistency/copy-list.ts says why). */
export function copyListWarnings(form: EvidenceForm, roles: readonly RecipientRole[]): Finding[] {
  const list = decideCopyList(form);
  if (list instanceof RecipientsError) return [];
  return (list.warnings ?? [])
    .filter((w) => roles.includes(w.role))
    .map((w) => ({ code: 'copy-list-warning', params: { warning: w.message }, path: w.path }));
}
