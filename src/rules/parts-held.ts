/**
 * Which parts of the form are about the school and visit at hand, as the
 * rules decide them: a foundation that appoints foundation governors only
 * where the school's type may have one (para 17: "if the school has a
 * foundation"), an academy trust only for an academy (para 17: its
 * appropriate authority), and the previous monitoring inspection, with its
 * priorities and recommendations, only on a subsequent visit (paras 21–22).
 * The drafting page leaves out what cannot apply rather than ask for it.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import type { FormPath } from '../ground/diagnostics.js';
import { establishmentOf, isSubsequentVisit } from './checks/form-facts.js';
import { mayHaveFoundation } from './foundation-copies.js';

// para 17: the foundation's appointing body is copied "if the school has a foundation"; an academy's trust is its appropriate authority.
// paras 21–22: only a subsequent visit reports on the previous one's priorities and recommendations.
/** The parts of the form about what this school or visit cannot have (for a type not given, none of the school's). */
export function partsNotHeld(form: EvidenceForm): FormPath[] {
  const notHeld: FormPath[] = [];
  const type = establishmentOf(form);
  if (type !== undefined && !mayHaveFoundation(type)) notHeld.push(['school', 'foundation']);
  if (type !== undefined && !type.academy) notHeld.push(['school', 'trust']);
  if (!isSubsequentVisit(form)) {
    notHeld.push(['visit', 'previous'], ['findings', 'previousRecommendations'], ['findings', 'previousPriorities']);
  }
  return notHeld;
}
