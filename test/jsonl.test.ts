import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendJsonLine, readJsonLines } from '../src/ground/jsonl.js';

const isRecord = (v: unknown): v is { n: number } => typeof (v as { n?: unknown })?.n === 'number';

describe('append-only JSON lines', () => {
  it('a line cut short by a crash does not swallow the next record', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jsonl-')), 'sub', 'journal.jsonl');
    appendJsonLine(file, { n: 1 });
    appendFileSync(file, '{"n": 2, "half'); // the process died mid-write, no newline
    appendJsonLine(file, { n: 3 });
    const { records, damagedLines } = readJsonLines(file, isRecord);
    expect(records).toEqual([{ n: 1 }, { n: 3 }]);
    expect(damagedLines).toBe(1);
    expect(readFileSync(file, 'utf8').endsWith('{"n":3}\n')).toBe(true);
  });

  it('counts lines that parse but are not records as damaged', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jsonl-')), 'j.jsonl');
    appendJsonLine(file, { n: 1 });
    appendJsonLine(file, { other: true });
    appendJsonLine(file, null);
    expect(readJsonLines(file, isRecord)).toEqual({ records: [{ n: 1 }], damagedLines: 2 });
  });

  it('a missing file is empty', () => {
    expect(readJsonLines(join(tmpdir(), 'no-such-dir-ml', 'x.jsonl'), isRecord)).toEqual({
      records: [],
      damagedLines: 0,
    });
  });
});
