/** The copy list's own warnings (facts para 17 needs that the form lacks), as findings, so validate and recipients say the same. */
import type { Finding } from '../../rule.js';
import type { CopyListDecision, RecipientRole } from '../../types.js';

/** The copy list's warnings for these roles; none when the list cannot be made (consistency/copy-list.ts says why). */
export function copyListWarnings(copyList: CopyListDecision, roles: readonly RecipientRole[]): Finding[] {
  if (!copyList.decided) return [];
  return (copyList.list.warnings ?? [])
    .filter((w) => roles.includes(w.role))
    .map((w) => ({ code: 'copy-list-warning', params: { warning: w.message }, path: w.path }));
}
