/**
 * Plans a send before anything leaves: every recipient addressed, the final
 * letter found, every header checked. Any problem anywhere means nothing is
 * sent (para 17: the headteacher and every copy, never a partial list); the
 * problems come back together, each saying where to fix it.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import { RecipientsError, resolveRecipients } from '../rules/recipients.js';
import type { RecipientList } from '../rules/types.js';
import { HeaderError } from './addresses.js';
import { addressRecipients, senderAddress } from './addressees.js';
import { buildConfirmation } from './confirmation.js';
import type { Contacts } from './contacts.js';
import type { EmailTemplates } from './email-templates.js';
import { FinalLetterError, findFinalLetter, type FinalLetter } from './final-letter.js';
import { buildLetterMessages } from './letter-messages.js';
import type { OutgoingMessage } from './message.js';

export interface PlanContext {
  contacts: Contacts;
  contactsFile: string;
  templates: EmailTemplates;
}

export interface Plan {
  messages: OutgoingMessage[];
  /** Each a full sentence naming what is wrong and where to fix it. */
  problems: string[];
  /** Why there is no final letter to send (it comes before any address: put right first). */
  letterProblems?: string[];
  letter?: FinalLetter;
  recipients?: RecipientList;
}

function headerProblem(error: unknown): string {
  if (error instanceof HeaderError) return error.message;
  throw error;
}

/** The messages that send a form's final letter from `letterDir`, or every reason they cannot be sent. */
export function planLetterSend(form: EvidenceForm, formFile: string, letterDir: string, context: PlanContext): Plan {
  const { contacts, contactsFile, templates } = context;
  const problems: string[] = [];
  let recipients: RecipientList | undefined;
  try {
    recipients = resolveRecipients(form.school, form.headteacher);
  } catch (error) {
    if (!(error instanceof RecipientsError)) throw error;
    problems.push(`${formFile}: ${error.message}`);
  }
  let letter: FinalLetter | undefined;
  const letterProblems: string[] = [];
  try {
    letter = findFinalLetter(form, letterDir);
  } catch (error) {
    if (!(error instanceof FinalLetterError)) throw error;
    letterProblems.push(error.message);
  }
  const { sender, signature = [], problem } = senderAddress(form, contacts, formFile, contactsFile);
  if (problem) problems.push(problem);
  if (!recipients) return { messages: [], problems, letterProblems };
  const addressing = addressRecipients({ form, recipients, contacts, formFile, contactsFile });
  for (const p of addressing.problems) problems.push(`${p.message}: add or correct it in ${p.fix}`);
  if (problems.length > 0 || !letter || !sender)
    return { messages: [], problems, letterProblems, recipients, ...(letter ? { letter } : {}) };
  try {
    const messages = buildLetterMessages({
      form,
      formFile,
      recipients,
      addressees: addressing.addressees,
      letter,
      sender,
      signature,
      templates,
    });
    return { messages, problems, recipients, letter };
  } catch (error) {
    return { messages: [], problems: [headerProblem(error)], recipients, letter };
  }
}

/** The visit-confirmation message for a form (para 8), or every reason it cannot be sent. */
export function planConfirmation(form: EvidenceForm, formFile: string, context: PlanContext): Plan {
  const { contacts, contactsFile, templates } = context;
  const problems: string[] = [];
  const head = form.headteacher;
  const name = head ? [head.title, head.firstName, head.lastName].filter(Boolean).join(' ') : 'the Headteacher';
  const recipients: RecipientList = {
    to: { role: 'headteacher', name, reason: 'the ISP confirms the inspection to the school', paragraph: '8' },
    copies: [],
    notCopied: [],
  };
  const { sender, signature = [], problem } = senderAddress(form, contacts, formFile, contactsFile);
  if (problem) problems.push(problem);
  const addressing = addressRecipients({ form, recipients, contacts, formFile, contactsFile });
  for (const p of addressing.problems) problems.push(`${p.message}: add or correct it in ${p.fix}`);
  const headteacher = addressing.addressees[0];
  if (problems.length > 0 || !sender || !headteacher) return { messages: [], problems, recipients };
  try {
    return {
      messages: [buildConfirmation({ form, formFile, headteacher, sender, signature, templates })],
      problems,
      recipients,
    };
  } catch (error) {
    return { messages: [], problems: [headerProblem(error)], recipients };
  }
}
