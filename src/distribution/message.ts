/**
 * One outgoing e-mail, and its exact bytes. The MIME is nodemailer's own
 * (its stream transport, buffered, CRLF line ends), never hand-made; the
 * Message-ID is fixed from the letter, its version and the recipients
 * (PITFALLS 11), so the same message always has the same id.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { RecipientRole } from '../rules/types.js';

/** What a message is about. */
export interface MessageSubjectMatter {
  kind: 'letter' | 'confirmation';
  urn: string;
  /** The (last) visit day, YYYY-MM-DD. */
  visitDate: string;
  /** The letter's version (0 for a visit confirmation, which has none). */
  version: number;
}

export interface MailAddress {
  name: string;
  email: string;
}

export interface MessageAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** A message ready to compose. */
export interface OutgoingMessage extends MessageSubjectMatter {
  messageId: string;
  from: MailAddress;
  to: MailAddress[];
  /** The recipients' roles (para 17), for the journal. */
  roles: RecipientRole[];
  /** Each role's recipient as the letter names it ("the Diocese of Liverpool"), in the order of `roles`. */
  recipients: string[];
  subject: string;
  text: string;
  attachments: MessageAttachment[];
}

export const messageIdDomain = 'monitoring-letter.invalid';

/** `<32 hex@monitoring-letter.invalid>` from the letter, its version and the sorted recipient set. */
export function messageIdFor(matter: MessageSubjectMatter, recipients: readonly string[]): string {
  const set = [...new Set(recipients.map((r) => r.toLowerCase()))].sort();
  const key = JSON.stringify([matter.kind, matter.urn, matter.visitDate, matter.version, set]);
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${messageIdDomain}>`;
}

/** SHA-256 (hex) of some bytes. */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file name for a message's .eml: URN, visit date, kind, version and the id's hash. */
export function emlFileName(message: OutgoingMessage): string {
  const hash = /^<([0-9a-f]+)@/.exec(message.messageId)?.[1] ?? sha256(message.messageId).slice(0, 32);
  const version = message.kind === 'letter' ? `-v${message.version}` : '';
  return `${message.urn}-${message.visitDate}-${message.kind}${version}-${hash.slice(0, 12)}.eml`;
}

let composer: ReturnType<typeof nodemailer.createTransport> | undefined;

/** The message's exact bytes (RFC 5322, CRLF), dated `date`. */
export async function composeMessage(message: OutgoingMessage, date: Date): Promise<Buffer> {
  composer ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await composer.sendMail({
    messageId: message.messageId,
    date,
    from: { name: message.from.name, address: message.from.email },
    to: message.to.map((t) => ({ name: t.name, address: t.email })),
    subject: message.subject,
    text: message.text,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
    headers: {
      'X-Monitoring-Letter': `${message.kind}; urn=${message.urn}; visit=${message.visitDate}; version=${message.version}`,
    },
  });
  const bytes = (info as { message?: unknown }).message;
  if (!Buffer.isBuffer(bytes)) throw new Error('nodemailer did not return the message bytes');
  return bytes;
}
