/**
 * The send journal (PITFALLS 11, 13): append-only JSON lines, each flushed to
 * disk before the next step. A message is recorded as `prepared` (its
 * Message-ID, recipients and the SHA-256 of the exact .eml kept beside the
 * journal) before it is handed to the transport, then `sent` or `failed`.
 * After a crash the journal, not memory, says what happened.
 */
import { appendJsonLine, readJsonLines } from '../ground/jsonl.js';
import type { RecipientRole } from '../rules/types.js';
import type { MessageSubjectMatter } from './message.js';

export interface PreparedRecord extends MessageSubjectMatter {
  type: 'prepared';
  /** ISO date-time. */
  at: string;
  messageId: string;
  to: string[];
  roles: RecipientRole[];
  /** Each role's recipient as the letter names it, in the order of `roles` (absent in journals written by earlier versions). */
  recipients?: string[];
  subject: string;
  /** The .eml, relative to the journal's folder. */
  eml: string;
  sha256: string;
  transport: string;
  /** Set when the same bytes are delivered again, with the same Message-ID. */
  resend?: boolean;
  /** Why they are delivered again. */
  resendReason?: ResendReason;
}

/**
 * Why a message is delivered again: `resume`, its outcome was unknown (--resume);
 * `retry-failed`, it was refused for good and a person asked again (--retry-failed);
 * `temporary-failure`, the last attempt failed for a reason that passes (the next run retries it).
 */
export type ResendReason = 'resume' | 'retry-failed' | 'temporary-failure';

export interface SentRecord {
  type: 'sent';
  at: string;
  messageId: string;
  /** The server's words (or where the outbox put the file). */
  response: string;
  attempts: number;
}

export interface FailedRecord {
  type: 'failed';
  at: string;
  messageId: string;
  /** `unknown`: the reply was lost after the data went; the server may have it (only --resume sends it again). */
  failure: 'temporary' | 'permanent' | 'unknown';
  /** The server's words, or the error. */
  response: string;
  code?: string;
  attempts: number;
}

export type JournalRecord = PreparedRecord | SentRecord | FailedRecord;

/** Appends one record and flushes it to disk before returning. */
export function appendJournal(file: string, record: JournalRecord): void {
  appendJsonLine(file, record);
}

function isJournalRecord(value: unknown): value is JournalRecord {
  const record = value as Partial<JournalRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    ['prepared', 'sent', 'failed'].includes(String(record.type)) &&
    typeof record.messageId === 'string'
  );
}

/** Reads the journal; a missing file is empty. A line cut short by a crash is skipped and counted. */
export function readJournal(file: string): { records: JournalRecord[]; damagedLines: number } {
  return readJsonLines(file, isJournalRecord);
}

/** Where a message stands: its last prepared record and its outcome since then. */
export interface MessageState {
  prepared: PreparedRecord;
  /** `unknown`: prepared, then nothing (the process stopped while or before delivering it), or the reply was lost after the data went. */
  outcome: 'sent' | 'failed-temporary' | 'failed-permanent' | 'unknown';
  last: JournalRecord;
  /** Ever sent (a later record never undoes a delivery). */
  everSent: boolean;
}

/** Each message's state, by Message-ID. */
export function messageStates(records: readonly JournalRecord[]): Map<string, MessageState> {
  const states = new Map<string, MessageState>();
  for (const record of records) {
    const state = states.get(record.messageId);
    if (record.type === 'prepared') {
      states.set(record.messageId, {
        prepared: record,
        outcome: state?.everSent ? 'sent' : 'unknown',
        last: record,
        everSent: state?.everSent ?? false,
      });
    } else if (state) {
      state.last = record;
      if (record.type === 'sent') {
        state.outcome = 'sent';
        state.everSent = true;
      } else if (!state.everSent) {
        state.outcome =
          record.failure === 'temporary'
            ? 'failed-temporary'
            : record.failure === 'unknown'
              ? 'unknown'
              : 'failed-permanent';
      }
    }
  }
  return states;
}
