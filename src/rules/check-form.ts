/**
 * Runs every domain check (src/rules/checks/, one rule per file) on a
 * validated form, under the guidance in force on the first visit day
 * (src/rules/arrangements.ts): a 2013 visit is judged by the 2012 arrangements.
 */
import type { Diagnostic } from '../ground/diagnostics.js';
import type { EvidenceForm } from '../evidence/schema.js';
import type { MessageCatalogue } from '../ground/message-catalogue.js';
import { arrangementsForDates } from './arrangements.js';
import { rules } from './checks/index.js';
import type { RuleContext } from './rule.js';
import type { Holidays } from './working-days.js';

export interface CheckOptions {
  holidays: Holidays;
  /** The wording of the findings; default the bundled catalogue (templates/messages/en.yaml). */
  messages?: MessageCatalogue;
}

/** Every domain check's diagnostics for the form (paths only; the caller adds positions). */
export function checkForm(form: EvidenceForm, options: CheckOptions): Diagnostic[] {
  const context: RuleContext = {
    holidays: options.holidays,
    arrangements: arrangementsForDates(form.visit.dates),
    ...(options.messages ? { messages: options.messages } : {}),
  };
  return rules.flatMap((rule) => rule.check(form, context));
}
