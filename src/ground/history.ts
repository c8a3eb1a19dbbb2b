/**
 * Each letter's history (para 17: draft received, finalised, sent, then
 * published or withheld) as append-only JSON lines beside its outputs:
 * `<URN>-<visit date>.history.jsonl`. Appending never rewrites earlier lines.
 */
import { join } from 'node:path';
import { londonDate } from './calendar.js';
import { appendJsonLine, readJsonLines } from './jsonl.js';

export const stages = ['drafted', 'draft-received', 'finalised', 'sent', 'published', 'withheld'] as const;
export type Stage = (typeof stages)[number];

export interface HistoryEvent {
  stage: Stage;
  /** ISO date-time the event was recorded. */
  at: string;
  /** Who did it (the ISP officer finalising, the HMI drafting). */
  by?: string;
  /** Letter version, for finalised letters. */
  version?: number;
  /** Files produced or sent. */
  files?: string[];
  note?: string;
  /** The day the event happened (ISO date), when it is not the day it was recorded (publication). */
  on?: string;
}

/** The history file's path for a letter. */
export function historyPath(outDir: string, urn: string, visitDate: string): string {
  return join(outDir, `${urn}-${visitDate}.history.jsonl`);
}

/** Appends one event and flushes it to disk (unless `sync` is false). */
export function appendHistory(file: string, event: HistoryEvent, options: { sync?: boolean } = {}): void {
  appendJsonLine(file, event, options);
}

/** The version the next finalisation gets: 1 the first time, then one more than the highest recorded. */
export function nextVersion(events: readonly HistoryEvent[]): number {
  let highest = 0;
  for (const event of events) {
    if (event.stage !== 'finalised') continue;
    highest = Math.max(highest, typeof event.version === 'number' ? event.version : 1);
  }
  return highest + 1;
}

/**
 * Records that a letter's files were written by `draft` or `batch`: 'drafted'
 * for a draft, 'finalised' (with the next version) for a final letter, so
 * `status` never shows "awaiting HMI draft" for a letter that exists.
 */
export function recordLetterWritten(
  outDir: string,
  urn: string,
  visitDate: string,
  written: { status: 'draft' | 'final'; at: string; files: string[]; by?: string; sync?: boolean },
): void {
  const file = historyPath(outDir, urn, visitDate);
  const { sync, status, ...rest } = written;
  const event: HistoryEvent =
    status === 'final'
      ? { stage: 'finalised', ...rest, version: nextVersion(readHistory(file).events) }
      : { stage: 'drafted', ...rest };
  appendHistory(file, event, sync === false ? { sync: false } : {});
}

/** Records that a letter (its URN and last visit day) was published (para 18) on a date, so publication is no longer awaited. */
export function recordPublished(
  outDir: string,
  letter: { urn: string; visitDate: string },
  on: string,
  at: string,
): void {
  appendHistory(historyPath(outDir, letter.urn, letter.visitDate), { stage: 'published', at, on });
}

function isHistoryEvent(value: unknown): value is HistoryEvent {
  const event = value as Partial<HistoryEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    (stages as readonly string[]).includes(String(event.stage)) &&
    typeof event.at === 'string'
  );
}

/** Reads a letter's history; a missing file is an empty history. A damaged line is skipped and counted. */
export function readHistory(file: string): { events: HistoryEvent[]; damagedLines: number } {
  const { records, damagedLines } = readJsonLines(file, isHistoryEvent);
  return { events: records, damagedLines };
}

/** What the letter's history says was sent: the version and the London day it went. */
export interface SentLetter {
  version?: number;
  /** ISO date, London. */
  on: string;
}

/** The last sending of the final letter: which version went, and the day it went (London). */
export function lastSent(events: readonly HistoryEvent[]): SentLetter | undefined {
  const sent = events.filter((event) => event.stage === 'sent').at(-1);
  if (!sent) return undefined;
  return { ...(typeof sent.version === 'number' ? { version: sent.version } : {}), on: londonDate(new Date(sent.at)) };
}

/** One finalised version of a letter and what became of it. */
export interface VersionState {
  version: number;
  /** The day it was finalised (the date it bears), ISO. */
  finalisedOn: string;
  by?: string;
  /** The day it was sent (London), if it was. */
  sentOn?: string;
  /** Who it was sent to, if it was. */
  sentTo?: string[];
}

/** Each finalised version, newest first, with its own stage: finalised, or sent and when. */
export function versionStates(events: readonly HistoryEvent[]): VersionState[] {
  const versions = new Map<number, VersionState>();
  for (const event of events) {
    const version = typeof event.version === 'number' ? event.version : 1;
    if (event.stage === 'finalised') {
      versions.set(version, {
        version,
        finalisedOn: event.on ?? londonDate(new Date(event.at)),
        ...(event.by !== undefined ? { by: event.by } : {}),
      });
    } else if (event.stage === 'sent') {
      const state = versions.get(version) ?? { version, finalisedOn: londonDate(new Date(event.at)) };
      versions.set(version, {
        ...state,
        sentOn: londonDate(new Date(event.at)),
        ...(event.files ? { sentTo: event.files } : {}),
      });
    }
  }
  return [...versions.values()].sort((a, b) => b.version - a.version);
}
