/**
 * Runs every domain check on a validated form. PLACEHOLDER: the domain
 * checks (issue 2) fill this in; the validate command already calls it.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { EvidenceForm } from '../evidence/schema.js';
import type { Holidays } from './working-days.js';

export interface CheckOptions {
  holidays: Holidays;
}

/** Every domain check's diagnostics for the form (paths only; the caller adds positions). */
export function checkForm(_form: EvidenceForm, _options: CheckOptions): Diagnostic[] {
  return [];
}
