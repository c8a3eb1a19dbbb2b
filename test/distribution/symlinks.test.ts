/**
 * The send journal and a letter's history are opened without following a
 * symbolic link at their own name (O_NOFOLLOW), like the letter files: a link
 * planted in the output folder never sends a record somewhere else.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';
import { makeWorkspace } from './workspace.js';

describe('journal and history through a symbolic link', () => {
  it('a send journal that is a symbolic link: exit 3 saying so; its target is never written', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const target = join(ws.dir, 'elsewhere.txt');
    writeFileSync(target, 'not a journal\n');
    symlinkSync(target, join(ws.letterDir, 'send-journal.jsonl'));
    const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(3);
    expect(io.err).toMatch(/symbolic link/);
    expect(io.err).not.toMatch(/internal error/);
    expect(readFileSync(target, 'utf8')).toBe('not a journal\n');
  });

  it('a letter history that is a symbolic link: the target never receives the record, and exit 3 says why', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const target = join(ws.dir, 'elsewhere.txt');
    writeFileSync(target, 'not a history\n');
    symlinkSync(target, join(ws.letterDir, '121190-2014-03-12.history.jsonl'));
    const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(3);
    expect(io.err).toMatch(/symbolic link/);
    expect(io.err).not.toMatch(/internal error/);
    expect(readFileSync(target, 'utf8')).toBe('not a history\n');
  });
});
