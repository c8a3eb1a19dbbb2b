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
