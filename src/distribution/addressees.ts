/**
 * Gives every recipient of a letter (para 17) an e-mail address: the
 * headteacher's and the chair's from the form or the contacts directory, the
 * bodies' from the directory. Pure: form, recipient list and directory in;
 * addressees or the full list of what is missing and where to add it out.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import { dioceseKey, normaliseBodyName } from '../rules/recipients.js';
import type { Recipient, RecipientList, RecipientRole } from '../rules/types.js';
import { checkAddress, checkHeaderText, HeaderError } from './addresses.js';
import type { ContactEntry, Contacts } from './contacts.js';

/** A recipient with the address the message goes to. */
export interface Addressee {
  role: RecipientRole;
  /** The display name in the To header. */
  name: string;
  /** The body or person as the letter's copy list names it: "the Diocese of Norwich". */
  recipientName: string;
  email: string;
  /** The contacts directory asks for the DOCX as well. */
  attachDocx: boolean;
  /** Why they receive it, and under which paragraph (from the recipients rules). */
  reason: string;
  paragraph: string;
}

/** A recipient that cannot be sent to, and where to fix it. */
export interface AddressProblem {
  role: RecipientRole;
  name: string;
  kind: 'missing' | 'malformed' | 'header';
  message: string;
  /** Where an address can be added or corrected, e.g. "headteacher.email in form.yaml". */
  fix: string;
}

export interface AddressingInput {
  form: EvidenceForm;
  recipients: RecipientList;
  contacts: Contacts;
  /** Names used in messages. */
  formFile: string;
  contactsFile: string;
}

interface Found {
  entry: ContactEntry;
  /** Where it came from, for error messages. */
  field: string;
}

const quote = (key: string): string => (/^[\w ]+$/.test(key) ? key : JSON.stringify(key));

function findBody(
  group: Record<string, ContactEntry> | undefined,
  groupName: string,
  names: ReadonlyArray<string | undefined>,
): Found | undefined {
  if (!group) return undefined;
  for (const wanted of names) {
    if (wanted === undefined) continue;
    for (const [key, entry] of Object.entries(group)) {
      const dk = dioceseKey(key);
      const dw = dioceseKey(wanted);
      const same =
        dk !== undefined && dw !== undefined ? dk === dw : normaliseBodyName(key) === normaliseBodyName(wanted);
      if (same) return { entry, field: `${groupName}.${quote(key)}` };
    }
  }
  return undefined;
}

/** Where the directory (or the form) holds a role's address, and where to add one. */
function lookup(
  recipient: Recipient,
  form: EvidenceForm,
  contacts: Contacts,
  formFile: string,
  contactsFile: string,
): { found?: Found; formEmail?: { email: string; field: string }; fix: string } {
  const school = form.school;
  const urn = school.urn;
  const inContacts = (what: string): string => `${what} in ${contactsFile}`;
  switch (recipient.role) {
    case 'headteacher': {
      const fromContacts = contacts.schools?.[urn]?.headteacher;
      const email = form.headteacher?.email;
      return {
        ...(email ? { formEmail: { email, field: `headteacher.email in ${formFile}` } } : {}),
        ...(fromContacts ? { found: { entry: fromContacts, field: `schools."${urn}".headteacher` } } : {}),
        fix: `headteacher.email in ${formFile}, or ${inContacts(`schools: { "${urn}": { headteacher: { email: … } } }`)}`,
      };
    }
    case 'appropriate-authority': {
      const fromContacts = contacts.schools?.[urn]?.chair;
      const email = school.governance?.chair?.email;
      return {
        ...(email ? { formEmail: { email, field: `school.governance.chair.email in ${formFile}` } } : {}),
        ...(fromContacts ? { found: { entry: fromContacts, field: `schools."${urn}".chair` } } : {}),
        fix: `school.governance.chair.email in ${formFile}, or ${inContacts(`schools: { "${urn}": { chair: { email: … } } }`)}`,
      };
    }
    case 'local-authority': {
      const key = school.localAuthority?.name ?? recipient.name;
      const found = findBody(contacts.localAuthorities, 'localAuthorities', [
        school.localAuthority?.name,
        recipient.name,
      ]);
      return { ...(found ? { found } : {}), fix: inContacts(`localAuthorities: { ${quote(key)}: { email: … } }`) };
    }
    case 'la-support-contractor': {
      const key = school.supportContractor?.name ?? recipient.name;
      const found = findBody(contacts.contractors, 'contractors', [school.supportContractor?.name, recipient.name]);
      return { ...(found ? { found } : {}), fix: inContacts(`contractors: { ${quote(key)}: { email: … } }`) };
    }
    case 'diocese': {
      const key = recipient.name.replace(/^the /, '');
      const found = findBody(contacts.dioceses, 'dioceses', [recipient.name]);
      return { ...(found ? { found } : {}), fix: inContacts(`dioceses: { ${quote(key)}: { email: … } }`) };
    }
    case 'foundation-body': {
      const names = [recipient.name, school.foundation?.appointedBy, school.foundation?.name];
      const found =
        findBody(contacts.foundationBodies, 'foundationBodies', names) ??
        findBody(contacts.dioceses, 'dioceses', names);
      const key = recipient.name.replace(/^the /, '');
      return { ...(found ? { found } : {}), fix: inContacts(`foundationBodies: { ${quote(key)}: { email: … } }`) };
    }
    case 'efa':
      return {
        ...(contacts.efa ? { found: { entry: contacts.efa, field: 'efa' } } : {}),
        fix: inContacts('efa: { email: … }'),
      };
    case 'dfe-academies-unit':
      return {
        ...(contacts.dfeAcademiesUnit
          ? { found: { entry: contacts.dfeAcademiesUnit, field: 'dfeAcademiesUnit' } }
          : {}),
        fix: inContacts('dfeAcademiesUnit: { email: … }'),
      };
  }
}

/** Every recipient's address, or every problem: never a partial list (para 17: the headteacher and every copy). */
export function addressRecipients(input: AddressingInput): { addressees: Addressee[]; problems: AddressProblem[] } {
  const { form, recipients, contacts, formFile, contactsFile } = input;
  const addressees: Addressee[] = [];
  const problems: AddressProblem[] = [];
  for (const recipient of [recipients.to, ...recipients.copies]) {
    const where = lookup(recipient, form, contacts, formFile, contactsFile);
    // The form's own address wins for the headteacher and chair: it is the most specific.
    const source = where.formEmail
      ? { email: where.formEmail.email, field: where.formEmail.field }
      : where.found
        ? { email: where.found.entry.email, field: `${where.found.field}.email in ${contactsFile}` }
        : undefined;
    if (!source) {
      problems.push({
        role: recipient.role,
        name: recipient.name,
        kind: 'missing',
        message: `no e-mail address for ${recipient.name} (${recipient.role})`,
        fix: where.fix,
      });
      continue;
    }
    try {
      const email = checkAddress(source.email, source.field);
      const displayName = where.found?.entry.name ?? recipient.name;
      const nameField = where.found?.entry.name
        ? `${where.found.field}.name in ${contactsFile}`
        : `the name of ${recipient.role} in ${formFile}`;
      addressees.push({
        role: recipient.role,
        name: checkHeaderText(displayName, nameField),
        recipientName: recipient.name,
        email,
        attachDocx: where.found?.entry.attachDocx ?? false,
        reason: recipient.reason,
        paragraph: recipient.paragraph,
      });
    } catch (error) {
      if (!(error instanceof HeaderError)) throw error;
      problems.push({
        role: recipient.role,
        name: recipient.name.replace(/[\r\n]+/g, ' '),
        kind: /not an e-mail address/.test(error.message) ? 'malformed' : 'header',
        message: error.message,
        fix: error.field,
      });
    }
  }
  return { addressees, problems };
}

/** The From address: the contacts file's `sender`, else the form's letter.provider. */
/**
 * The lines under "Yours sincerely" in every e-mail: who sends it, the ISP's
 * name (the contacts file's sender.organisation, else the form's
 * letter.provider.name) when it is not the sender's own, and how to reach
 * them (the sender's e-mail, and a telephone number when one is given).
 */
function signatureLines(
  sender: { name: string; email: string },
  fromContacts: { organisation?: string | undefined; phone?: string | undefined } | undefined,
  provider: { name: string; phone?: string | undefined } | undefined,
): string[] {
  const organisation = fromContacts?.organisation ?? provider?.name;
  const phone = fromContacts?.phone ?? provider?.phone;
  return [
    sender.name,
    ...(organisation && organisation !== sender.name ? [organisation] : []),
    `E-mail: ${sender.email}`,
    ...(phone ? [`Telephone: ${phone}`] : []),
  ].filter((line) => line !== '');
}

export function senderAddress(
  form: EvidenceForm,
  contacts: Contacts,
  formFile: string,
  contactsFile: string,
): { sender?: { name: string; email: string }; signature?: string[]; problem?: string } {
  const provider = form.letter?.provider;
  const source = contacts.sender
    ? {
        email: contacts.sender.email,
        name: contacts.sender.name ?? provider?.name ?? '',
        field: `sender in ${contactsFile}`,
      }
    : provider?.email
      ? { email: provider.email, name: provider.name, field: `letter.provider in ${formFile}` }
      : undefined;
  if (!source) {
    return {
      problem: `no sender address: add sender: { name: …, email: … } in ${contactsFile}, or letter.provider.email in ${formFile}`,
    };
  }
  try {
    const sender = {
      email: checkAddress(source.email, `${source.field} (email)`),
      name: checkHeaderText(source.name, `${source.field} (name)`),
    };
    return { sender, signature: signatureLines(sender, contacts.sender, provider) };
  } catch (error) {
    if (error instanceof HeaderError) return { problem: error.message };
    throw error;
  }
}
