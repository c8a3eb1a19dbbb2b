/** How a message and its outcome read on the terminal. Pure: data in, one line out. */
import type { DistributionEntry } from './distribute.js';
import type { OutgoingMessage } from './message.js';

/** "121190 letter v1 → Mrs Zoë Hughes <head@…> (headteacher); PDF …; <id>". */
export function describeMessage(m: OutgoingMessage): string {
  const to = m.to.map((t) => `${t.name} <${t.email}>`).join(', ');
  const what = m.kind === 'letter' ? `letter v${m.version}` : 'visit confirmation';
  const files = m.attachments.length > 0 ? `; attached: ${m.attachments.map((a) => a.filename).join(', ')}` : '';
  return `${m.urn} ${what} to ${to} (${m.roles.join(', ')}): "${m.subject}"${files}; ${m.messageId}`;
}

/** One line saying what happened to a message. */
export function describeResult({ message, result }: DistributionEntry): string {
  const who = `${message.urn} ${message.kind} to ${message.to.map((t) => t.email).join(', ')}`;
  switch (result.status) {
    case 'sent':
      return `sent${result.resent ? ' again (same Message-ID)' : ''}: ${who}: ${result.response}`;
    case 'already-sent':
      return `already sent on ${result.at}: ${who}; not sent again`;
    case 'failed':
      return `FAILED (${result.failure.kind}, after ${result.attempts} attempt(s)): ${who}: ${result.failure.words}${
        result.failure.kind === 'permanent' ? ' — needs attention' : ''
      }`;
    case 'needs-attention':
      return `NEEDS ATTENTION: ${who}: refused earlier: ${result.response}; not sent again`;
    case 'outcome-unknown':
      return `UNKNOWN: ${who}: prepared on ${result.preparedAt} by a run that stopped; run again with --resume`;
    case 'not-attempted':
      return `not attempted: ${who}: the server could not be reached`;
  }
}
