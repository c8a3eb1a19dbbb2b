/**
 * Internationalised e-mail addresses (RFC 6531: `zoë@exämple.example`).
 * A mailbox name outside ASCII reaches only servers that offer SMTPUTF8, and
 * many do not, so a letter sent to one could be lost on the way; a domain
 * outside ASCII has an ASCII form (IDNA) that every server takes. Such an
 * address is refused with why, and the ASCII form to write where there is one.
 */
import { domainToASCII } from 'node:url';

// eslint-disable-next-line no-control-regex
const nonAscii = /[^\u0000-\u007F]/;

/** Why an address with characters outside ASCII cannot be used, and what to write; undefined for an ASCII address. */
export function internationalAddressProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !nonAscii.test(value)) return undefined;
  const at = value.lastIndexOf('@');
  const local = at < 0 ? value : value.slice(0, at);
  const domain = at < 0 ? '' : value.slice(at + 1);
  if (nonAscii.test(local)) {
    return (
      `"${value}" is an internationalised address: its mailbox name (before the @) has characters outside ASCII, ` +
      'which only mail servers offering SMTPUTF8 accept (many do not, and the letter could be lost on the way); ' +
      'ask the recipient for an address written in ASCII'
    );
  }
  const ascii = domainToASCII(domain);
  return ascii
    ? `"${value}" has a domain outside ASCII: write it in its ASCII form, ${local}@${ascii}, which every mail server accepts`
    : `"${value}" has a domain outside ASCII that has no valid ASCII form: check the address`;
}
