/**
 * Checks on what reaches a mail header (PITFALLS 14): an address must be one
 * address and nothing else; a name or subject must be one line. Each failure
 * names the field it came from, so the user knows what to fix.
 */
import { z } from 'zod';
import { internationalAddressProblem } from '../ground/international-address.js';

/** A value refused for a header, with the field it came from. */
export class HeaderError extends Error {
  constructor(
    message: string,
    /** Where the value came from, e.g. "headteacher.email in form.yaml" or "dioceses.Norwich.email in contacts.yaml". */
    readonly field: string,
  ) {
    super(message);
    this.name = 'HeaderError';
  }
}

const emailSchema = z.email();

/** True for a single plain address (local@domain.tld), nothing around it. */
export function isEmailAddress(value: string): boolean {
  return emailSchema.safeParse(value).success;
}

/** Line breaks and other control characters that must never reach a header. */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F\u2028\u2029]/;

/** Returns the address, or throws a HeaderError naming the field. */
export function checkAddress(value: string, field: string): string {
  if (controlCharacters.test(value)) {
    throw new HeaderError(`${field} contains a line break or control character; an e-mail address is one line`, field);
  }
  const trimmed = value.trim();
  const international = internationalAddressProblem(trimmed);
  if (international !== undefined) throw new HeaderError(`${field} is ${international}`, field);
  if (!isEmailAddress(trimmed)) {
    throw new HeaderError(
      `${field} is "${trimmed}", which is not an e-mail address (expected e.g. name@example.org)`,
      field,
    );
  }
  return trimmed;
}

/** Returns the text for a header (a name or a subject), or throws a HeaderError naming the field. */
export function checkHeaderText(value: string, field: string): string {
  if (controlCharacters.test(value)) {
    throw new HeaderError(
      `${field} contains a line break or control character, which cannot go into an e-mail header; write it on one line`,
      field,
    );
  }
  return value.trim();
}
