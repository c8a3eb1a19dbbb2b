/**
 * Each letter's history (para 17: draft received, finalised, sent, then
 * published or withheld) as append-only JSON lines beside its outputs:
 * `<URN>-<visit date>.history.jsonl`. Appending never rewrites earlier lines.
 */
import { join } from 'node:path';
import { appendJsonLine, readJsonLines } from '../jsonl.js';

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
}

/** The history file's path for a letter. */
export function historyPath(outDir: string, urn: string, visitDate: string): string {
  return join(outDir, `${urn}-${visitDate}.history.jsonl`);
}

/** Appends one event and flushes it to disk. */
export function appendHistory(file: string, event: HistoryEvent): void {
  appendJsonLine(file, event);
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
