import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import ICAL from 'ical.js';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';

const example = new URL('../../fixtures/forms/example.yaml', import.meta.url).pathname;

/** A fake Io at `now` (default 2014-03-14 10:00 UTC) in `cwd`. */
const ioAt = (now?: string, cwd = process.cwd()) => fakeIo(cwd, now === undefined ? {} : { now });

interface JsonOutput {
  today: string;
  arrangements: string;
  deadlines: { id: string; date: string; description: string; paragraph: string; basis: string; status: string }[];
  notApplicable: { id: string; reason: string; paragraph: string }[];
}

describe('monitoring-letter deadlines', () => {
  it('prints a table sorted by date, marking overdue and due-soon items against --today', async () => {
    const io = ioAt();
    expect(await main(['deadlines', example, '--today', '2014-03-27'], io)).toBe(0);
    const rows = io.out.split('\n').filter((l) => /\d{4}-\d{2}-\d{2} {2}/.test(l));
    const dates = rows.map((l) => /(\d{4}-\d{2}-\d{2})/.exec(l)?.[1] ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(rows.find((l) => l.includes('final-letter'))).toMatch(/^OVERDUE/);
    expect(rows.find((l) => l.includes('publication'))).toMatch(/^due soon/);
    expect(rows.find((l) => l.includes('next-section-5'))).not.toMatch(/^(OVERDUE|due soon)/);
    expect(io.out).toContain('the visit\u2019s last day is day 0');
    expect(io.out).toMatch(/governance-review: no external review of governance/);
  });

  it('defaults today to the London date of io.now() (23:30 UTC on 26 March 2014 is still the 26th, GMT)', async () => {
    const io = ioAt('2014-03-26T23:30:00Z');
    await main(['deadlines', example, '--json'], io);
    expect((JSON.parse(io.out) as JsonOutput).today).toBe('2014-03-26');
    const summer = ioAt('2014-06-30T23:30:00Z');
    await main(['deadlines', example, '--json'], summer);
    expect((JSON.parse(summer.out) as JsonOutput).today).toBe('2014-07-01');
  });

  it('--json prints deadlines with a status each, and what does not apply', async () => {
    const io = ioAt();
    expect(await main(['deadlines', example, '--json', '--today', '2014-03-14'], io)).toBe(0);
    const json = JSON.parse(io.out) as JsonOutput;
    expect(json.arrangements).toBe('2014');
    const letter = json.deadlines.find((d) => d.id === 'letter-to-isp');
    expect(letter).toMatchObject({
      date: '2014-03-17',
      paragraph: '17',
      basis: 'working days, England',
      status: 'due-soon',
    });
    expect(json.deadlines.find((d) => d.id === 'notification-call')?.status).toBe('done');
    expect(json.deadlines.find((d) => d.id === 'next-section-5')?.status).toBe('upcoming');
    expect(json.notApplicable.map((o) => o.id)).toContain('governance-review');
  });

  it('--ics writes a calendar a real parser reads, atomically (no temporary file left)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadlines-'));
    const io = ioAt('2014-03-14T10:00:00Z', dir);
    expect(await main(['deadlines', example, '--ics', 'visit.ics', '--json'], io)).toBe(0);
    expect(readdirSync(dir)).toEqual(['visit.ics']);
    const text = readFileSync(join(dir, 'visit.ics'), 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const json = JSON.parse(io.out) as JsonOutput;
    expect(events.map((e) => e.startDate.toString())).toEqual(json.deadlines.map((d) => d.date));
    expect(events[0]?.summary).toMatch(/^St Mary’s Church of England Voluntary Aided Primary School: /);
    expect(io.err).toContain(`Wrote ${json.deadlines.length} events to visit.ics`);
  });

  it('a section 117 visit says its letter is not published', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadlines-'));
    const text = readFileSync(example, 'utf8').replace('act: section-8', 'act: section-117');
    writeFileSync(join(dir, 'form.yaml'), text);
    const io = ioAt('2014-03-14T10:00:00Z', dir);
    expect(await main(['deadlines', 'form.yaml'], io)).toBe(0);
    expect(io.out).not.toMatch(/^.*\bpublication\b.*2014-04-02/m);
    expect(io.out).toMatch(/publication: the letter of a visit under section 117 .* is not published \(para 26\)/);
  });

  it('a bad --today and a missing form are usage errors (exit 2, as validate), neither a stack trace', async () => {
    const io = ioAt();
    expect(await main(['deadlines', example, '--today', '2014-02-30'], io)).toBe(2);
    expect(io.err).toContain('--today 2014-02-30');
    const missing = ioAt();
    expect(await main(['deadlines', 'no-such-form.yaml'], missing)).toBe(2);
    expect(missing.err).toContain('no-such-form.yaml: error cannot find no-such-form.yaml');
    expect(missing.err).not.toMatch(/\n\s+at /);
    expect(missing.out).toBe('');
  });

  it('a form with schema errors prints its diagnostics like validate (file:line:col, rule) and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadlines-'));
    const text = readFileSync(example, 'utf8').replace('dates: [2014-03-12]', 'dates: [2014-02-30]');
    writeFileSync(join(dir, 'form.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.includes('2014-02-30')) + 1;
    const io = ioAt('2014-03-14T10:00:00Z', dir);
    expect(await main(['deadlines', 'form.yaml', '--json'], io)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toMatch(new RegExp(`^form\\.yaml:${line}:\\d+ error .*2014-02-30`, 'm'));
    expect(io.err).toContain('1 error, 0 warnings in form.yaml: no deadlines were computed');
  });

  it('para 19: keeping the evidence reads open, not overdue, long after the expected next section 5', async () => {
    const io = ioAt();
    expect(await main(['deadlines', example, '--json', '--today', '2016-06-01'], io)).toBe(0);
    const json = JSON.parse(io.out) as JsonOutput;
    expect(json.deadlines.find((d) => d.id === 'evidence-retention')?.status).toBe('open');
    expect(json.deadlines.find((d) => d.id === 'next-section-5')?.status).toBe('overdue');
  });

  it('--ics into a folder that does not exist is wrong usage (exit 2), leaving nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadlines-'));
    const io = ioAt('2014-03-14T10:00:00Z', dir);
    expect(await main(['deadlines', example, '--ics', 'missing/visit.ics'], io)).toBe(2);
    expect(io.err).toContain('cannot write missing/visit.ics');
    expect(readdirSync(dir)).toEqual([]);
  });
});
