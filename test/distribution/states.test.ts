/**
 * Every state the journal can hold for a message, and what each kind of run
 * does with it: sent (never again), outcome unknown (--resume), refused for
 * good (--retry-failed), failed for a reason that passes (the next run),
 * never attempted (the next run). A resend is always the kept bytes with the
 * same Message-ID, and is itself recorded in the journal.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContacts } from '../../src/distribution/contacts.js';
import { distribute, type DistributeDeps } from '../../src/distribution/distribute.js';
import { emailTemplates } from '../../src/distribution/email-templates.js';
import type { OutgoingMessage } from '../../src/distribution/message.js';
import type { Delivery, Transport } from '../../src/distribution/transport.js';
import { journal, makeWorkspace, planLetterSendFor, type Workspace } from './workspace.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

type Behaviour = 'accept' | 'refuse' | 'unreachable';

/** A transport that accepts, refuses (550) or cannot reach the server, by recipient; it keeps what it accepted. */
function scriptedTransport(behaviour: (to: string) => Behaviour): Transport & { delivered: Delivery[] } {
  const delivered: Delivery[] = [];
  return {
    kind: 'smtp',
    description: 'smtp://test.example:587',
    delivered,
    deliver: async (delivery) => {
      const to = delivery.envelope.to[0]!;
      switch (behaviour(to)) {
        case 'refuse':
          throw Object.assign(new Error('refused'), { responseCode: 550, response: `550 5.1.1 <${to}>: User unknown` });
        case 'unreachable':
          throw Object.assign(new Error('getaddrinfo ENOTFOUND mail.mistyped.example'), {
            code: 'EDNS',
            originalCode: 'ENOTFOUND',
          });
        case 'accept':
          delivered.push(delivery);
          return '250 2.0.0 queued';
      }
    },
    close: () => undefined,
  };
}

function plan(ws: Workspace, files: string[]): OutgoingMessage[] {
  const { contacts } = loadContacts(readFileSync(ws.contacts, 'utf8'), 'contacts.yaml');
  const context = { contacts: contacts!, contactsFile: 'contacts.yaml', templates: emailTemplates() };
  return files.flatMap((file) => planLetterSendFor(file, ws.letterDir, context).messages);
}

function deps(ws: Workspace, transport: Transport): DistributeDeps {
  return {
    transport,
    journalFile: join(ws.letterDir, 'send-journal.jsonl'),
    mailDir: join(ws.letterDir, 'mail'),
    now: () => new Date('2014-03-20T10:00:00Z'),
    sleep: async () => undefined,
    retry: { attempts: 2, firstDelayMs: 1, factor: 2, maxDelayMs: 1 },
  };
}

const head = 'head.121190@school.example';
const chair = 'chair.121190@school.example';
const la = 'childrens.services.director@norfolk.gov.example';
const diocese = 'education@dioceseofnorwich.example';

/**
 * Letter 121190 after a first run: headteacher sent; chair refused (550);
 * LA handed over, then the process stopped (outcome unknown); diocese
 * unreachable (DNS). Letter 121191 was never attempted.
 */
async function everyState(): Promise<{ ws: Workspace; files: string[] }> {
  const ws = makeWorkspace();
  const first = ws.addLetter('121190').file;
  const second = ws.addLetter('121191').file;
  const byRecipient: Record<string, Behaviour> = { [chair]: 'refuse', [diocese]: 'unreachable' };
  await distribute(
    plan(ws, [first]),
    deps(
      ws,
      scriptedTransport((to) => byRecipient[to] ?? 'accept'),
    ),
    {
      resume: false,
    },
  );
  // As if the process died after the LA's message was handed over but before its outcome was recorded.
  const journalFile = join(ws.letterDir, 'send-journal.jsonl');
  const records = journal(ws.letterDir);
  const laId = records.find((r) => r.type === 'prepared' && (r.to as string[])[0] === la)!.messageId;
  const kept = records.filter((r) => !(r.type === 'sent' && r.messageId === laId));
  writeFileSync(journalFile, kept.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return { ws, files: [first, second] };
}

const secondLetter = ['head.121191@school.example', 'chair.121191@school.example', la, diocese];

describe('what each run does with each journal state', () => {
  it.each([
    { run: 'a plain run', options: { resume: false, retryFailed: false }, resent: [diocese] },
    { run: '--resume', options: { resume: true, retryFailed: false }, resent: [la, diocese] },
    { run: '--retry-failed', options: { resume: false, retryFailed: true }, resent: [chair, diocese] },
    { run: '--resume --retry-failed', options: { resume: true, retryFailed: true }, resent: [chair, la, diocese] },
  ])('$run', async ({ options, resent }) => {
    const { ws, files } = await everyState();
    const keptBytes = new Map(
      journal(ws.letterDir)
        .filter((r) => r.type === 'prepared')
        .map((r) => [(r.to as string[])[0]!, readFileSync(join(ws.letterDir, String(r.eml)))]),
    );
    const transport = scriptedTransport(() => 'accept');
    const before = journal(ws.letterDir).length;
    const entries = await distribute(plan(ws, files), deps(ws, transport), options);

    const first = entries.filter((e) => e.message.urn === '121190');
    const statusOf = (to: string) => first.find((e) => e.message.to[0]!.email === to)!.result.status;
    expect(statusOf(head)).toBe('already-sent'); // sent: never again, whatever the options
    expect(statusOf(chair)).toBe(options.retryFailed ? 'sent' : 'needs-attention');
    expect(statusOf(la)).toBe(options.resume ? 'sent' : 'outcome-unknown');
    expect(statusOf(diocese)).toBe('sent'); // a temporary failure is tried again by the next run

    // Resent: the kept bytes, with the Message-ID the journal recorded.
    const resentDeliveries = transport.delivered.filter((d) => d.raw.includes('URN 121190'));
    expect(resentDeliveries.map((d) => d.envelope.to[0]).sort()).toEqual([...resent].sort());
    for (const d of resentDeliveries) {
      expect(sha(d.raw)).toBe(sha(keptBytes.get(d.envelope.to[0]!)!));
    }
    // Never attempted: sent now, as new messages.
    const second = transport.delivered.filter((d) => d.raw.includes('URN 121191'));
    expect(second.map((d) => d.envelope.to[0]).sort()).toEqual([...secondLetter].sort());

    // Each resend is its own journal record, saying why it was sent again.
    const added = journal(ws.letterDir).slice(before);
    const resends = added.filter((r) => r.type === 'prepared' && r.resend === true);
    expect(resends.map((r) => (r.to as string[])[0]).sort()).toEqual([...resent].sort());
    const why = Object.fromEntries(resends.map((r) => [(r.to as string[])[0], r.resendReason]));
    expect(why[diocese]).toBe('temporary-failure');
    if (options.resume) expect(why[la]).toBe('resume');
    if (options.retryFailed) expect(why[chair]).toBe('retry-failed');
  });

  it('--retry-failed resends a refused message once per run, and records a second refusal as needing attention again', async () => {
    const { ws, files } = await everyState();
    const stillRefusing = scriptedTransport((to) => (to === chair ? 'refuse' : 'accept'));
    const entries = await distribute(plan(ws, files), deps(ws, stillRefusing), { resume: false, retryFailed: true });
    const chairResult = entries.find((e) => e.message.to[0]!.email === chair)!.result;
    expect(chairResult).toMatchObject({ status: 'failed', attempts: 1, failure: { kind: 'permanent' } });
    const chairRecords = journal(ws.letterDir).filter(
      (r) =>
        r.type === 'failed' && r.messageId === entries.find((e) => e.message.to[0]!.email === chair)!.message.messageId,
    );
    expect(chairRecords).toHaveLength(2);
    const again = await distribute(plan(ws, files), deps(ws, stillRefusing), { resume: false });
    expect(again.find((e) => e.message.to[0]!.email === chair)!.result.status).toBe('needs-attention');
  });
});

describe('never twice to the same recipient, never short of one', () => {
  it('para 17: each diocese of a joint-faith school receives the letter, though both have the role "diocese"', async () => {
    const ws = makeWorkspace();
    writeFileSync(
      ws.contacts,
      readFileSync(ws.contacts, 'utf8').replace(
        'dioceses:',
        'dioceses:\n  Archdiocese of Liverpool: { email: archdiocese@liverpool.example }\n  Diocese of Liverpool: { email: diocese@liverpool.example }',
      ),
    );
    const { file } = ws.addLetter('104712', {
      fixture: 'joint-faith-voluntary-aided',
      edit: (form) => {
        form.school.localAuthority = { name: 'Norfolk' };
      },
    });
    const transport = scriptedTransport(() => 'accept');
    const entries = await distribute(plan(ws, [file]), deps(ws, transport), { resume: false });
    expect(entries.map((e) => e.result.status)).toEqual(entries.map(() => 'sent'));
    const to = transport.delivered.map((d) => d.envelope.to[0]);
    expect(to).toContain('archdiocese@liverpool.example');
    expect(to).toContain('diocese@liverpool.example');
  });

  it('a copy already sent is not sent again when its body\u2019s address changes afterwards', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    await distribute(
      plan(ws, [file]),
      deps(
        ws,
        scriptedTransport(() => 'accept'),
      ),
      { resume: false },
    );
    writeFileSync(
      ws.contacts,
      readFileSync(ws.contacts, 'utf8').replace(diocese, 'schools.office@dioceseofnorwich.example'),
    );
    const transport = scriptedTransport(() => 'accept');
    const entries = await distribute(plan(ws, [file]), deps(ws, transport), { resume: false });
    expect(entries.map((e) => e.result.status)).toEqual(entries.map(() => 'already-sent'));
    expect(transport.delivered).toEqual([]);
  });
});
