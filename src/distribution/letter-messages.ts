/**
 * The messages that carry a final letter (para 17): one per distinct
 * address, the headteacher's first, then each copy's. One message per
 * recipient, not one with Cc, because: each recipient's attachments may
 * differ (DOCX on request); a recipient refused by a server (550) leaves the
 * others delivered and unaffected; and a retry or --resume resends to one
 * recipient only, never again to those already served. Every body lists the
 * copy list, as the letter's own copy sentence does.
 */
import { establishmentTypeById } from '../evidence/establishment.js';
import type { EvidenceForm, Person } from '../evidence/schema.js';
import { formatLongDate } from '../ground/dates-in-words.js';
import type { RecipientList } from '../rules/types.js';
import { checkHeaderText, HeaderError } from './addresses.js';
import type { Addressee } from './addressees.js';
import type { EmailTemplates } from './email-templates.js';
import { renderSubject } from './email-templates.js';
import type { FinalLetter } from './final-letter.js';
import { messageIdFor, type MailAddress, type MessageAttachment, type OutgoingMessage } from './message.js';
import { basename } from 'node:path';

const pdfType = 'application/pdf';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "Mrs Hughes": title and last name, or the full name where there is no title. */
export function salutationFor(person: Person | undefined): string {
  if (!person) return '';
  return person.title
    ? `${person.title} ${person.lastName}`
    : [person.firstName, person.lastName].filter(Boolean).join(' ');
}

/** The facts every e-mail about a visit shares, checked for header safety. */
export function visitView(form: EvidenceForm, formFile: string) {
  const schoolName = checkHeaderText(
    form.school.name ?? `the school with URN ${form.school.urn}`,
    `school.name in ${formFile}`,
  );
  return {
    schoolName,
    urn: form.school.urn,
    visitDates: form.visit.dates.map(formatLongDate).join(' and '),
    section117: form.visit.act === 'section-117',
    published: form.visit.act !== 'section-117',
  };
}

/** "a voluntary aided school", "an academy converter": the register's label for a type, in a sentence. */
function withIndefiniteArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/**
 * What templates/email/copy-reason.hbs needs to say, in a sentence, why an
 * addressee receives a copy (para 17): which role (one flag set), and the
 * school's facts the sentence names.
 */
export function copyReasonView(addressee: Addressee, form: EvidenceForm, schoolName: string) {
  const school = form.school;
  const type = school.type === undefined ? undefined : establishmentTypeById(school.type);
  const schoolType = (type?.gias[0] ?? 'school').toLowerCase();
  return {
    role: {
      appropriateAuthority: addressee.role === 'appropriate-authority',
      localAuthority: addressee.role === 'local-authority',
      supportContractor: addressee.role === 'la-support-contractor',
      diocese: addressee.role === 'diocese',
      efa: addressee.role === 'efa',
      foundationBody: addressee.role === 'foundation-body',
      academiesUnit: addressee.role === 'dfe-academies-unit',
    },
    name: addressee.recipientName,
    schoolName,
    schoolType,
    aSchoolType: withIndefiniteArticle(schoolType),
    academy: type?.academy ?? false,
    sixthForm: school.sixthForm === true,
    jointFaith: (school.dioceses?.length ?? 0) > 1,
    localAuthority: school.localAuthority?.name ?? '',
    contractor: school.supportContractor?.name ?? '',
  };
}

/** Groups addressees sharing an address, so nobody gets the same letter twice. */
function byAddress(addressees: readonly Addressee[]): Addressee[][] {
  const groups = new Map<string, Addressee[]>();
  for (const a of addressees) {
    const key = a.email.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()];
}

export interface LetterMessagesInput {
  form: EvidenceForm;
  formFile: string;
  recipients: RecipientList;
  addressees: readonly Addressee[];
  letter: FinalLetter;
  sender: MailAddress;
  /** The lines under "Yours sincerely": the sender, the ISP, how to reach them. */
  signature?: readonly string[];
  templates: EmailTemplates;
}

/** One message per distinct address for a final letter; throws HeaderError for a value unfit for a header. */
export function buildLetterMessages(input: LetterMessagesInput): OutgoingMessage[] {
  const { form, formFile, recipients, addressees, letter, sender, templates } = input;
  const visit = visitView(form, formFile);
  const matter = {
    kind: 'letter' as const,
    urn: form.school.urn,
    visitDate: letter.visitDate,
    version: letter.version,
  };
  return byAddress(addressees).map((group) => {
    const first = group[0]!;
    const isHead = group.some((a) => a.role === 'headteacher');
    const attachments: MessageAttachment[] = [
      { filename: basename(letter.pdfPath), content: letter.pdf, contentType: pdfType },
    ];
    if (group.some((a) => a.attachDocx) && letter.docx && letter.docxPath) {
      attachments.push({ filename: basename(letter.docxPath), content: letter.docx, contentType: docxType });
    }
    const salutation = isHead
      ? salutationFor(form.headteacher)
      : first.role === 'appropriate-authority'
        ? salutationFor(form.school.governance?.chair)
        : /^the /i.test(first.name)
          ? ''
          : first.name;
    const view = {
      ...visit,
      copy: !isHead,
      salutation,
      headteacherName: recipients.to.name,
      reasons: group.filter((a) => a.role !== 'headteacher').map((a) => copyReasonView(a, form, visit.schoolName)),
      paragraph: first.paragraph,
      copies: recipients.copies.map((c) => c.name),
      attachments: attachments.map((a) => a.filename),
      senderName: sender.name,
      signature: input.signature ?? [sender.name],
    };
    const subject = renderSubject(templates['letter-subject'], view);
    if (/[\r\n]/.test(subject))
      throw new HeaderError(
        'templates/email/letter-subject.hbs gives a subject on several lines',
        'letter-subject.hbs',
      );
    const to = [{ name: first.name, email: first.email }];
    return {
      ...matter,
      messageId: messageIdFor(
        matter,
        to.map((t) => t.email),
      ),
      from: sender,
      to,
      roles: group.map((a) => a.role),
      recipients: group.map((a) => a.recipientName),
      subject,
      text: templates.letter(view),
      attachments,
    };
  });
}
