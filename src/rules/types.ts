/** Data the rules return. Rules return data, never terminal strings. */
import type { FormPath, Severity } from '../ground/diagnostics.js';
import type { MessageParams } from '../ground/message-format.js';

/** Recipient roles (fixed ids, DESIGN.md). */
export const recipientRoles = [
  'headteacher',
  'appropriate-authority',
  'local-authority',
  'la-support-contractor',
  'diocese',
  'efa',
  'foundation-body',
  'dfe-academies-unit',
] as const;
export type RecipientRole = (typeof recipientRoles)[number];

export interface Recipient {
  role: RecipientRole;
  /** The real body or person, as the letter writes it: "the Diocese of Norwich". */
  name: string;
  /** Why, in words a person reads: "voluntary aided school: the diocese is copied". */
  reason: string;
  /** The guidance paragraph, e.g. '17'. */
  paragraph: string;
}

export interface NotCopied {
  role: RecipientRole;
  reason: string;
}

/** A fact the copy list needs that the form does not give: the list is made, but may be wrong or incomplete without it. */
export interface RecipientWarning {
  role: RecipientRole;
  message: string;
  /** The form field that would settle it. */
  path: (string | number)[];
}

export interface RecipientList {
  to: Recipient;
  copies: Recipient[];
  notCopied: NotCopied[];
  /** Facts missing for a sure copy list (para 17); resolveRecipients always sets it. */
  warnings?: RecipientWarning[];
}

export interface Deadline {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  description: string;
  paragraph: string;
  basis: 'working days, England' | 'calendar weeks' | 'calendar months';
}

/**
 * One item para 16 requires that the form does not give (MissingContent,
 * found by src/rules/checks/completeness.ts): the single source of truth for
 * "missing". `validate` reports these and the letter model puts a marker
 * «label: not yet written» where each error belongs, so `validate` and
 * `draft --final` always agree.
 *
 * The name of each item para 16 requires, as the letter model looks it up
 * (src/letter/model.ts): one per place in the letter a marker can stand.
 */
export type ContentKey =
  | 'school.name'
  | 'headteacher'
  | 'visit.number'
  | 'evidence'
  | 'context'
  | 'judgement'
  | 'actions.school'
  | 'findings.teachingAndLearning'
  | 'findings.leadership'
  | 'findings.governance'
  | 'findings.plans'
  | `findings.progress.${number}`
  | `findings.previousPriorities.${number}`
  | `reviews.${'pupilPremium' | 'governance'}.${'commissioned' | 'impact' | 'not-recommended'}`
  | 'externalSupport'
  | 'externalSupport.none'
  | 'externalSupport.brokering'
  | 'externalSupport.qualityAndImpact'
  | `externalSupport.providers.${number}.qualityAndImpact`
  | 'priorities';

export interface MissingContent {
  /** Where the letter model looks it up: 'findings.plans', 'findings.progress.2', 'reviews.pupilPremium.commissioned'… */
  key: ContentKey;
  /** The marker's words in a draft: «label: not yet written». */
  label: string;
  /** Its message in the catalogue (templates/messages/en.yaml, under para-16/completeness), with the parameters. */
  code: string;
  params?: MessageParams;
  path: FormPath;
  /** 'error' unless said otherwise; only errors are gaps in the letter. */
  severity?: Severity;
  /** The guidance paragraph, where not 16. */
  paragraph?: string;
}

/** Why the copy list cannot be decided (a RecipientsError): what is wrong and the form field to fix. */
export interface CopyListProblem {
  code: 'missing-type' | 'unknown-type' | 'not-section-5' | 'missing-local-authority' | 'missing-diocese';
  message: string;
  path: ReadonlyArray<string | number>;
}

/** The copy list, or why it cannot be decided. */
export type CopyListDecision = { decided: true; list: RecipientList } | { decided: false; problem: CopyListProblem };

/**
 * The two decisions about a letter that the checks, the letter model and
 * sending all read, made once per letter (src/rules/letter-decisions.ts).
 */
export interface LetterDecisions {
  readonly copyList: CopyListDecision;
  /** Every item para 16 requires that the form does not give, in the letter's order (warnings included). */
  readonly missing: readonly MissingContent[];
}
