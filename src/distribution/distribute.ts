/**
 * Sends a batch of messages never twice and never lost (PITFALLS 11–13).
 * For each message, in order: ask the journal; compose the exact bytes and
 * keep them (the .eml audit copy); record `prepared`; deliver with retries;
 * record `sent` or `failed`. A message whose outcome is unknown (prepared,
 * then the process stopped) is delivered again only with `resume`, and then
 * as the same bytes with the same Message-ID, so a receiving server can
 * deduplicate it.
 */
import { acquireLock } from './lock.js';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appendJournal, messageStates, readJournal, type MessageState } from './journal.js';
import { composeMessage, emlFileName, sha256, type OutgoingMessage } from './message.js';
import { withRetry, type Failure, type RetryPolicy, type Sleep } from './retry.js';
import { writeFileDurably, type Transport } from './transport.js';

export type MessageResult =
  | { status: 'sent'; response: string; attempts: number; resent: boolean }
  | { status: 'already-sent'; response: string; at: string }
  | { status: 'failed'; failure: Failure; attempts: number }
  /** Rejected for good on an earlier run: a person must act (fix the address, or ask the server's owner). */
  | { status: 'needs-attention'; response: string }
  /** Prepared on an earlier run with no outcome recorded: run again with --resume. */
  | { status: 'outcome-unknown'; preparedAt: string }
  /** Not tried: an earlier message in the batch could not reach the server. */
  | { status: 'not-attempted' };

export interface DistributionEntry {
  message: OutgoingMessage;
  result: MessageResult;
}

export interface DistributeDeps {
  transport: Transport;
  /** The journal file; the .eml audit copies go in `mailDir`. */
  journalFile: string;
  mailDir: string;
  now: () => Date;
  sleep: Sleep;
  retry: RetryPolicy;
  /** Progress lines for the terminal. */
  log?: (line: string) => void;
}

/** What of the journal a planned message matches: by Message-ID, or by the same role of the same letter version. */
function previousState(
  message: OutgoingMessage,
  states: Map<string, MessageState>,
): { state: MessageState; sameId: boolean } | undefined {
  const own = states.get(message.messageId);
  if (own) return { state: own, sameId: true };
  // "Never twice" per role: this letter version already went to this role at another address.
  for (const state of states.values()) {
    const p = state.prepared;
    if (
      state.everSent &&
      p.kind === message.kind &&
      p.urn === message.urn &&
      p.visitDate === message.visitDate &&
      p.version === message.version &&
      p.roles.some((r) => message.roles.includes(r))
    ) {
      return { state, sameId: false };
    }
  }
  return undefined;
}

/** Sends each message at most once across runs; returns what happened to each. */
export async function distribute(
  messages: readonly OutgoingMessage[],
  deps: DistributeDeps,
  options: { resume: boolean },
): Promise<DistributionEntry[]> {
  const { journalFile, mailDir } = deps;
  mkdirSync(mailDir, { recursive: true });
  const release = acquireLock(`${journalFile}.lock`);
  try {
    return await distributeLocked(messages, deps, options);
  } finally {
    release();
  }
}

async function distributeLocked(
  messages: readonly OutgoingMessage[],
  deps: DistributeDeps,
  options: { resume: boolean },
): Promise<DistributionEntry[]> {
  const { transport, journalFile, mailDir, now, sleep, retry, log } = deps;
  const journalDir = join(journalFile, '..');
  const states = messageStates(readJournal(journalFile).records);
  const entries: DistributionEntry[] = [];
  let stopped = false;

  for (const message of messages) {
    if (stopped) {
      entries.push({ message, result: { status: 'not-attempted' } });
      continue;
    }
    const previous = previousState(message, states);
    const state = previous?.state;
    if (state?.everSent) {
      const last = state.last.type === 'sent' ? state.last : undefined;
      entries.push({
        message,
        result: { status: 'already-sent', response: last?.response ?? 'sent', at: last?.at ?? state.prepared.at },
      });
      continue;
    }
    if (state?.outcome === 'failed-permanent' && state.last.type === 'failed') {
      entries.push({ message, result: { status: 'needs-attention', response: state.last.response } });
      continue;
    }
    if (state?.outcome === 'unknown' && !options.resume) {
      entries.push({ message, result: { status: 'outcome-unknown', preparedAt: state.prepared.at } });
      continue;
    }

    // Reuse the kept bytes for a message tried before (same Message-ID, same hash); compose a new one otherwise.
    let raw: Buffer | undefined;
    let emlPath: string;
    if (state) {
      emlPath = join(journalDir, state.prepared.eml);
      raw = existsSync(emlPath) ? readFileSync(emlPath) : undefined;
      if (!raw || sha256(raw) !== state.prepared.sha256) {
        entries.push({
          message,
          result: {
            status: 'needs-attention',
            response: `the kept copy ${state.prepared.eml} is missing or has changed since it was prepared; it is not sent again blindly`,
          },
        });
        continue;
      }
    } else {
      raw = await composeMessage(message, now());
      emlPath = join(mailDir, emlFileName(message));
      writeFileDurably(emlPath, raw);
    }
    const hash = sha256(raw);
    const prepared = {
      type: 'prepared' as const,
      at: now().toISOString(),
      kind: message.kind,
      urn: message.urn,
      visitDate: message.visitDate,
      version: message.version,
      messageId: message.messageId,
      to: message.to.map((t) => t.email),
      roles: message.roles,
      subject: message.subject,
      eml: relative(journalDir, emlPath),
      sha256: hash,
      transport: transport.description,
      ...(state ? { resend: true } : {}),
    };
    appendJournal(journalFile, prepared);
    const delivery = {
      raw,
      envelope: { from: message.from.email, to: message.to.map((t) => t.email) },
      fileName: emlFileName(message),
    };
    const outcome = await withRetry(
      () => transport.deliver(delivery),
      retry,
      sleep,
      (failure, attempt, delay) =>
        log?.(
          `  ${message.to.map((t) => t.email).join(', ')}: ${failure.words} (attempt ${attempt}; again in ${Math.round(delay / 1000)} s)`,
        ),
    );
    if (outcome.ok) {
      appendJournal(journalFile, {
        type: 'sent',
        at: now().toISOString(),
        messageId: message.messageId,
        response: outcome.value,
        attempts: outcome.attempts,
      });
      states.set(message.messageId, { prepared, outcome: 'sent', last: prepared, everSent: true });
      entries.push({
        message,
        result: { status: 'sent', response: outcome.value, attempts: outcome.attempts, resent: state !== undefined },
      });
    } else {
      const { failure } = outcome;
      appendJournal(journalFile, {
        type: 'failed',
        at: now().toISOString(),
        messageId: message.messageId,
        failure: failure.kind,
        response: failure.words,
        ...(failure.code ? { code: failure.code } : {}),
        attempts: outcome.attempts,
      });
      entries.push({ message, result: { status: 'failed', failure, attempts: outcome.attempts } });
      // The server cannot be reached: the rest would fail the same way. A permanent refusal concerns this message only.
      if (failure.kind === 'temporary') stopped = true;
    }
  }
  return entries;
}

/** True when every message of the batch has been delivered (now or before). */
export function allDelivered(entries: readonly DistributionEntry[]): boolean {
  return entries.every((e) => e.result.status === 'sent' || e.result.status === 'already-sent');
}
