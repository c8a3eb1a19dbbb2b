/**
 * A small factory for domain checks, after unified-lint-rule: a rule is its id,
 * its guidance paragraph and its default severity, plus a body that is only
 * logic. The body reports findings as data (a message code, its parameters and
 * a path); the factory stamps id, paragraph and severity onto every finding and
 * words it from the message catalogue (templates/messages/en.yaml, under the
 * rule's id), so every diagnostic says which rule and paragraph made it, and no
 * rule holds a sentence.
 */
import type { Diagnostic, FormPath, Severity } from '../ground/diagnostics.js';
import type { EvidenceForm } from '../evidence/schema.js';
import { loadMessages, type MessageCatalogue, type MessageParams } from '../ground/message-catalogue.js';
import type { Arrangements } from './arrangements.js';
import type { Holidays } from './working-days.js';

/** What every rule knows besides the form. */
export interface RuleContext {
  /** England's bank holidays, for working-day counts. */
  holidays: Holidays;
  /** The guidance in force on the first visit day (src/rules/arrangements.ts). */
  arrangements: Arrangements;
  /** The wording of findings; default the bundled catalogue (an ISP's messages.yaml may replace sentences). */
  messages?: MessageCatalogue;
}

/** The rule's identity: a stable id ('para-16/completeness'), the paragraph it comes from, its usual severity. */
export interface RuleMeta {
  id: string;
  paragraph: string;
  severity: Severity;
}

/**
 * What a rule body returns: which of the rule's messages (its code in the
 * catalogue, under the rule's id) with what parameters, and the place;
 * severity and paragraph only where they differ from the rule's.
 */
export interface Finding {
  code: string;
  params?: MessageParams;
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
      const findings = body(form, context);
      if (findings.length === 0) return [];
      const messages = context.messages ?? loadMessages();
      return findings.map((finding) => ({
        severity: finding.severity ?? meta.severity,
        message: messages.render(meta.id, finding.code, finding.params ?? {}),
        path: finding.path,
        rule: meta.id,
        code: finding.code,
        paragraph: finding.paragraph ?? meta.paragraph,
      }));
    },
  };
}
