/**
 * Mistakes in the --smtp URL found only on connecting: each is said plainly
 * with what to change in the URL, and stops the run at once (no retries for
 * minutes, nothing filed as a recipient's fault). Real servers on loopback
 * (smtp-server, with its own self-signed certificate).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadContacts } from '../../src/distribution/contacts.js';
import { distribute } from '../../src/distribution/distribute.js';
import { emailTemplates } from '../../src/distribution/email-templates.js';
import { smtpTransport } from '../../src/distribution/transport.js';
import { fakeIo } from '../support/fake-io.js';
import { journal, makeWorkspace, planLetterSendFor } from './workspace.js';

const servers: SMTPServer[] = [];
afterEach(async () => {
  while (servers.length > 0) {
    const s = servers.pop()!;
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

/** A real server on loopback: `secure` speaks TLS from the first byte; `starttls: false` offers no STARTTLS. */
async function server(options: { secure?: boolean; starttls?: boolean }): Promise<number> {
  const s = new SMTPServer({
    secure: options.secure ?? false,
    authOptional: true,
    logger: false,
    disabledCommands: options.starttls === false ? ['STARTTLS', 'AUTH'] : ['AUTH'],
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  s.on('error', () => undefined); // the server's view of a refused handshake is not under test
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address = s.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function send(url: string): Promise<{ code: number; err: string; out: string; sleptFor: string }> {
  const ws = makeWorkspace();
  const { file } = ws.addLetter('121190');
  const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
  const code = await main(
    ['send', file, '--contacts', ws.contacts, '--smtp', url, '--timeout', '2', '--retry-delay', '1'],
    io,
  );
  const attempts = journal(ws.letterDir)
    .filter((r) => r.type === 'failed')
    .map((r) => r.attempts);
  return { code, err: io.err, out: io.out, sleptFor: attempts.join(',') };
}

describe('--smtp mistakes found on connecting', () => {
  it('a certificate the client cannot trust: its own message naming the URL, no retry, not "could not reach"', async () => {
    const port = await server({ secure: true });
    const r = await send(`smtps://127.0.0.1:${port}`);
    expect(r.code).toBe(3);
    expect(r.err + r.out).toMatch(/certificate/);
    expect(r.err).toContain(`smtps://127.0.0.1:${port}`);
    expect(r.err).not.toMatch(/could not reach|name that does not resolve|refused for good/);
    expect(r.sleptFor).toBe('1'); // one attempt: a configuration error stops the run at once
    expect(r.out).toMatch(/not attempted/);
  });

  it('smtp:// against a port that speaks TLS from the first byte: says to use smtps://', async () => {
    const port = await server({ secure: true });
    const r = await send(`smtp://127.0.0.1:${port}`);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`smtps://127.0.0.1:${port}`);
    expect(r.err).not.toMatch(/could not reach|refused for good/);
    expect(r.sleptFor).toBe('1');
  });

  it('smtps:// against a port that speaks plain SMTP: says to use smtp://', async () => {
    const port = await server({ starttls: false });
    const r = await send(`smtps://127.0.0.1:${port}`);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`smtp://127.0.0.1:${port}`);
    expect(r.err).not.toMatch(/could not reach|refused for good/);
    expect(r.sleptFor).toBe('1');
  });

  it('smtp:// on port 465 is refused before connecting, saying to use smtps://', async () => {
    const r = await send('smtp://mail.isp.example:465');
    expect(r.code).toBe(2);
    expect(r.err).toContain('smtps://mail.isp.example:465');
  });

  it('a server away from loopback without STARTTLS: its own message, never a recipient refused for good', async () => {
    const port = await server({ starttls: false });
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const { contacts } = loadContacts(readFileSync(ws.contacts, 'utf8'), 'contacts.yaml');
    const context = { contacts: contacts!, contactsFile: 'contacts.yaml', templates: emailTemplates() };
    const messages = planLetterSendFor(file, ws.letterDir, context).messages;
    const sleeps: number[] = [];
    const entries = await distribute(
      messages,
      {
        // As for a host that is not this machine: STARTTLS is required.
        transport: smtpTransport(
          { host: '127.0.0.1', port, secure: false, loopback: false },
          { connectionTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 2_000 },
        ),
        journalFile: join(ws.letterDir, 'send-journal.jsonl'),
        mailDir: join(ws.letterDir, 'mail'),
        now: () => new Date('2014-03-20T10:00:00Z'),
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        retry: { attempts: 4, firstDelayMs: 100, factor: 2, maxDelayMs: 1_000 },
      },
      { resume: false },
    );
    expect(entries[0]!.result).toMatchObject({ status: 'failed', failure: { kind: 'configuration' } });
    const words = entries[0]!.result.status === 'failed' ? entries[0]!.result.failure.words : '';
    expect(words).toMatch(/STARTTLS/);
    expect(words).toMatch(/smtps:\/\//);
    expect(words).not.toMatch(/500|address/);
    expect(sleeps).toEqual([]);
    expect(entries.slice(1).every((e) => e.result.status === 'not-attempted')).toBe(true);
    // Nothing is marked as refused for good: once the URL is right, a plain run sends every message.
    expect(journal(ws.letterDir).filter((r) => r.failure === 'permanent')).toEqual([]);
  });
});
