/** How a message and its outcome read on the terminal. Pure: data in, lines out. */
import type { Decision, DistributionEntry } from './distribute.js';
import type { OutgoingMessage } from './message.js';
import type { Transport } from './transport.js';

/** "121190 letter v1 → Mrs Zoë Hughes <head@…> (headteacher); PDF …; <id>". */
export function describeMessage(m: OutgoingMessage): string {
  const to = m.to.map((t) => `${t.name} <${t.email}>`).join(', ');
  const what = m.kind === 'letter' ? `letter v${m.version}` : 'visit confirmation';
  const files = m.attachments.length > 0 ? `; attached: ${m.attachments.map((a) => a.filename).join(', ')}` : '';
  return `${m.urn} ${what} to ${to} (${m.roles.join(', ')}): "${m.subject}"${files}; ${m.messageId}`;
}

/** What a real run would do with a message (for --dry-run). */
export function describeDecision(decision: Decision): string {
  if (decision.action === 'send') {
    switch (decision.because) {
      case undefined:
        return 'would be sent';
      case 'resume':
        return 'would be sent again (--resume), same bytes and Message-ID';
      case 'retry-failed':
        return 'would be sent again (--retry-failed), same bytes and Message-ID';
      case 'temporary-failure':
        return 'would be sent again: the last attempt failed for a reason that passes';
    }
  }
  const result = decision.result;
  switch (result.status) {
    case 'already-sent':
      return `already sent on ${result.at}; not sent again`;
    case 'needs-attention':
      return `needs attention: refused earlier (${result.response}); --retry-failed sends it again`;
    case 'outcome-unknown':
      return `outcome unknown (prepared on ${result.preparedAt} by a run that stopped); --resume sends it again`;
    default:
      return result.status;
  }
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
      if (result.failure.kind === 'configuration') return `NOT SENT: ${who}: ${result.failure.words}`;
      if (result.failure.kind === 'unknown') {
        return `DELIVERY UNKNOWN: ${who}: ${result.failure.words}; not sent again by itself (--resume sends it again, same Message-ID)`;
      }
      return `FAILED (${result.failure.kind}, after ${result.attempts} attempt(s)): ${who}: ${result.failure.words}${
        result.failure.kind === 'permanent' ? ' — needs attention' : ''
      }`;
    case 'needs-attention':
      return `NEEDS ATTENTION: ${who}: refused earlier: ${result.response}; not sent again`;
    case 'outcome-unknown':
      return `UNKNOWN: ${who}: prepared on ${result.preparedAt} by a run that stopped; run again with --resume`;
    case 'not-written':
      return `NOT SENT: ${who}: ${result.problem}`;
    case 'not-attempted':
      return result.because === 'local-write'
        ? `not attempted: ${who}: this computer could not write what sending needs (see above)`
        : result.because === 'configuration'
          ? `not attempted: ${who}: the --smtp URL must be changed first (see above)`
          : `not attempted: ${who}: the server could not be reached`;
  }
}

/** What the user can do about the messages a run did not deliver: one paragraph per kind of trouble. */
export function adviceAfter(
  entries: readonly DistributionEntry[],
  transport: { kind: Transport['kind']; destination: string },
  journal: string,
): string[] {
  const count = (test: (e: DistributionEntry) => boolean): number => entries.filter(test).length;
  const passing = count(
    (e) =>
      (e.result.status === 'not-attempted' && e.result.because === 'unreachable') ||
      (e.result.status === 'failed' && e.result.failure.kind === 'temporary'),
  );
  const local = entries.flatMap((e) => (e.result.status === 'not-written' ? [e.result.problem] : []));
  const notWritten = count(
    (e) =>
      e.result.status === 'not-written' || (e.result.status === 'not-attempted' && e.result.because === 'local-write'),
  );
  const refused = count(
    (e) =>
      e.result.status === 'needs-attention' || (e.result.status === 'failed' && e.result.failure.kind === 'permanent'),
  );
  const unknownTo = entries.flatMap((e) =>
    e.result.status === 'outcome-unknown' || (e.result.status === 'failed' && e.result.failure.kind === 'unknown')
      ? e.message.to.map((t) => t.email)
      : [],
  );
  const unknown = unknownTo.length;
  const configuration = entries.flatMap((e) =>
    e.result.status === 'failed' && e.result.failure.kind === 'configuration' ? [e.result.failure.words] : [],
  );
  const lines: string[] = [];
  if (configuration.length > 0) {
    lines.push(
      `${configuration[0]}. No message is marked as failed for good: once --smtp is right, the same command sends every message, once.`,
    );
  }
  if (local.length > 0) {
    // This computer's disk, never a recipient's fault: nothing recorded as sent is short, and nothing goes twice.
    lines.push(
      `${notWritten} message(s) not sent: ${local[0]}. ` +
        `Every message recorded as sent was checked whole on disk first; what was not sent is sent by that run, once.`,
    );
  }
  if (passing > 0) {
    lines.push(
      transport.kind === 'smtp'
        ? `${passing} message(s) not delivered: could not reach the mail server ${transport.destination} (a name that does not resolve, a refused connection, a timeout or a 4xx reply). ` +
            `Nothing is marked as failed for good: check --smtp (host and port) and the network, then run the same command again; ` +
            `what was not delivered is sent then, and nothing twice.`
        : `${passing} message(s) not written to ${transport.destination}: check that the folder can be written, then run the same command again.`,
    );
  }
  if (refused > 0) {
    lines.push(
      `${refused} message(s) refused for good (the server's words are above): put the cause right first ` +
        `(a wrong address: correct it in the contacts file or the form, and a plain run sends to the new address; ` +
        `wrong credentials or the server's policy: fix them), then run again with --retry-failed to send the same message again.`,
    );
  }
  if (unknown > 0) {
    lines.push(
      `${unknown} message(s) may or may not have been delivered (a run stopped, or the server's reply was lost after the message went): ` +
        `${unknownTo.join(', ')}. They are not sent again by themselves, so no one gets two copies unasked. ` +
        `Ask the recipients or the server's owner, or run again with --resume to send them again ` +
        `(the same bytes and Message-ID, so a receiving server can drop a duplicate).`,
    );
  }
  if (lines.length > 0) lines.push(`some messages were not delivered: see above and the journal ${journal}`);
  return lines;
}
