/** Data the rules return. Rules return data, never terminal strings. */

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

export interface RecipientList {
  to: Recipient;
  copies: Recipient[];
  notCopied: NotCopied[];
}

export interface Deadline {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  description: string;
  paragraph: string;
  basis: 'working days, England' | 'calendar weeks' | 'calendar months';
}
