/**
 * Append-only JSON-lines files (the send journal, each letter's history):
 * one record a line, flushed to disk before the append returns. A line cut
 * short by a crash is skipped and counted when read, and never swallows the
 * next record: an append first ends an unterminated last line.
 */
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Appends one record as a line and flushes it to disk (unless `sync` is false: a batch of thousands of letters). */
export function appendJsonLine(file: string, record: unknown, options: { sync?: boolean } = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n'; // a crash left half a line: close it off
    }
    writeSync(fd, prefix + JSON.stringify(record) + '\n');
    if (options.sync !== false) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads every record that `accept` recognises; a missing file is empty; other lines are counted as damaged. */
export function readJsonLines<T>(
  file: string,
  accept: (value: unknown) => value is T,
): { records: T[]; damagedLines: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damagedLines: 0 };
    throw error;
  }
  const records: T[] = [];
  let damagedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (accept(value)) records.push(value);
      else damagedLines += 1;
    } catch {
      damagedLines += 1;
    }
  }
  return { records, damagedLines };
}
