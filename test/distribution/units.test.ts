import { mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAddress, checkHeaderText, HeaderError, isEmailAddress } from '../../src/distribution/addresses.js';
import { loadContacts } from '../../src/distribution/contacts.js';
import { appendJournal, messageStates, readJournal } from '../../src/distribution/journal.js';
import { messageIdFor } from '../../src/distribution/message.js';
import { backoffDelays, classifyFailure, withRetry } from '../../src/distribution/retry.js';
import { smtpSettings, smtpTransport, TransportConfigError } from '../../src/distribution/transport.js';
import { startFaultServer, type FaultServer } from '../support/smtp-fault-server.js';

describe('addresses and header text', () => {
  it.each(['head@school.example', 'a.b+c@sub.domain.org.uk'])('accepts %s', (a) => {
    expect(isEmailAddress(a)).toBe(true);
    expect(checkAddress(` ${a} `, 'f')).toBe(a);
  });
  it.each(['head at school', 'head@', '<head@school.example>', 'a@b.example, c@d.example', 'Name <a@b.example>'])(
    'refuses %s, naming the field',
    (a) => {
      expect(() => checkAddress(a, 'dioceses.Norwich.email in c.yaml')).toThrow(/dioceses\.Norwich\.email in c\.yaml/);
    },
  );
  it('refuses CR or LF in an address, a name or a subject', () => {
    expect(() => checkAddress('a@b.example\r\nBcc: x@y.example', 'headteacher.email')).toThrow(HeaderError);
    expect(() => checkHeaderText('Mrs Hughes\nBcc: x@y.example', 'headteacher.lastName')).toThrow(
      /headteacher\.lastName.*line break/,
    );
    expect(checkHeaderText('St Mary\u2019s', 'school.name')).toBe('St Mary\u2019s');
  });
});

describe('contacts directory', () => {
  it('loads the documented keys', () => {
    const { contacts, diagnostics } = loadContacts(
      'localAuthorities:\n  Norfolk: { email: la@norfolk.example, attachDocx: true }\nefa: { email: efa@efa.example }\n',
      'c.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(contacts?.localAuthorities?.Norfolk).toEqual({ email: 'la@norfolk.example', attachDocx: true });
  });
  it('reports each bad entry with its line and column, and an unknown key', () => {
    const { contacts, diagnostics } = loadContacts(
      'dioceses:\n  Ely: { email: nobody }\nschools:\n  "12": { headteacher: { email: h@s.example } }\nlocalAuthoritys: {}\n',
      'c.yaml',
    );
    expect(contacts).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.path.join('.')])).toEqual(
      expect.arrayContaining([
        [2, 'dioceses.Ely.email'],
        [4, 'schools.12'],
      ]),
    );
    expect(diagnostics.some((d) => /localAuthoritys/.test(d.message))).toBe(true);
  });
  it('reports broken YAML as a diagnostic, not a throw', () => {
    expect(loadContacts('efa: { email: [', 'c.yaml').diagnostics[0]).toMatchObject({
      rule: 'contacts/yaml',
      file: 'c.yaml',
    });
  });
});

describe('Message-ID', () => {
  const matter = { kind: 'letter' as const, urn: '121190', visitDate: '2014-03-12', version: 1 };
  it('is fixed by the letter, its version and the recipient set, in any order or case', () => {
    const a = messageIdFor(matter, ['b@x.example', 'A@x.example']);
    expect(a).toBe(messageIdFor(matter, ['a@x.example', 'b@x.example']));
    expect(a).toMatch(/^<[0-9a-f]{32}@monitoring-letter\.invalid>$/);
    expect(a).not.toBe(messageIdFor({ ...matter, version: 2 }, ['a@x.example', 'b@x.example']));
    expect(a).not.toBe(messageIdFor(matter, ['a@x.example']));
  });
});

describe('retry policy', () => {
  it('classifies connection errors and 4xx as temporary, 5xx as permanent (503 excepted)', () => {
    expect(
      classifyFailure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }).kind,
    ).toBe('temporary');
    expect(classifyFailure({ code: 'ETIMEDOUT' }).kind).toBe('temporary');
    expect(classifyFailure({ code: 'ECONNECTION', originalCode: 'ECONNRESET' }).kind).toBe('temporary');
    expect(classifyFailure({ responseCode: 421, response: '421 busy' })).toMatchObject({
      kind: 'temporary',
      words: '421 busy',
    });
    expect(classifyFailure({ responseCode: 550, response: '550 no such user' })).toMatchObject({
      kind: 'permanent',
      words: '550 no such user',
    });
    expect(classifyFailure({ responseCode: 503 }).kind).toBe('temporary');
    expect(classifyFailure(new Error('EACCES: permission denied')).kind).toBe('permanent');
  });

  it('a host name that does not resolve (ENOTFOUND, EAI_AGAIN) is temporary: a typo in --smtp is fixed and run again', () => {
    // What nodemailer throws for `--smtp smtp://mail.mistyped.example`.
    expect(
      classifyFailure({ code: 'EDNS', originalCode: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND mail.mistyped' }),
    ).toMatchObject({ kind: 'temporary', code: 'ENOTFOUND' });
    expect(classifyFailure({ code: 'EDNS', originalCode: 'EAI_AGAIN' }).kind).toBe('temporary');
    expect(classifyFailure({ code: 'ENOTFOUND' }).kind).toBe('temporary');
    expect(classifyFailure({ code: 'ESOCKET', originalCode: 'ENETUNREACH' }).kind).toBe('temporary');
    expect(classifyFailure({ code: 'ECONNECTION', originalCode: 'EHOSTUNREACH' }).kind).toBe('temporary');
  });
  it('backs off exponentially, capped, a bounded number of times', async () => {
    const policy = { attempts: 5, firstDelayMs: 100, factor: 3, maxDelayMs: 1_000 };
    expect(backoffDelays(policy)).toEqual([100, 300, 900, 1_000]);
    const slept: number[] = [];
    let calls = 0;
    const outcome = await withRetry(
      () => {
        calls += 1;
        return Promise.reject(Object.assign(new Error('busy'), { responseCode: 451 }));
      },
      policy,
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 5, failure: { kind: 'temporary' } });
    expect(calls).toBe(5);
    expect(slept).toEqual([100, 300, 900, 1_000]);
  });
});

describe('journal', () => {
  it('is append-only JSON lines; a line cut short by a crash is skipped; the last record wins', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ml-journal-')), 'send-journal.jsonl');
    const prepared = {
      type: 'prepared' as const,
      at: '2014-03-20T10:00:00Z',
      kind: 'letter' as const,
      urn: '121190',
      visitDate: '2014-03-12',
      version: 1,
      messageId: '<a@m.invalid>',
      to: ['h@s.example'],
      roles: ['headteacher' as const],
      subject: 's',
      eml: 'mail/a.eml',
      sha256: '00',
      transport: 'outbox',
    };
    appendJournal(file, prepared);
    expect(messageStates(readJournal(file).records).get('<a@m.invalid>')?.outcome).toBe('unknown');
    appendJournal(file, {
      type: 'failed',
      at: 'x',
      messageId: '<a@m.invalid>',
      failure: 'temporary',
      response: '421',
      attempts: 3,
    });
    expect(messageStates(readJournal(file).records).get('<a@m.invalid>')?.outcome).toBe('failed-temporary');
    appendJournal(file, { ...prepared, resend: true });
    appendJournal(file, { type: 'sent', at: 'y', messageId: '<a@m.invalid>', response: '250 ok', attempts: 1 });
    appendFileSync(file, '{"type":"prepa');
    const { records, damagedLines } = readJournal(file);
    expect(damagedLines).toBe(1);
    expect(records).toHaveLength(4);
    expect(messageStates(records).get('<a@m.invalid>')).toMatchObject({ outcome: 'sent', everSent: true });
  });
});

describe('SMTP settings', () => {
  it('reads host, port and scheme; credentials only from the environment', () => {
    const env = { MONITORING_LETTER_SMTP_USER: 'isp', MONITORING_LETTER_SMTP_PASS: 'pw' };
    expect(smtpSettings('smtp://mail.isp.example:587', env)).toEqual({
      host: 'mail.isp.example',
      port: 587,
      secure: false,
      loopback: false,
      auth: { user: 'isp', pass: 'pw' },
    });
    expect(smtpSettings('smtps://mail.isp.example', {})).toMatchObject({ port: 465, secure: true });
    expect(smtpSettings('smtp://127.0.0.1:2525', {}).loopback).toBe(true);
  });
  it.each([
    ['smtp://u:p@mail.example', /must not contain a user name or password.*MONITORING_LETTER_SMTP_USER/],
    ['http://mail.example', /smtp:\/\/ or smtps:\/\//],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, message) => {
    expect(() => smtpSettings(url, {})).toThrow(TransportConfigError);
    expect(() => smtpSettings(url, {})).toThrow(message);
  });
  it('refuses a user without a password', () => {
    expect(() => smtpSettings('smtp://m.example', { MONITORING_LETTER_SMTP_USER: 'u' })).toThrow(/both/);
  });
});

describe('STARTTLS', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.stop());
  it('is required off loopback: a server without STARTTLS gets nothing, and the failure is the URL\u2019s (configuration), not the recipient\u2019s', async () => {
    server = await startFaultServer();
    const transport = smtpTransport({ host: '127.0.0.1', port: server.port, secure: false, loopback: false });
    const delivery = {
      raw: Buffer.from('Subject: x\r\n\r\nbody\r\n'),
      envelope: { from: 'a@b.example', to: ['c@d.example'] },
      fileName: 'x.eml',
    };
    const error: unknown = await transport.deliver(delivery).then(
      () => undefined,
      (e: unknown) => e,
    );
    transport.close();
    expect(error).toBeDefined();
    expect(classifyFailure(error).kind).toBe('configuration');
    expect(server.received).toHaveLength(0);
  });
});
