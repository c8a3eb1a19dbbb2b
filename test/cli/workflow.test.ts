/**
 * One application layer (src/workflow/): every command loads forms, merges the
 * register, drafts and records history the same way.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';

const forms = new URL('../../fixtures/forms/', import.meta.url).pathname;
const example = join(forms, 'example.yaml');
const register = new URL('../../fixtures/register/gias-extract.csv', import.meta.url).pathname;
const temp = (): string => mkdtempSync(join(tmpdir(), 'workflow-cli-'));

/** A folder holding the example form saved as UTF-16, a folder named like a form, and the example itself. */
function badFiles(): string {
  const cwd = temp();
  const text = readFileSync(example, 'utf8');
  writeFileSync(join(cwd, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  mkdirSync(join(cwd, 'folder.yaml'));
  cpSync(example, join(cwd, 'visit.yaml'));
  return cwd;
}

describe('an unreadable form is classified once, the same by every command', () => {
  const commands: [string, (form: string) => string[]][] = [
    ['validate', (form) => ['validate', form]],
    ['draft', (form) => ['draft', form, '--format', 'md']],
    ['deadlines', (form) => ['deadlines', form]],
    ['recipients', (form) => ['recipients', form]],
    ['finalise', (form) => ['finalise', form, '--draft', 'visit.yaml', '--by', 'A. Officer', '--format', 'md']],
    ['send', (form) => ['send', form, '--dry-run']],
  ];
  for (const [name, argv] of commands) {
    it(`${name}: a UTF-16 form is invalid input (exit 1), naming the encoding`, async () => {
      const io = fakeIo(badFiles());
      expect(await main(argv('utf16.yaml'), io)).toBe(1);
      expect(io.out + io.err).toMatch(/UTF-16/);
    });
    it(`${name}: a missing form or a folder is wrong usage (exit 2)`, async () => {
      const cwd = badFiles();
      expect(await main(argv('no-such.yaml'), fakeIo(cwd))).toBe(2);
      expect(await main(argv('folder.yaml'), fakeIo(cwd))).toBe(2);
    });
  }

  it('batch: a UTF-16 form fails with the encoding named, the others render', async () => {
    const cwd = badFiles();
    mkdirSync(join(cwd, 'forms'));
    cpSync(join(cwd, 'utf16.yaml'), join(cwd, 'forms', 'utf16.yaml'));
    cpSync(example, join(cwd, 'forms', 'example.yaml'));
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--jobs', '1', '--format', 'md'], io)).toBe(1);
    expect(io.out).toMatch(/utf16\.yaml[\s\S]*UTF-16/);
  });
});

describe('--register always merges through mergeRegister', () => {
  /** The example form with only its address lines: the town and postcode must come from the register. */
  function linesOnly(cwd: string): string {
    const text = readFileSync(example, 'utf8').replace(/\n {4}town: Norwich\n {4}postcode: NR9 3AB/, '');
    expect(text).not.toContain('NR9 3AB');
    writeFileSync(join(cwd, 'visit.yaml'), text);
    return 'visit.yaml';
  }

  it('draft --register keeps the register’s town and postcode when the form gives only address lines', async () => {
    const cwd = temp();
    const io = fakeIo(cwd);
    expect(await main(['draft', linesOnly(cwd), '--register', register, '--format', 'md'], io)).toBe(0);
    const md = readFileSync(join(cwd, 'output', '121190-2014-03-12-draft.md'), 'utf8');
    expect(md).toContain('NR9 3AB');
    expect(md).toContain('Norwich');
  });

  it('draft --register prints the register’s disagreements as warnings at the form’s line', async () => {
    const cwd = temp();
    writeFileSync(
      join(cwd, 'visit.yaml'),
      readFileSync(example, 'utf8').replace('sixthForm: false', 'sixthForm: true'),
    );
    const io = fakeIo(cwd);
    await main(['draft', 'visit.yaml', '--register', register, '--format', 'md'], io);
    expect(io.err).toMatch(/visit\.yaml:\d+:\d+ warning .*register gives "false".*\(register\/disagrees\)/);
  });

  it('validate --register checks the merged facts and prints the disagreements', async () => {
    const cwd = temp();
    writeFileSync(
      join(cwd, 'visit.yaml'),
      readFileSync(example, 'utf8').replace('sixthForm: false', 'sixthForm: true'),
    );
    const io = fakeIo(cwd);
    await main(['validate', 'visit.yaml', '--register', register], io);
    expect(io.out).toMatch(/visit\.yaml:\d+:\d+ warning .*register gives "false".*\(register\/disagrees\)/);
  });

  it('validate --register naming no file is wrong usage (exit 2)', async () => {
    const io = fakeIo(temp());
    expect(await main(['validate', example, '--register', 'no-such.csv'], io)).toBe(2);
    expect(io.out + io.err).toContain('no-such.csv');
  });
});

describe('history is written wherever a letter is made', () => {
  it('draft --final records the letter as finalised: status no longer says "awaiting HMI draft"', async () => {
    const cwd = temp();
    expect(await main(['draft', example, '--final', '--format', 'md'], fakeIo(cwd))).toBe(0);
    const io = fakeIo(cwd);
    expect(await main(['status', example, '--json'], io)).toBe(0);
    const report = JSON.parse(io.out) as { letters: { stage: string }[] };
    expect(report.letters[0]?.stage).toBe('finalised');
  });

  it('batch records each letter it drafts', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    cpSync(example, join(cwd, 'forms', 'example.yaml'));
    expect(await main(['batch', 'forms', '--jobs', '1', '--format', 'md'], fakeIo(cwd))).toBe(0);
    const io = fakeIo(cwd);
    expect(await main(['status', 'forms', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out) as { letters: { stage: string }[] };
    expect(report.letters.map((l) => l.stage)).toEqual(['drafted']);
    expect(readdirSync(join(cwd, 'output'))).toContain('121190-2014-03-12.history.jsonl');
  });
});

describe('a final letter is dated when it is made final', () => {
  it('draft --final without letter.date is dated today, a draft the last visit day', async () => {
    const cwd = temp();
    const io = fakeIo(cwd, { now: '2014-03-20T10:00:00Z' });
    expect(await main(['draft', example, '--final', '--format', 'md'], io)).toBe(0);
    expect(readFileSync(join(cwd, 'output', '121190-2014-03-12-final.md'), 'utf8')).toContain('20 March 2014');
    expect(await main(['draft', example, '--format', 'md'], io)).toBe(0);
    const draft = readFileSync(join(cwd, 'output', '121190-2014-03-12-draft.md'), 'utf8');
    expect(draft).toContain('12 March 2014');
    expect(draft).not.toContain('20 March 2014');
  });

  it('nothing is written for a form that cannot be read', async () => {
    const cwd = badFiles();
    await main(['draft', 'utf16.yaml'], fakeIo(cwd));
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });
});
