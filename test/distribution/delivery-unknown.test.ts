/**
 * A reply lost after the message's data went to the server: the server may
 * have accepted it, so it is never sent again by the tool's own choice. The
 * run ends with exit 3 naming the recipients; `send --resume` sends them again
 * with the same bytes and Message-ID, so a receiving server can drop a duplicate.
 */
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';
import { startFaultServer, type FaultServer } from '../support/smtp-fault-server.js';
import { journal, makeWorkspace } from './workspace.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.stop();
});

describe('delivery unknown: the connection dropped after DATA, before the reply', () => {
  it('is not retried in the same run; exit 3 names the recipient; a plain rerun leaves it; --resume sends the same Message-ID once', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const s = await startFaultServer({ loseReplyAfterData: 1 });
    servers.push(s);
    const args = ['send', file, '--contacts', ws.contacts, '--smtp', s.url, '--retry-delay', '1', '--timeout', '5'];
    const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
    expect(await main(args, io)).toBe(3);
    expect(s.counts.repliesLost).toBe(1);
    // Four recipients (headteacher, chair, LA, diocese), each taken once: the lost reply was not retried.
    expect(s.received).toHaveLength(4);
    expect(s.counts.dataStarted).toBe(4);
    const lost = s.received[0]!;
    expect(io.err).toContain(lost.to[0]!);
    expect(io.err).toMatch(/--resume/);
    expect(io.err).not.toMatch(/refused for good|could not reach/);

    const plain = fakeIo(ws.dir, { now: '2014-03-20T11:00:00Z' });
    expect(await main(args, plain)).toBe(3);
    expect(plain.err).toContain(lost.to[0]!);
    expect(s.received).toHaveLength(4);

    const resumed = fakeIo(ws.dir, { now: '2014-03-20T12:00:00Z' });
    expect(await main([...args, '--resume'], resumed)).toBe(0);
    expect(s.received).toHaveLength(5);
    expect(Buffer.compare(s.received[4]!.raw, lost.raw)).toBe(0);
    expect((await simpleParser(s.received[4]!.raw)).messageId).toBe((await simpleParser(lost.raw)).messageId);
    const resend = journal(ws.letterDir).filter((r) => r.type === 'prepared' && r.resend === true);
    expect(resend).toEqual([expect.objectContaining({ resendReason: 'resume' })]);
  });
});
