/**
 * The visit confirmation (para 8): after HMI's call, the ISP confirms the
 * inspection to the school by e-mail: the date, that the headteacher should
 * be present, the purpose, that the school informs the governing body and
 * the LA/proprietor/sponsor; and the National Business Unit's number for
 * checking the inspector's identity (para 12). Wording: templates/email/confirmation.hbs.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import { formatLongDate } from '../ground/dates-in-words.js';
import { HeaderError, checkHeaderText } from './addresses.js';
import type { Addressee } from './addressees.js';
import { renderSubject, type EmailTemplates } from './email-templates.js';
import { salutationFor, visitView } from './letter-messages.js';
import { messageIdFor, type MailAddress, type OutgoingMessage } from './message.js';

export interface ConfirmationInput {
  form: EvidenceForm;
  formFile: string;
  headteacher: Addressee;
  sender: MailAddress;
  /** The lines under "Yours sincerely": the sender, the ISP, how to reach them. */
  signature?: readonly string[];
  templates: EmailTemplates;
}

/** The confirmation message to the headteacher; throws HeaderError for a value unfit for a header. */
export function buildConfirmation(input: ConfirmationInput): OutgoingMessage {
  const { form, formFile, headteacher, sender, templates } = input;
  const dates = form.visit.dates;
  // All visit days, so a changed date is a new message, never a duplicate of the old one.
  const matter = { kind: 'confirmation' as const, urn: form.school.urn, visitDate: dates.join('+'), version: 0 };
  const view = {
    ...visitView(form, formFile),
    salutation: salutationFor(form.headteacher),
    inspectorName: checkHeaderText(form.visit.inspector.name, `visit.inspector.name in ${formFile}`),
    inspectorRole: form.visit.inspector.role ?? '',
    callDate: form.visit.notificationCall ? formatLongDate(form.visit.notificationCall) : '',
    focus: form.visit.focus ?? [],
    senderName: sender.name,
    signature: input.signature ?? [sender.name],
  };
  const subject = renderSubject(templates['confirmation-subject'], view);
  if (/[\r\n]/.test(subject)) {
    throw new HeaderError(
      'templates/email/confirmation-subject.hbs gives a subject on several lines',
      'confirmation-subject.hbs',
    );
  }
  const to = [{ name: headteacher.name, email: headteacher.email }];
  return {
    ...matter,
    messageId: messageIdFor(matter, [headteacher.email]),
    from: sender,
    to,
    roles: ['headteacher'],
    recipients: [headteacher.recipientName],
    subject,
    text: templates.confirmation(view),
    attachments: [],
  };
}
