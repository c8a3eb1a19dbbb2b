/** The parts of a para 17 copy list: a copy with its reason, and the error when a fact is missing. */
import type { NotCopied, Recipient, RecipientRole, RecipientWarning } from './types.js';

const paragraph = '17';

/** Why the rules cannot decide who gets the letter: a fact is missing or not known. */
export class RecipientsError extends Error {
  constructor(
    readonly code: 'missing-type' | 'unknown-type' | 'not-section-5' | 'missing-local-authority' | 'missing-diocese',
    message: string,
    /** The form field to fix. */
    readonly path: ReadonlyArray<string | number>,
  ) {
    super(message);
    this.name = 'RecipientsError';
  }
}

/** One role's decision: copied, or not and why, and any fact missing for a sure answer. */
export interface Decision {
  copies: Recipient[];
  notCopied: NotCopied[];
  warnings?: RecipientWarning[];
}

/** A copy under para 17, with its reason. */
export const copy = (role: RecipientRole, name: string, reason: string): Recipient => ({
  role,
  name,
  reason,
  paragraph,
});
