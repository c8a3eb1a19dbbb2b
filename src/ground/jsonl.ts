/**
 * Append-only JSON-lines files (the send journal, each letter's history):
 * one record a line, flushed to disk before the append returns. A line cut
 * short by a crash is skipped and counted when read, and never swallows the
 * next record: an append first ends an unterminated last line.
 */
import { closeSync, constants, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAll } from './local-write.js';

/**
 * Opened without following a symbolic link at the file's own name: a link
 * planted in the output folder must not redirect a record elsewhere (ELOOP).
 */
const appendFlags = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
const readFlags = constants.O_RDONLY | constants.O_NOFOLLOW;

/** Appends one record as a line and flushes it to disk (unless `sync` is false: a batch of thousands of letters). */
export function appendJsonLine(file: string, record: unknown, options: { sync?: boolean } = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, appendFlags, 0o666);
  try {
    const size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n'; // a crash left half a line: close it off
    }
    writeAll(fd, Buffer.from(prefix + JSON.stringify(record) + '\n', 'utf8'));
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
    const fd = openSync(file, readFlags);
    try {
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
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
