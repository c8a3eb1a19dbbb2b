/**
 * Each letter's history (para 17: draft received, finalised, sent, then
 * published or withheld) as append-only JSON lines beside its outputs:
 * `<URN>-<visit date>.history.jsonl`. Appending never rewrites earlier lines.
 */
import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify(event) + '\n', 'utf8');
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads a letter's history; a missing file is an empty history. A damaged line is skipped and counted. */
export function readHistory(file: string): { events: HistoryEvent[]; damagedLines: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], damagedLines: 0 };
    throw error;
  }
  const events: HistoryEvent[] = [];
  let damagedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const event = JSON.parse(line) as HistoryEvent;
      if ((stages as readonly string[]).includes(event.stage) && typeof event.at === 'string') events.push(event);
      else damagedLines += 1;
    } catch {
      damagedLines += 1; // a line cut short by a crash mid-write
    }
  }
  return { events, damagedLines };
}
