/**
 * Which bodies a school of its type has, and so which parts of the form are
 * about it: a foundation that appoints foundation governors (para 17: "if the
 * school has a foundation"), and an academy trust. A community school has no
 * foundation, a maintained school no academy trust; the drafting page leaves
 * out what the school cannot have rather than ask for it.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import type { FormPath } from '../ground/diagnostics.js';
import { establishmentOf } from './checks/form-facts.js';
import { mayHaveFoundation } from './foundation-copies.js';

// para 17: the foundation's appointing body is copied "if the school has a foundation"; an academy's trust is its appropriate authority.
/** The parts of the form about a body the school's type cannot have (none when the type is not known). */
export function bodiesNotHeld(form: EvidenceForm): FormPath[] {
  const type = establishmentOf(form);
  if (type === undefined) return [];
  const notHeld: FormPath[] = [];
  if (!mayHaveFoundation(type)) notHeld.push(['school', 'foundation']);
  if (!type.academy) notHeld.push(['school', 'trust']);
  return notHeld;
}
