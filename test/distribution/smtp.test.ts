import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContacts } from '../../src/distribution/contacts.js';
import { distribute, type DistributeDeps } from '../../src/distribution/distribute.js';
import { emailTemplates } from '../../src/distribution/email-templates.js';
import type { OutgoingMessage } from '../../src/distribution/message.js';
import { smtpTransport, type SmtpTimeouts } from '../../src/distribution/transport.js';
import { closedPort, startFaultServer, type FaultServer } from '../support/smtp-fault-server.js';
import { journal, makeWorkspace, planLetterSendFor, type Workspace } from './workspace.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const fast: SmtpTimeouts = { connectionTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 400 };
const servers: FaultServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.stop();
});

async function server(plan: Parameters<typeof startFaultServer>[0] = {}): Promise<FaultServer> {
  const s = await startFaultServer(plan);
  servers.push(s);
  return s;
}

function plan(ws: Workspace, files: string[]): OutgoingMessage[] {
  const { contacts } = loadContacts(readFileSync(ws.contacts, 'utf8'), 'contacts.yaml');
  const context = { contacts: contacts!, contactsFile: 'contacts.yaml', templates: emailTemplates() };
  return files.flatMap((file) => {
    const p = planLetterSendFor(file, ws.letterDir, context);
    expect(p.problems).toEqual([]);
    return p.messages;
  });
}

function deps(ws: Workspace, port: number, sleeps: number[] = []): DistributeDeps {
  return {
    transport: smtpTransport({ host: '127.0.0.1', port, secure: false, loopback: true }, fast),
    journalFile: join(ws.letterDir, 'send-journal.jsonl'),
    mailDir: join(ws.letterDir, 'mail'),
    now: () => new Date('2014-03-20T10:00:00Z'),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    retry: { attempts: 4, firstDelayMs: 100, factor: 2, maxDelayMs: 1_000 },
  };
}

const ids = (s: FaultServer): Promise<string[]> =>
  Promise.all(s.received.map(async (m) => (await simpleParser(m.raw)).messageId ?? ''));

describe('sending through a real SMTP server (smtp-server on loopback)', () => {
  it('para 17: delivers the final letter to the headteacher and each copy, PDF byte for byte, one message per recipient', async () => {
    const ws = makeWorkspace();
    const { file, pdf } = ws.addLetter('121190');
    const messages = plan(ws, [file]);
    const s = await server();
    const entries = await distribute(messages, deps(ws, s.port), { resume: false });
    expect(entries.map((e) => e.result.status)).toEqual(messages.map(() => 'sent'));
    expect(s.received).toHaveLength(messages.length);
    const head = await simpleParser(s.received[0]!.raw);
    expect((head.to as AddressObject).value.map((v) => v.address)).toEqual(['head.121190@school.example']);
    expect(head.cc).toBeUndefined();
    expect(head.from?.value[0]?.address).toBe('monitoring.letters@isp.example');
    expect(head.subject).toContain('St Mary\u2019s Church of England Voluntary Aided Primary School');
    expect(head.text).toContain('Dear Mrs Hughes');
    expect(head.text).toContain('12 March 2014');
    expect(head.attachments).toHaveLength(1);
    expect(head.attachments[0]!.contentType).toBe('application/pdf');
    expect(Buffer.compare(head.attachments[0]!.content, pdf)).toBe(0);
    const recipients = s.received.map((m) => m.to).flat();
    expect(recipients).toContain('education@dioceseofnorwich.example'); // para 17: VA school, the diocese
    expect(recipients).toContain('childrens.services.director@norfolk.gov.example'); // para 17: the LA, always
    // The journal's Message-ID and hash are those of the bytes the server received.
    const records = journal(ws.letterDir);
    const prepared = records.filter((r) => r.type === 'prepared');
    expect(prepared.map((r) => r.messageId)).toEqual(await ids(s));
    for (const [i, r] of prepared.entries()) {
      const kept = readFileSync(join(ws.letterDir, String(r.eml)));
      expect(sha(kept)).toBe(r.sha256);
      expect(sha(s.received[i]!.raw)).toBe(r.sha256);
    }
    expect(records.filter((r) => r.type === 'sent')).toHaveLength(messages.length);
    expect(String(records.find((r) => r.type === 'sent')?.response)).toMatch(/^250/);
  });

  it('a second run sends nothing: every message is already in the journal as sent', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const s = await server();
    await distribute(plan(ws, [file]), deps(ws, s.port), { resume: false });
    const before = s.received.length;
    const again = await distribute(plan(ws, [file]), deps(ws, s.port), { resume: false });
    expect(again.every((e) => e.result.status === 'already-sent')).toBe(true);
    expect(s.received).toHaveLength(before);
  });

  it('connection refused: retried with growing waits, then stops; nothing after it is tried; a later run completes once', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const messages = plan(ws, [file]);
    const sleeps: number[] = [];
    const entries = await distribute(messages, deps(ws, await closedPort(), sleeps), { resume: false });
    expect(entries[0]!.result).toMatchObject({
      status: 'failed',
      attempts: 4,
      failure: { kind: 'temporary', code: 'ECONNREFUSED' },
    });
    expect(entries.slice(1).every((e) => e.result.status === 'not-attempted')).toBe(true);
    expect(sleeps).toEqual([100, 200, 400]);
    const failed = journal(ws.letterDir).filter((r) => r.type === 'failed');
    expect(failed).toEqual([expect.objectContaining({ failure: 'temporary', code: 'ECONNREFUSED', attempts: 4 })]);

    const s = await server();
    const later = await distribute(plan(ws, [file]), deps(ws, s.port), { resume: false });
    expect(later.every((e) => e.result.status === 'sent')).toBe(true);
    expect(new Set(await ids(s)).size).toBe(messages.length);
    expect(s.received).toHaveLength(messages.length);
  });

  it('421 then accept: retried, delivered once', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const messages = plan(ws, [file]);
    const s = await server({ greet421: 2 });
    const entries = await distribute(messages, deps(ws, s.port), { resume: false });
    expect(entries[0]!.result).toMatchObject({ status: 'sent', attempts: 3 });
    expect(entries.every((e) => e.result.status === 'sent')).toBe(true);
    expect(s.counts.greeted421).toBe(2);
    expect(s.received).toHaveLength(messages.length);
    expect(new Set(await ids(s)).size).toBe(messages.length);
  });

  it('550 for one recipient: permanent, reported with the server\u2019s words; the others are delivered; --resume does not resend it', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const messages = plan(ws, [file]);
    const la = 'childrens.services.director@norfolk.gov.example';
    const s = await server({ rejectRecipients: [la] });
    const sleeps: number[] = [];
    const entries = await distribute(messages, deps(ws, s.port, sleeps), { resume: false });
    const rejected = entries.find((e) => e.message.to[0]!.email === la)!;
    expect(rejected.result).toMatchObject({ status: 'failed', attempts: 1, failure: { kind: 'permanent' } });
    expect(rejected.result.status === 'failed' && rejected.result.failure.words).toMatch(/550.*User unknown/);
    expect(sleeps).toEqual([]);
    expect(s.received).toHaveLength(messages.length - 1);
    expect(journal(ws.letterDir).find((r) => r.type === 'failed')).toMatchObject({ failure: 'permanent' });

    const resumed = await distribute(plan(ws, [file]), deps(ws, s.port), { resume: true });
    expect(resumed.find((e) => e.message.to[0]!.email === la)!.result.status).toBe('needs-attention');
    expect(resumed.filter((e) => e.result.status === 'already-sent')).toHaveLength(messages.length - 1);
    expect(s.received).toHaveLength(messages.length - 1);
  });

  it('connection dropped in the middle of DATA once the client had sent it all: delivery unknown, not retried; --resume delivers it once', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const messages = plan(ws, [file]);
    const s = await server({ dropDuringData: 1 });
    const entries = await distribute(messages, deps(ws, s.port), { resume: false });
    expect(s.counts.dropped).toBe(1);
    // The client cannot tell a drop before the end of the data from a lost reply: the server may have it.
    expect(entries[0]!.result).toMatchObject({ status: 'failed', attempts: 1, failure: { kind: 'unknown' } });
    expect(entries.slice(1).every((e) => e.result.status === 'sent')).toBe(true);
    expect(s.received).toHaveLength(messages.length - 1);
    const resumed = await distribute(plan(ws, [file]), deps(ws, s.port), { resume: true });
    expect(resumed[0]!.result).toMatchObject({ status: 'sent', resent: true });
    expect(s.received).toHaveLength(messages.length);
    expect(new Set(await ids(s)).size).toBe(messages.length);
  });

  it('a server that stalls past the timeout: the attempt times out, is retried, and delivered once', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const messages = plan(ws, [file]);
    const s = await server({ stallRcpt: 1 });
    const entries = await distribute(messages, deps(ws, s.port), { resume: false });
    expect(s.counts.stalled).toBe(1);
    expect(entries[0]!.result).toMatchObject({ status: 'sent', attempts: 2 });
    expect(entries.every((e) => e.result.status === 'sent')).toBe(true);
    expect(s.received).toHaveLength(messages.length);
  });

  it('a stall on every attempt ends as a temporary failure (ETIMEDOUT) in the journal', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const s = await server({ stallRcpt: 100 });
    const d = { ...deps(ws, s.port), retry: { attempts: 2, firstDelayMs: 1, factor: 2, maxDelayMs: 1 } };
    const entries = await distribute(plan(ws, [file]), d, { resume: false });
    expect(entries[0]!.result).toMatchObject({ status: 'failed', failure: { kind: 'temporary', code: 'ETIMEDOUT' } });
    expect(s.received).toHaveLength(0);
    expect(journal(ws.letterDir).at(-1)).toMatchObject({ type: 'failed', failure: 'temporary' });
  });

  it('an outcome unknown after a crash is not resent without --resume; with it, the same bytes and Message-ID go again', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const messages = plan(ws, [file]);
    const s = await server();
    await distribute(messages, deps(ws, s.port), { resume: false });
    // As if the process died after the server's 250 but before the journal recorded it.
    const journalFile = join(ws.letterDir, 'send-journal.jsonl');
    const lines = readFileSync(journalFile, 'utf8').trimEnd().split('\n');
    writeFileSync(journalFile, lines.slice(0, -1).join('\n') + '\n');

    const plain = await distribute(plan(ws, [file]), deps(ws, s.port), { resume: false });
    expect(plain.at(-1)!.result.status).toBe('outcome-unknown');
    expect(s.received).toHaveLength(messages.length);

    const resumed = await distribute(plan(ws, [file]), deps(ws, s.port), { resume: true });
    expect(resumed.at(-1)!.result).toMatchObject({ status: 'sent', resent: true });
    expect(s.received).toHaveLength(messages.length + 1);
    // The receiving side can deduplicate: identical bytes, identical Message-ID.
    expect(Buffer.compare(s.received.at(-1)!.raw, s.received.at(-2)!.raw)).toBe(0);
    const prepared = journal(ws.letterDir).filter((r) => r.type === 'prepared');
    expect(prepared.at(-1)).toMatchObject({ resend: true, sha256: prepared.at(-2)!.sha256 });
  });
});
