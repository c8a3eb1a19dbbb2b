import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startFaultServer, type FaultServer } from '../support/smtp-fault-server.js';
import { journal, makeWorkspace } from '../distribution/workspace.js';
import { fakeIo as sharedFakeIo, repoRoot } from '../support/fake-io.js';

const bin = new URL('../../dist/cli/bin.js', import.meta.url).pathname;

const fakeIo = (cwd: string, env: Record<string, string> = {}) =>
  sharedFakeIo(cwd, { env, now: '2014-03-20T10:00:00Z' });

const servers: FaultServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.stop();
});

const outbox = (letterDir: string): string[] =>
  existsSync(join(letterDir, 'outbox')) ? readdirSync(join(letterDir, 'outbox')).sort() : [];

describe('monitoring-letter send', () => {
  it('writes one .eml per recipient to the outbox by default; a mail parser reads the headers and the attachments', async () => {
    const ws = makeWorkspace();
    const { file, pdf } = ws.addLetter('121190');
    const docx = Buffer.from('PK\u0003\u0004 a DOCX for the LA');
    writeFileSync(join(ws.letterDir, '121190-2014-03-12-final.docx'), docx);
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(0);
    const files = outbox(ws.letterDir);
    expect(files).toHaveLength(4); // headteacher, chair, LA, diocese (para 17)
    const parsed = await Promise.all(
      files.map(async (f) => simpleParser(readFileSync(join(ws.letterDir, 'outbox', f)))),
    );
    const to = parsed.map((p) => (p.to as AddressObject).value[0]!.address);
    expect(to).toEqual(
      expect.arrayContaining([
        'head.121190@school.example',
        'chair.121190@school.example',
        'childrens.services.director@norfolk.gov.example',
        'education@dioceseofnorwich.example',
      ]),
    );
    for (const p of parsed) {
      expect(p.messageId).toMatch(/^<[0-9a-f]{32}@monitoring-letter\.invalid>$/);
      expect(Buffer.compare(p.attachments[0]!.content, pdf)).toBe(0);
    }
    // The contacts file asks for the DOCX for Norfolk only.
    const la = parsed[to.indexOf('childrens.services.director@norfolk.gov.example')]!;
    expect(la.attachments.map((a) => a.filename)).toEqual([
      '121190-2014-03-12-final.pdf',
      '121190-2014-03-12-final.docx',
    ]);
    expect(Buffer.compare(la.attachments[1]!.content, docx)).toBe(0);
    const head = parsed[to.indexOf('head.121190@school.example')]!;
    expect(head.attachments).toHaveLength(1);
    expect(head.text).toContain('the Diocese of Norwich');
    // The letter's history records the sending (para 17).
    expect(readFileSync(join(ws.letterDir, '121190-2014-03-12.history.jsonl'), 'utf8')).toContain('"stage":"sent"');
  });

  it('run again: says the letter was already sent, sends nothing, exit 0', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    await main(['send', file, '--contacts', ws.contacts], fakeIo(ws.dir));
    const before = journal(ws.letterDir).length;
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(0);
    expect(io.out).toMatch(/already sent/);
    expect(journal(ws.letterDir)).toHaveLength(before);
    expect(outbox(ws.letterDir)).toHaveLength(4);
  });

  it('--dry-run prints who would receive what and sends nothing', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts, '--dry-run'], io)).toBe(0);
    expect(io.out).toContain('head.121190@school.example');
    expect(io.out).toContain('education@dioceseofnorwich.example');
    expect(journal(ws.letterDir)).toEqual([]);
    expect(outbox(ws.letterDir)).toEqual([]);
  });

  it('refuses a draft, naming the final letter it looked for', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190', { draftOnly: true });
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(1);
    expect(io.err).toContain(join(ws.letterDir, '121190-2014-03-12-final.pdf'));
    expect(io.err).toMatch(/only a draft was found/i);
    expect(outbox(ws.letterDir)).toEqual([]);
  });

  it('a missing address stops the whole send and lists everything missing with where to add it', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190', {
      edit: (form) => {
        delete form.headteacher!.email;
        form.school.dioceses = ['Diocese of Ely'];
      },
    });
    writeFileSync(ws.contacts, readFileSync(ws.contacts, 'utf8').replace(/schools:[\s\S]*?\n\n/, ''));
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(1);
    expect(io.err).toMatch(/nothing was sent/);
    expect(io.err).toMatch(/no e-mail address for Mrs Zoë Hughes \(headteacher\).*headteacher\.email/);
    expect(io.err).toMatch(
      /no e-mail address for the Diocese of Ely \(diocese\).*dioceses: \{ Diocese of Ely: \{ email/,
    );
    expect(outbox(ws.letterDir)).toEqual([]);
    expect(journal(ws.letterDir)).toEqual([]);
  });

  it('a malformed address in the contacts file is an error with its line, before anything is sent', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    writeFileSync(
      ws.contacts,
      readFileSync(ws.contacts, 'utf8').replace('education@dioceseofnorwich.example', 'education at diocese'),
    );
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(1);
    expect(io.err).toMatch(
      /contacts\.yaml:\d+:\d+ error dioceses\.Diocese of Norwich\.email: expected an e-mail address/,
    );
    expect(outbox(ws.letterDir)).toEqual([]);
  });

  it('header injection: a line break in a name from the form is refused, naming the field', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190', {
      edit: (form) => {
        form.school.name = 'St Mary\u2019s\nBcc: everyone@example.org';
      },
    });
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(1);
    expect(io.err).toMatch(/school\.name/);
    expect(io.err).toMatch(/line break/);
    expect(outbox(ws.letterDir)).toEqual([]);
  });

  it('--smtp refuses credentials inside the URL and points to the environment variables', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const io = fakeIo(ws.dir);
    expect(
      await main(['send', file, '--contacts', ws.contacts, '--smtp', 'smtp://user:secret@mail.example:587'], io),
    ).toBe(2);
    expect(io.err).toMatch(/MONITORING_LETTER_SMTP_USER/);
    expect(io.err).not.toContain('secret');
  });

  it('--smtp to a server that rejects one recipient: exit 3 with the server\u2019s words; the rest delivered', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const s = await startFaultServer({ rejectRecipients: ['education@dioceseofnorwich.example'] });
    servers.push(s);
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts, '--smtp', s.url, '--retry-delay', '1'], io)).toBe(3);
    expect(io.out).toMatch(/FAILED \(permanent.*education@dioceseofnorwich\.example.*550.*User unknown/);
    expect(s.received).toHaveLength(3);
  });

  it('a mistyped --smtp host is a temporary failure: nothing is marked for ever; the same command with the right host sends everything once', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const typo = fakeIo(ws.dir);
    const wrong = ['send', file, '--contacts', ws.contacts, '--smtp', 'smtp://mail.no-such-host.invalid:587'];
    expect(await main([...wrong, '--retries', '0'], typo)).toBe(3);
    expect(typo.out).toMatch(/FAILED \(temporary.*head\.121190@school\.example.*(ENOTFOUND|EAI_AGAIN)/);
    expect(typo.out).not.toMatch(/needs attention/i);
    expect(typo.err).toMatch(/could not reach the mail server.*check --smtp.*run the same command again/s);
    expect(journal(ws.letterDir).filter((r) => r.type === 'failed')).toEqual([
      expect.objectContaining({ failure: 'temporary' }),
    ]);

    const s = await startFaultServer();
    servers.push(s);
    const io = fakeIo(ws.dir);
    expect(await main(['send', file, '--contacts', ws.contacts, '--smtp', s.url], io)).toBe(0);
    expect(io.out).toMatch(/sent again \(same Message-ID\): 121190 letter to head\.121190@school\.example/);
    const ids = await Promise.all(s.received.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('--retry-failed sends again, with the same bytes and Message-ID, a message refused for good once its cause is put right', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const diocese = 'education@dioceseofnorwich.example';
    const refusing = await startFaultServer({ rejectRecipients: [diocese] });
    servers.push(refusing);
    const args = ['send', file, '--contacts', ws.contacts, '--retry-delay', '1'];
    expect(await main([...args, '--smtp', refusing.url], fakeIo(ws.dir))).toBe(3);

    const fixed = await startFaultServer();
    servers.push(fixed);
    const plain = fakeIo(ws.dir);
    expect(await main([...args, '--smtp', fixed.url], plain)).toBe(3);
    expect(plain.out).toMatch(/NEEDS ATTENTION: 121190 letter to education@dioceseofnorwich\.example.*550/);
    expect(plain.err).toMatch(/refused for good.*--retry-failed/s);
    expect(fixed.received).toHaveLength(0);

    const dry = fakeIo(ws.dir);
    expect(await main([...args, '--smtp', fixed.url, '--retry-failed', '--dry-run'], dry)).toBe(0);
    expect(dry.out).toMatch(/education@dioceseofnorwich\.example.*would be sent again \(--retry-failed\)/);
    expect(dry.out).toMatch(/head\.121190@school\.example.*already sent/);
    expect(fixed.received).toHaveLength(0);

    const retry = fakeIo(ws.dir);
    expect(await main([...args, '--smtp', fixed.url, '--retry-failed'], retry)).toBe(0);
    expect(fixed.received.map((m) => m.to)).toEqual([[diocese]]);
    const prepared = journal(ws.letterDir).filter((r) => r.type === 'prepared' && (r.to as string[])[0] === diocese);
    expect(prepared).toHaveLength(2);
    expect(prepared[1]).toMatchObject({ resend: true, resendReason: 'retry-failed', sha256: prepared[0]!.sha256 });
    expect(readFileSync(join(ws.letterDir, String(prepared[0]!.eml))).equals(fixed.received[0]!.raw)).toBe(true);
    // Delivered now: never again, --retry-failed or not.
    expect(await main([...args, '--smtp', fixed.url, '--retry-failed'], fakeIo(ws.dir))).toBe(0);
    expect(fixed.received).toHaveLength(1);
  });

  it('para 8: confirm e-mails the school the visit date, that the headteacher is available, and the National Business Unit number (para 12)', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    // The day before the visit (12 March 2014): after HMI's call, before the visit (para 8).
    const dayBefore = (): ReturnType<typeof sharedFakeIo> => sharedFakeIo(ws.dir, { now: '2014-03-11T09:00:00Z' });
    const io = dayBefore();
    expect(await main(['confirm', file, '--contacts', ws.contacts], io), io.err).toBe(0);
    const [only, ...rest] = outbox(ws.letterDir);
    expect(rest).toEqual([]);
    const mail = await simpleParser(readFileSync(join(ws.letterDir, 'outbox', only!)));
    expect((mail.to as AddressObject).value[0]!.address).toBe('head.121190@school.example');
    expect(mail.subject).toContain('12 March 2014');
    expect(mail.text).toContain('Please make sure that you are available in school on 12 March 2014');
    expect(mail.text).toContain('governing body and the local authority');
    expect(mail.text).toContain('0300 123 4234');
    expect(mail.text).toContain('Siân Ó Súilleabháin');
    expect(await main(['confirm', file, '--contacts', ws.contacts], dayBefore())).toBe(0);
    expect(outbox(ws.letterDir)).toHaveLength(1);
  });
});

describe('help', () => {
  it('confirm --help describes the confirmation (para 8), not the letter, with an example', async () => {
    const io = fakeIo(repoRoot);
    expect(await main(['confirm', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/confirmation of the monitoring inspection/);
    expect(io.out).toMatch(/para\s+8/);
    expect(io.out).not.toMatch(/final letter/);
    expect(io.out).not.toMatch(/bodies copied/);
    expect(io.out).toMatch(/Examples:\s+monitoring-letter confirm visit\.yaml/);
  });

  it('send --help documents --retry-failed and --resume, with examples', async () => {
    const io = fakeIo(repoRoot);
    expect(await main(['send', '--help'], io)).toBe(0);
    expect(io.out).toMatch(
      /--retry-failed\s+deliver again, with the same bytes and Message-ID, messages\s+refused\s+for\s+good/,
    );
    expect(io.out).toMatch(/--resume/);
    expect(io.out).toMatch(/Examples:\s+monitoring-letter send visit\.yaml/);
  });
});

describe('a send killed half-way, then resumed', () => {
  it('delivers every message of a batch of letters exactly once', async () => {
    const ws = makeWorkspace();
    const files = ['121190', '121191', '121192'].map((urn) => ws.addLetter(urn).file);
    const running: { child?: ReturnType<typeof spawn>; exited?: Promise<unknown> } = {};
    const killAt = 5;
    const s = await startFaultServer({
      beforeAccept: async (n) => {
        if (n !== killAt || !running.child) return;
        running.child.kill('SIGKILL'); // after killAt - 1 messages accepted, while the server holds the next one
        await running.exited;
        await new Promise((r) => setTimeout(r, 100));
      },
    });
    servers.push(s);
    const args = [bin, 'send', ...files, '--contacts', ws.contacts, '--smtp', s.url, '--retry-delay', '1'];
    const child = spawn(process.execPath, args, { cwd: ws.dir, stdio: 'pipe' });
    running.child = child;
    running.exited = new Promise((resolve) => child.on('exit', resolve));
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    expect(s.received).toHaveLength(killAt - 1);

    const plain = fakeIo(ws.dir);
    expect(await main(['send', ...files, '--contacts', ws.contacts, '--smtp', s.url], plain)).toBe(3);
    // What was never handed to the server is sent; the one whose outcome is unknown waits for --resume.
    expect(plain.out.match(/^UNKNOWN/gm)).toHaveLength(1);
    expect(plain.err).toMatch(/--resume/);
    expect(s.received).toHaveLength(11);

    const io = fakeIo(ws.dir);
    expect(await main(['send', ...files, '--resume', '--contacts', ws.contacts, '--smtp', s.url], io)).toBe(0);
    const ids = await Promise.all(s.received.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(ids).toHaveLength(12); // 3 letters × (headteacher, chair, LA, diocese)
    expect(new Set(ids).size).toBe(12);
    const sentIds = journal(ws.letterDir)
      .filter((r) => r.type === 'sent')
      .map((r) => r.messageId);
    expect(new Set(sentIds)).toEqual(new Set(ids));
    expect(await main(['send', ...files, '--contacts', ws.contacts, '--smtp', s.url], fakeIo(ws.dir))).toBe(0);
    expect(s.received).toHaveLength(12);
  });
});

describe('two sends of the same letters at once', () => {
  it('exactly one proceeds; the other stops at the lock with exit 3, and every message arrives once', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    // A lock left by a crashed run: both must race to take it over, and only one may win.
    writeFileSync(join(ws.letterDir, 'send-journal.jsonl.lock'), '2147483646');
    const exits: Array<Promise<{ code: number | null; err: string }>> = [];
    let overlapped = false;
    let holding: (() => void) | undefined;
    let held = false;
    const s = await startFaultServer({
      // Hold the first message until one of the two processes has finished; a second message
      // arriving meanwhile would mean both are delivering.
      beforeAccept: async () => {
        if (holding) {
          overlapped = true;
          holding();
          return;
        }
        if (held) return;
        held = true;
        await new Promise<void>((resolve) => {
          holding = resolve;
          void Promise.race(exits).then(() => resolve());
        });
        holding = undefined;
      },
    });
    servers.push(s);
    const args = [bin, 'send', file, '--contacts', ws.contacts, '--smtp', s.url, '--retry-delay', '1'];
    for (let i = 0; i < 2; i += 1) {
      const child = spawn(process.execPath, args, { cwd: ws.dir, stdio: 'pipe' });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      exits.push(new Promise((resolve) => child.on('exit', (code) => resolve({ code, err }))));
    }
    const results = await Promise.all(exits);
    expect(overlapped).toBe(false);
    const loser = results.find((r) => r.code !== 0);
    expect(loser?.code).toBe(3);
    expect(loser?.err).toMatch(/another send \(process \d+\) is using .*send-journal\.jsonl\.lock/);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    const ids = await Promise.all(s.received.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });
});
