/**
 * An ISP officer's week with one letter (issue 19): finalise, send, finalise
 * again, record publication, confirm a visit. Versions stay honest (a sent
 * letter is never replaced without saying what was sent and when; status
 * gives each version its own stage) and dates are checked against what has
 * happened (the letter's date, its publication, the visit confirmation).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const hmiDraft = join(repoRoot, 'fixtures/finalise/hmi-draft.yaml');
const ispFinal = join(repoRoot, 'fixtures/finalise/isp-final.yaml');
const contacts = join(repoRoot, 'fixtures/contacts/example.yaml');
const temp = (): string => mkdtempSync(join(tmpdir(), 'isp-honest-'));

/** Runs the command line at a moment (ISO date-time) in `cwd`. */
async function at(cwd: string, now: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(cwd, { now, env: { USER: 'a.officer' } });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

const finalise = (extra: string[] = []): string[] => [
  'finalise',
  ispFinal,
  '--draft',
  hmiDraft,
  '--by',
  'A. Officer',
  '--format',
  'pdf,md',
  ...extra,
];
const send = ['send', ispFinal, '--contacts', contacts];

/** Finalised on 20 March 2014 and sent on 21 March 2014. */
async function sentLetter(): Promise<string> {
  const cwd = temp();
  expect((await at(cwd, '2014-03-20T10:00:00Z', finalise(['--date', '2014-03-20']))).code).toBe(0);
  const sent = await at(cwd, '2014-03-21T10:00:00Z', send);
  expect(sent.code, sent.err).toBe(0);
  return cwd;
}

describe('versions stay honest', () => {
  it('finalising a sent letter again is refused, naming the version sent and when', async () => {
    const cwd = await sentLetter();
    const again = await at(cwd, '2014-03-24T10:00:00Z', finalise(['--date', '2014-03-24']));
    expect(again.code).toBe(1);
    expect(again.err).toContain('version 1 (finalised by A. Officer on 20 March 2014) was sent on 21 March 2014');
    expect(again.err).toContain('head@st-marys-hethersett.norfolk.sch.example');
    expect(again.err).toContain('use --force to make version 2');
  });

  it('with --force it is finalised as version 2, with a warning that version 1 was sent and when', async () => {
    const cwd = await sentLetter();
    const forced = await at(cwd, '2014-03-24T10:00:00Z', finalise(['--date', '2014-03-24', '--force']));
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toContain('Finalised version 2');
    expect(forced.err).toMatch(/warning: version 1 .* was sent on 21 March 2014 to 4 recipients/);
    expect(forced.err).toContain('send it with `monitoring-letter send`');
  });

  it('status gives each version its own stage', async () => {
    const cwd = await sentLetter();
    await at(cwd, '2014-03-24T10:00:00Z', finalise(['--date', '2014-03-24', '--force']));
    const status = await at(cwd, '2014-03-24T10:00:00Z', ['status', ispFinal, '--today', '2014-03-24']);
    expect(status.out).toContain('v2 finalised on 24 March 2014, not sent; v1 sent on 21 March 2014');
    const json = await at(cwd, '2014-03-24T10:00:00Z', ['status', ispFinal, '--today', '2014-03-24', '--json']);
    const letter = (JSON.parse(json.out) as { letters: { versions: { version: number; sentOn?: string }[] }[] })
      .letters[0]!;
    expect(letter.versions).toEqual([
      expect.objectContaining({ version: 2, finalisedOn: '2014-03-24' }),
      expect.objectContaining({ version: 1, finalisedOn: '2014-03-20', sentOn: '2014-03-21' }),
    ]);
    expect(letter.versions[0]!.sentOn).toBeUndefined();
  });

  it('the "already finalised" refusal quotes the day it was finalised, not the day the command ran', async () => {
    const cwd = temp();
    expect((await at(cwd, '2014-03-25T10:00:00Z', finalise(['--date', '2014-03-20']))).code).toBe(0);
    const again = await at(cwd, '2014-03-26T10:00:00Z', finalise(['--date', '2014-03-20']));
    expect(again.code).toBe(1);
    expect(again.err).toContain('version 1 by A. Officer on 20 March 2014');
    expect(again.err).not.toContain('2014-03-25');
  });
});

describe('dates are checked against what happened', () => {
  it('finalise --date before the visit is refused', async () => {
    const result = await at(temp(), '2014-03-20T10:00:00Z', finalise(['--date', '2014-03-11']));
    expect(result.code).toBe(1);
    expect(result.err).toContain('before the visit ended on 12 March 2014');
  });

  it('finalise --date on a weekend, a bank holiday or after today is warned about', async () => {
    const saturday = await at(temp(), '2014-03-20T10:00:00Z', finalise(['--date', '2014-03-15']));
    expect(saturday.code).toBe(0);
    expect(saturday.err).toContain('warning: the final letter is dated Saturday 15 March 2014, a weekend day');
    const goodFriday = await at(temp(), '2014-04-22T10:00:00Z', finalise(['--date', '2014-04-18']));
    expect(goodFriday.err).toContain('Friday 18 April 2014, a bank holiday in England');
    const ahead = await at(temp(), '2014-03-20T10:00:00Z', finalise(['--date', '2016-03-21']));
    expect(ahead.err).toContain('after today (20 March 2014)');
    const ordinary = await at(temp(), '2014-03-20T10:00:00Z', finalise(['--date', '2014-03-20']));
    expect(ordinary.err).not.toMatch(/weekend|bank holiday|after today/);
  });

  it('status --published needs a sent letter', async () => {
    const never = await at(temp(), '2014-04-03T10:00:00Z', ['status', ispFinal, '--published', '2014-04-02']);
    expect(never.code).toBe(1);
    expect(never.err).toContain('the letter has not been sent (it is not yet drafted)');

    const cwd = temp();
    await at(cwd, '2014-03-20T10:00:00Z', finalise(['--date', '2014-03-20']));
    const unsent = await at(cwd, '2014-04-03T10:00:00Z', ['status', ispFinal, '--published', '2014-04-02']);
    expect(unsent.code).toBe(1);
    expect(unsent.err).toContain('it is finalised, not sent: v1 finalised on 20 March 2014, not sent');
    expect(unsent.err).toContain('monitoring-letter send');
  });

  it('status --published needs a date on or after sending, and not after today', async () => {
    const cwd = await sentLetter();
    const before = await at(cwd, '2014-04-03T10:00:00Z', ['status', ispFinal, '--published', '2014-03-20']);
    expect(before.code).toBe(1);
    expect(before.err).toContain('before it was sent on 21 March 2014');
    const ahead = await at(cwd, '2014-04-03T10:00:00Z', ['status', ispFinal, '--published', '2014-04-04']);
    expect(ahead.code).toBe(1);
    expect(ahead.err).toContain('after today (3 April 2014)');
    const ok = await at(cwd, '2014-04-03T10:00:00Z', ['status', ispFinal, '--published', '2014-04-02']);
    expect(ok.code, ok.err).toBe(0);
  });

  it('confirm is refused after the visit, and after the final letter has gone', async () => {
    const after = await at(temp(), '2014-03-13T10:00:00Z', ['confirm', ispFinal, '--contacts', contacts]);
    expect(after.code).toBe(1);
    expect(after.err).toContain('the visit ended on 12 March 2014, before today (13 March 2014)');
    expect(after.err).toContain('nothing was sent');

    const cwd = await sentLetter();
    const sent = await at(cwd, '2014-03-11T10:00:00Z', ['confirm', ispFinal, '--contacts', contacts, '--dry-run']);
    expect(sent.code).toBe(1);
    expect(sent.err).toContain('the final letter was sent on 21 March 2014');
  });

  it('confirm on a visit day is late, and more than five working days ahead is early: both warned', async () => {
    const onTheDay = await at(temp(), '2014-03-12T07:00:00Z', ['confirm', ispFinal, '--contacts', contacts]);
    expect(onTheDay.code, onTheDay.err).toBe(0);
    expect(onTheDay.err).toContain('warning:');
    expect(onTheDay.err).toContain('the visit began on 12 March 2014: this confirmation is late');
    const early = await at(temp(), '2014-02-26T10:00:00Z', ['confirm', ispFinal, '--contacts', contacts]);
    expect(early.code, early.err).toBe(0);
    expect(early.err).toContain('more than five working days away');
    const dayBefore = await at(temp(), '2014-03-11T10:00:00Z', ['confirm', ispFinal, '--contacts', contacts]);
    expect(dayBefore.code).toBe(0);
    expect(dayBefore.err).not.toContain('warning');
  });
});

describe('status speaks plainly', () => {
  it('names what is due in words, not ids', async () => {
    const cwd = temp();
    await at(cwd, '2014-03-20T10:00:00Z', finalise(['--date', '2014-03-20']));
    const status = await at(cwd, '2014-03-20T10:00:00Z', ['status', ispFinal, '--today', '2014-03-20']);
    expect(status.out).toContain('final letter to the school');
    expect(status.out).not.toContain('final-letter');
  });

  it('a published letter does not show the next section 5 inspection as overdue', async () => {
    const cwd = await sentLetter();
    await at(cwd, '2014-04-03T10:00:00Z', ['status', ispFinal, '--published', '2014-04-02']);
    const status = await at(cwd, '2026-12-05T10:00:00Z', ['status', ispFinal, '--today', '2026-12-05']);
    expect(status.out).toContain('published');
    expect(status.out).toContain('next section 5 inspection');
    expect(status.out).not.toContain('OVERDUE');
  });
});

describe('send on a letter not yet finalised', () => {
  it('says it needs finalising and suggests finalise, before any address', async () => {
    const cwd = temp();
    copyFileSync(ispFinal, join(cwd, 'visit.yaml'));
    await at(cwd, '2014-03-13T10:00:00Z', ['draft', 'visit.yaml', '--format', 'pdf']);
    const result = await at(cwd, '2014-03-14T10:00:00Z', ['send', 'visit.yaml']);
    expect(result.code).toBe(1);
    const lines = result.err.split('\n');
    expect(lines[0]).toBe('nothing was sent: the letter must be finalised first.');
    expect(result.err).toContain('monitoring-letter finalise');
    expect(result.err).not.toContain('draft <form> --final');
    expect(result.err.indexOf('finalise')).toBeLessThan(result.err.indexOf('address'));
  });
});
