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
import { removeStaleTemporaries } from '../ground/stale-temporaries.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { LocalWriteError, makeFolder, writeFileVerified, writingInto } from '../ground/local-write.js';
import {
  appendJournal,
  messageStates,
  readJournal,
  type JournalRecord,
  type MessageState,
  type PreparedRecord,
  type ResendReason,
} from './journal.js';
import { composeMessage, emlFileName, sha256, type OutgoingMessage } from './message.js';
import { withRetry, type Failure, type RetryOutcome, type RetryPolicy, type Sleep } from './retry.js';
import type { Transport } from './transport.js';

export type MessageResult =
  | { status: 'sent'; response: string; attempts: number; resent: boolean }
  | { status: 'already-sent'; response: string; at: string }
  | { status: 'failed'; failure: Failure; attempts: number }
  /** Refused for good on an earlier run: a person must act (fix the address, the credentials, or ask the server's owner), then run with --retry-failed. */
  | { status: 'needs-attention'; response: string }
  /** Prepared on an earlier run with no outcome recorded: run again with --resume. */
  | { status: 'outcome-unknown'; preparedAt: string }
  /** Not sent: this computer could not write what sending needs (the kept copy, the journal, the outbox file). */
  | { status: 'not-written'; problem: string; folder: string }
  /** Not tried: an earlier message in the batch could not reach the server, or this computer's disk refused. */
  | { status: 'not-attempted'; because: 'unreachable' | 'local-write' | 'configuration' };

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

/** Roles one letter may copy to several bodies: a joint-faith school's dioceses (para 17). */
const sharedRoles: ReadonlySet<string> = new Set(['diocese', 'foundation-body']);

/** True when a prepared record went to one of the message's recipients: the same role, and the same body where a role can have several. */
function sameRecipient(prepared: PreparedRecord, message: OutgoingMessage): boolean {
  return prepared.roles.some((role, i) =>
    message.roles.some((wanted, j) => {
      if (wanted !== role) return false;
      const before = prepared.recipients?.[i];
      // A journal from before recipients were recorded: only a role with one body can be matched.
      if (before === undefined) return !sharedRoles.has(role);
      return before.toLowerCase() === message.recipients[j]?.toLowerCase();
    }),
  );
}

/** What of the journal a planned message matches: by Message-ID, or by the same recipient of the same letter version. */
function previousState(
  message: OutgoingMessage,
  states: Map<string, MessageState>,
): { state: MessageState; sameId: boolean } | undefined {
  const own = states.get(message.messageId);
  if (own) return { state: own, sameId: true };
  // "Never twice" per recipient: this letter version already went to this recipient at another address.
  for (const state of states.values()) {
    const p = state.prepared;
    if (
      state.everSent &&
      p.kind === message.kind &&
      p.urn === message.urn &&
      p.visitDate === message.visitDate &&
      p.version === message.version &&
      sameRecipient(p, message)
    ) {
      return { state, sameId: false };
    }
  }
  return undefined;
}

/** What a run asks for beyond sending what was never sent. */
export interface DistributeOptions {
  /** Deliver again messages whose outcome is unknown (prepared by a run that stopped). */
  resume: boolean;
  /** Deliver again messages refused for good on an earlier run, now that a person has put the cause right. */
  retryFailed?: boolean;
}

/** What a run does with one message, decided from the journal alone. */
export type Decision =
  { action: 'skip'; result: MessageResult } | { action: 'send'; previous?: MessageState; because?: ResendReason };

/**
 * The journal state of a message, and what this run does with it: sent, never
 * again; refused for good, again only with `retryFailed`; outcome unknown,
 * again only with `resume`; failed for a reason that passes, or never tried: sent.
 */
export function decide(
  message: OutgoingMessage,
  states: Map<string, MessageState>,
  options: DistributeOptions,
): Decision {
  const state = previousState(message, states)?.state;
  if (!state) return { action: 'send' };
  if (state.everSent) {
    const last = state.last.type === 'sent' ? state.last : undefined;
    return {
      action: 'skip',
      result: { status: 'already-sent', response: last?.response ?? 'sent', at: last?.at ?? state.prepared.at },
    };
  }
  switch (state.outcome) {
    case 'failed-permanent':
      if (options.retryFailed) return { action: 'send', previous: state, because: 'retry-failed' };
      return {
        action: 'skip',
        result: { status: 'needs-attention', response: state.last.type === 'failed' ? state.last.response : '' },
      };
    case 'unknown':
      if (options.resume) return { action: 'send', previous: state, because: 'resume' };
      return { action: 'skip', result: { status: 'outcome-unknown', preparedAt: state.prepared.at } };
    case 'failed-temporary':
    case 'sent':
      return { action: 'send', previous: state, because: 'temporary-failure' };
  }
}

/** Sends each message at most once across runs; returns what happened to each. */
export async function distribute(
  messages: readonly OutgoingMessage[],
  deps: DistributeDeps,
  options: DistributeOptions,
): Promise<DistributionEntry[]> {
  const { journalFile, mailDir } = deps;
  const letterDir = dirname(journalFile);
  writingInto(letterDir, 'the kept copies of messages (mail/)', () => makeFolder(mailDir));
  const release = writingInto(letterDir, 'the send lock', () => acquireLock(`${journalFile}.lock`));
  try {
    // Held: no other send writes here now. What a dead run left half-written goes.
    for (const dir of [letterDir, mailDir]) removeStaleTemporaries(dir);
    return await distributeLocked(messages, deps, options);
  } finally {
    release();
  }
}

async function distributeLocked(
  messages: readonly OutgoingMessage[],
  deps: DistributeDeps,
  options: DistributeOptions,
): Promise<DistributionEntry[]> {
  const { transport, journalFile } = deps;
  const journalDir = dirname(journalFile);
  const states = writingInto(journalDir, 'the send journal', () => messageStates(readJournal(journalFile).records));
  const entries: DistributionEntry[] = [];
  let stopped: 'unreachable' | 'local-write' | 'configuration' | undefined;

  for (const message of messages) {
    if (stopped) {
      entries.push({ message, result: { status: 'not-attempted', because: stopped } });
      continue;
    }
    let decision = decide(message, states, options);
    if (decision.action === 'skip' && decision.result.status === 'outcome-unknown') {
      // The outbox can be asked: a file there with exactly the prepared bytes arrived; none, and it never did.
      decision = settleFromOutbox(message, states, transport, deps) ?? decision;
    }
    if (decision.action === 'skip') {
      entries.push({ message, result: decision.result });
      continue;
    }
    try {
      const result = await sendOne(message, decision, deps, states);
      entries.push({ message, result });
      // The server cannot be reached: the rest would fail the same way. A permanent refusal concerns this message only.
      if (result.status === 'failed' && result.failure.kind === 'temporary') stopped = 'unreachable';
      // A wrong --smtp URL: no message can go until it is changed.
      if (result.status === 'failed' && result.failure.kind === 'configuration') stopped = 'configuration';
    } catch (error) {
      if (!(error instanceof LocalWriteError)) throw error;
      // This computer's disk refused: every later message would meet the same disk.
      entries.push({ message, result: { status: 'not-written', problem: error.message, folder: error.folder } });
      stopped = 'local-write';
    }
  }
  return entries;
}

/**
 * An outbox message prepared by a run that stopped: the outbox file says what
 * happened. Whole: it arrived, and is recorded as sent now. Missing or
 * different: it never arrived, and is written again (same bytes, same Message-ID).
 */
function settleFromOutbox(
  message: OutgoingMessage,
  states: Map<string, MessageState>,
  transport: Transport,
  deps: DistributeDeps,
): Decision | undefined {
  const state = states.get(message.messageId);
  if (!state || !transport.arrived || state.prepared.transport !== transport.description) return undefined;
  if (!transport.arrived({ fileName: emlFileName(message), sha256: state.prepared.sha256 })) {
    return { action: 'send', previous: state, because: 'resume' };
  }
  const response = `found whole in the ${transport.description} after an interrupted run`;
  const at = deps.now().toISOString();
  writingInto(dirname(deps.journalFile), 'the send journal', () =>
    appendJournal(deps.journalFile, { type: 'sent', at, messageId: message.messageId, response, attempts: 1 }),
  );
  state.outcome = 'sent';
  state.everSent = true;
  return { action: 'skip', result: { status: 'already-sent', response, at } };
}

/** Keeps the exact bytes, records `prepared`, delivers with retries, records the outcome. */
async function sendOne(
  message: OutgoingMessage,
  decision: Decision & { action: 'send' },
  deps: DistributeDeps,
  states: Map<string, MessageState>,
): Promise<MessageResult> {
  const { transport, journalFile, mailDir, now, sleep, retry, log } = deps;
  const journalDir = dirname(journalFile);
  const record = (entry: JournalRecord): void =>
    writingInto(journalDir, 'the send journal', () => appendJournal(journalFile, entry));
  const state = decision.previous;

  // Reuse the kept bytes for a message tried before (same Message-ID, same hash); compose a new one otherwise.
  let raw: Buffer | undefined;
  let emlPath: string;
  if (state) {
    emlPath = join(journalDir, state.prepared.eml);
    raw = existsSync(emlPath) ? readFileSync(emlPath) : undefined;
    if (!raw || sha256(raw) !== state.prepared.sha256) {
      return {
        status: 'needs-attention',
        response: `the kept copy ${state.prepared.eml} is missing or has changed since it was prepared; it is not sent again blindly`,
      };
    }
  } else {
    raw = await composeMessage(message, now());
    emlPath = join(mailDir, emlFileName(message));
    const bytes = raw;
    // Verified on disk before it is recorded: the journal never points at a truncated copy.
    writingInto(journalDir, 'the kept copy of a message (mail/)', () => writeFileVerified(emlPath, bytes));
  }
  const prepared: PreparedRecord = {
    type: 'prepared',
    at: now().toISOString(),
    kind: message.kind,
    urn: message.urn,
    visitDate: message.visitDate,
    version: message.version,
    messageId: message.messageId,
    to: message.to.map((t) => t.email),
    roles: message.roles,
    recipients: message.recipients,
    subject: message.subject,
    eml: relative(journalDir, emlPath),
    sha256: sha256(raw),
    transport: transport.description,
    ...(state ? { resend: true, ...(decision.because ? { resendReason: decision.because } : {}) } : {}),
  };
  record(prepared);
  const delivery = {
    raw,
    envelope: { from: message.from.email, to: message.to.map((t) => t.email) },
    fileName: emlFileName(message),
  };
  let outcome: RetryOutcome<string>;
  try {
    outcome = await withRetry(
      () => transport.deliver(delivery),
      retry,
      sleep,
      (failure, attempt, delay) =>
        log?.(
          `  ${message.to.map((t) => t.email).join(', ')}: ${failure.words} (attempt ${attempt}; again in ${delay < 1000 ? `${delay} ms` : `${Math.round(delay / 1000)} s`})`,
        ),
    );
  } catch (error) {
    if (error instanceof LocalWriteError) {
      // Not delivered (the outbox could not take it whole): said in the journal when the disk still allows.
      try {
        record({
          type: 'failed',
          at: now().toISOString(),
          messageId: message.messageId,
          failure: 'temporary',
          response: error.message,
          code: error.code,
          attempts: 1,
        });
      } catch {
        // the journal's disk is the full one: the outbox file, missing or short, tells the next run
      }
    }
    throw error;
  }
  if (outcome.ok) {
    record({
      type: 'sent',
      at: now().toISOString(),
      messageId: message.messageId,
      response: outcome.value,
      attempts: outcome.attempts,
    });
    states.set(message.messageId, { prepared, outcome: 'sent', last: prepared, everSent: true });
    return { status: 'sent', response: outcome.value, attempts: outcome.attempts, resent: state !== undefined };
  }
  const { failure } = outcome;
  record({
    type: 'failed',
    at: now().toISOString(),
    messageId: message.messageId,
    // A wrong URL is no fault of this message: once it is put right, a plain run sends it.
    failure: failure.kind === 'configuration' ? 'temporary' : failure.kind,
    response: failure.words,
    ...(failure.code ? { code: failure.code } : {}),
    attempts: outcome.attempts,
  });
  return { status: 'failed', failure, attempts: outcome.attempts };
}

/** True when every message of the batch has been delivered (now or before). */
export function allDelivered(entries: readonly DistributionEntry[]): boolean {
  return entries.every((e) => e.result.status === 'sent' || e.result.status === 'already-sent');
}
