/** The copy list's own warnings (facts para 17 needs that the form lacks), as findings, so validate and recipients say the same. */
import type { EvidenceForm } from '../../../evidence/schema.js';
import { RecipientsError, resolveRecipients } from '../../recipients.js';
import type { Finding } from '../../rule.js';
import type { RecipientRole } from '../../types.js';

/** The copy list's warnings for these roles; none when the list cannot be made (other checks name why). */
export function copyListWarnings(form: EvidenceForm, roles: readonly RecipientRole[]): Finding[] {
  try {
    const list = resolveRecipients(form.school, form.headteacher);
    return (list.warnings ?? [])
      .filter((w) => roles.includes(w.role))
      .map((w) => ({ message: w.message, path: w.path }));
  } catch (error) {
    if (error instanceof RecipientsError) return [];
    throw error;
  }
}
