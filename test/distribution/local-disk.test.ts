/**
 * A full or read-only disk under `send`: nothing truncated is ever recorded
 * as sent, the run ends with exit 3 and a plain message naming the folder
 * (never "internal error", never a recipient's fault), and once the disk is
 * put right the same command sends what was not sent, once.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { sha256 } from '../../src/ground/local-write.js';
import { fakeIo } from '../support/fake-io.js';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk.js';
import { journal, makeWorkspace } from './workspace.js';

const disks: SmallDisk[] = [];
afterEach(() => {
  while (disks.length > 0) disks.pop()!.unmount();
});

function disk(kilobytes: number): SmallDisk | string {
  const d = mountSmallDisk(kilobytes);
  if (typeof d !== 'string') disks.push(d);
  return d;
}

const probe = mountSmallDisk(8);
const noMount = typeof probe === 'string' ? probe : undefined;
if (typeof probe !== 'string') probe.unmount();

/** Every message the journal records as sent has a complete outbox file and kept copy, with the recorded hash. */
function expectSentMeansWhole(letterDir: string, outboxDir: string): string[] {
  const records = journal(letterDir);
  const sentIds = records.filter((r) => r.type === 'sent').map((r) => String(r.messageId));
  for (const id of sentIds) {
    const prepared = records.filter((r) => r.type === 'prepared' && r.messageId === id).at(-1)!;
    const kept = readFileSync(join(letterDir, String(prepared.eml)));
    expect(sha256(kept)).toBe(prepared.sha256);
    const written = readFileSync(join(outboxDir, String(prepared.eml).split('/').at(-1)!));
    expect(written.length).toBe(kept.length);
    expect(sha256(written)).toBe(prepared.sha256);
  }
  return sentIds;
}

describe.skipIf(noMount !== undefined)(
  `send on a full or read-only disk${noMount ? ` (skipped: ${noMount})` : ''}`,
  () => {
    it('a full letter folder: exit 3 naming it, nothing truncated recorded as sent; after freeing space the same command sends the rest once', async () => {
      const small = disk(128);
      if (typeof small === 'string') throw new Error(small);
      const ws = makeWorkspace();
      const { file } = ws.addLetter('121190');
      const letterDir = join(small.dir, 'letters');
      const shown = letterDir;
      rmSync(join(small.dir, 'letters'), { recursive: true, force: true });
      // The final letter in the small disk's letter folder, then the disk filled to a few kilobytes free.
      const { mkdirSync } = await import('node:fs');
      mkdirSync(letterDir);
      for (const name of readdirSync(ws.letterDir)) copyFileSync(join(ws.letterDir, name), join(letterDir, name));
      small.fill(14 * 1024);

      const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
      const code = await main(['send', file, '--contacts', ws.contacts, '--letter-dir', letterDir], io);
      expect(code).toBe(3);
      expect(io.err).toContain(shown);
      expect(io.err).toMatch(/the disk is full/);
      expect(io.err).not.toMatch(/internal error|refused for good|needs attention|at .*\.ts:\d+/i);
      const outboxDir = join(letterDir, 'outbox');
      const sentBefore = expectSentMeansWhole(letterDir, outboxDir);
      expect(sentBefore.length).toBeLessThan(4);

      rmSync(join(small.dir, '.filler'));
      const again = fakeIo(ws.dir, { now: '2014-03-20T10:05:00Z' });
      expect(await main(['send', file, '--contacts', ws.contacts, '--letter-dir', letterDir], again)).toBe(0);
      const sent = expectSentMeansWhole(letterDir, outboxDir);
      expect(new Set(sent).size).toBe(4); // headteacher, chair, LA, diocese
      expect(sent).toHaveLength(4); // each once
      expect(readdirSync(outboxDir).filter((n) => n.endsWith('.eml'))).toHaveLength(4);
      expect(readdirSync(outboxDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });

    it('an outbox on a full disk: exit 3 naming the outbox, never filed as a recipient refused for good', async () => {
      const small = disk(64);
      if (typeof small === 'string') throw new Error(small);
      const ws = makeWorkspace();
      const { file } = ws.addLetter('121190');
      small.fill(16 * 1024);
      const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
      const code = await main(['send', file, '--contacts', ws.contacts, '--outbox', small.dir], io);
      expect(code).toBe(3);
      expect(io.err).toContain(small.dir);
      expect(io.err).toMatch(/the disk is full/);
      expect(io.err).not.toMatch(/internal error|refused for good|correct it in the contacts|needs attention/i);
      expect(journal(ws.letterDir).filter((r) => r.type === 'failed' && r.failure === 'permanent')).toEqual([]);
      expectSentMeansWhole(ws.letterDir, small.dir);

      rmSync(join(small.dir, '.filler'));
      const again = fakeIo(ws.dir, { now: '2014-03-20T10:05:00Z' });
      expect(await main(['send', file, '--contacts', ws.contacts, '--outbox', small.dir], again)).toBe(0);
      expect(expectSentMeansWhole(ws.letterDir, small.dir)).toHaveLength(4);
    });

    it('a read-only letter folder: exit 3 with a plain message naming it, no stack trace', async () => {
      const small = disk(64);
      if (typeof small === 'string') throw new Error(small);
      const ws = makeWorkspace();
      const { file } = ws.addLetter('121190');
      for (const name of readdirSync(ws.letterDir)) copyFileSync(join(ws.letterDir, name), join(small.dir, name));
      small.readOnly();
      const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
      const code = await main(['send', file, '--contacts', ws.contacts, '--letter-dir', small.dir], io);
      expect(code).toBe(3);
      expect(io.err).toContain(small.dir);
      expect(io.err).toMatch(/read-only/);
      expect(io.err).not.toMatch(/internal error|EROFS:|\n\s+at /);
      expect(existsSync(join(small.dir, 'send-journal.jsonl'))).toBe(false);
    });
  },
);
