/**
 * A small factory for domain checks, after unified-lint-rule: a rule is its id,
 * its guidance paragraph and its default severity, plus a body that is only
 * logic. The factory stamps id, paragraph and severity onto every finding, so
 * every diagnostic a rule returns says which rule and which paragraph made it.
 */
import type { Diagnostic, FormPath, Severity } from '../ground/diagnostics.js';
import type { EvidenceForm } from '../evidence/schema.js';
import type { Arrangements } from './arrangements.js';
import type { LetterDecisions } from './types.js';
import type { Holidays } from './working-days.js';

/** What every rule knows besides the form. */
export interface RuleContext {
  /** England's bank holidays, for working-day counts. */
  holidays: Holidays;
  /** The guidance in force on the first visit day (src/rules/arrangements.ts). */
  arrangements: Arrangements;
  /** The copy list and what para 16 still needs, decided once for the letter (src/rules/letter-decisions.ts). */
  decisions: LetterDecisions;
}

/** The rule's identity: a stable id ('para-16/completeness'), the paragraph it comes from, its usual severity. */
export interface RuleMeta {
  id: string;
  paragraph: string;
  severity: Severity;
}

/** What a rule body returns: a message and a place; severity and paragraph only where they differ from the rule's. */
export interface Finding {
  message: string;
  path: FormPath;
  severity?: Severity;
  paragraph?: string;
}

export type RuleBody = (form: EvidenceForm, context: RuleContext) => readonly Finding[];

export interface Rule extends RuleMeta {
  /** The rule's diagnostics for the form (paths only; the caller adds positions). */
  check(form: EvidenceForm, context: RuleContext): Diagnostic[];
}

/** Makes a rule whose every diagnostic carries its id, paragraph and (unless the body says otherwise) severity. */
export function defineRule(meta: RuleMeta, body: RuleBody): Rule {
  return {
    ...meta,
    check(form, context) {
      return body(form, context).map((finding) => ({
        severity: finding.severity ?? meta.severity,
        message: finding.message,
        path: finding.path,
        rule: meta.id,
        paragraph: finding.paragraph ?? meta.paragraph,
      }));
    },
  };
}
