/**
 * End to end: the built command (dist/cli/bin.js, the bundle a user runs,
 * built once by test/support/global-setup.ts) as a child process, for every
 * command and every kind of input a user gives it: a form as YAML and as JSON,
 * a letter as DOCX, PDF, text and Markdown, a register extract as CSV, a
 * contacts file. The library's own tests cannot see what bundling breaks
 * (issue 19: mammoth, loaded dynamically, had lost its functions in the
 * bundle, so no DOCX could be read). The cases run in order in one folder and
 * share their outputs: the draft written first is the letter checked and the
 * draft finalised later, the final letter is the one sent.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/ground/calendar.js';
import { readLetterText } from '../../src/check-copy/read-letter.js';
import { repoRoot } from '../support/fake-io.js';

const bin = join(repoRoot, 'dist', 'cli', 'bin.js');
const fixture = (path: string): string => join(repoRoot, 'fixtures', path);
const register = fixture('register/gias-extract.csv');
const contacts = fixture('contacts/example.yaml');
const base = '121190-2014-03-12';

let dir = '';

/**
 * The example form with every date moved by whole weeks (so each keeps its
 * weekday) until the visit is a few days after today: a visit still to
 * confirm, whenever the test runs.
 */
function shiftedToNextWeek(form: string): string {
  const visit = '2014-03-12';
  const today = new Date().toISOString().slice(0, 10);
  const week = 7 * 86_400_000;
  const weeks = Math.ceil((Date.parse(today) + 86_400_000 - Date.parse(visit)) / week);
  return form.replace(/\b(20\d\d-\d\d-\d\d)\b/g, (date) =>
    new Date(Date.parse(date) + weeks * week).toISOString().slice(0, 10),
  );
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built command in the shared folder, with a user name and no colour. */
function run(...args: string[]): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', USER: 'e2e', NO_COLOR: '1', TZ: 'Europe/London' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and expects exit 0, showing stderr when not. */
function ok(...args: string[]): Run {
  const result = run(...args);
  expect(result.status, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'built-command-'));
  copyFileSync(fixture('forms/example.yaml'), join(dir, 'visit.yaml'));
  writeFileSync(
    join(dir, 'visit.json'),
    JSON.stringify(parseYaml(readFileSync(fixture('forms/example.yaml'), 'utf8'))),
  );
  writeFileSync(join(dir, 'next-week.yaml'), shiftedToNextWeek(readFileSync(fixture('forms/example.yaml'), 'utf8')));
  mkdirSync(join(dir, 'forms'));
  for (const name of ['example.yaml', 'free-school.yaml'])
    copyFileSync(fixture(`forms/${name}`), join(dir, 'forms', name));
});

describe('the built command, every command and input kind', () => {
  it('init writes a form that validate accepts', () => {
    ok('init', 'new.yaml');
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    expect(run('validate', 'new.yaml').status).not.toBe(4);
  });

  it('schema prints the JSON Schema', () => {
    const schema = JSON.parse(ok('schema').stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('school');
  });

  it('validate reads a YAML form, a JSON form and a register', () => {
    ok('validate', 'visit.yaml');
    ok('validate', 'visit.json');
    ok('validate', 'visit.yaml', '--register', register);
    const json = JSON.parse(ok('validate', 'visit.yaml', '--json').stdout) as unknown;
    expect(json).toBeTruthy();
  });

  it('validate reports a bad form (exit 1) and a missing one (exit 2)', () => {
    const bad = run('validate', fixture('invalid/bad-enum.yaml'));
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/bad-enum\.yaml:\d+:\d+/);
    expect(run('validate', 'nowhere.yaml').status).toBe(2);
  });

  it('draft writes every format from a YAML form, and from a JSON form with a register', () => {
    ok('draft', 'visit.yaml', '--out', 'drafts');
    for (const ext of ['docx', 'pdf', 'md', 'html', 'json'])
      expect(existsSync(join(dir, 'drafts', `${base}-draft.${ext}`))).toBe(true);
    ok('draft', 'visit.json', '--out', 'json-drafts', '--format', 'md', '--register', register);
    expect(readFileSync(join(dir, 'json-drafts', `${base}-draft.md`), 'utf8')).toContain('St Mary’s');
  });

  it('recipients from a form, and from a URN and a register with --explain and --json', () => {
    expect(ok('recipients', 'visit.yaml').stdout).toContain('Diocese of Norwich');
    expect(ok('recipients', '--urn', '121190', '--register', register, '--explain').stdout).toContain('Norfolk');
    const json = JSON.parse(ok('recipients', 'visit.yaml', '--json').stdout) as unknown;
    expect(json).toBeTruthy();
  });

  it('deadlines prints the dates and writes an iCalendar file', () => {
    expect(ok('deadlines', 'visit.yaml', '--today', '2014-03-13', '--ics', 'visit.ics').stdout).toMatch(/2014/);
    expect(readFileSync(join(dir, 'visit.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('check-copy reads a DOCX, PDF, Markdown and text letter, against a form and against a register', async () => {
    const text = await readLetterText(join(dir, 'drafts', `${base}-draft.docx`));
    writeFileSync(join(dir, 'letter.txt'), text);
    for (const letter of ['docx', 'pdf', 'md'].map((ext) => `drafts/${base}-draft.${ext}`).concat('letter.txt')) {
      const byForm = ok('check-copy', letter, 'visit.yaml');
      expect(byForm.stdout, letter).toContain('The letter is copied as para 17 requires.');
      const byRegister = ok('check-copy', letter, '--urn', '121190', '--register', register);
      expect(byRegister.stdout, letter).toContain('ok       diocese: the Diocese of Norwich');
    }
    const differs = run('check-copy', fixture('letters/st-marys-diocese-missing.txt'), 'visit.yaml');
    expect(differs.status).toBe(1);
    expect(differs.stdout).toMatch(/MISSING/);
  });

  it('check-copy refuses a damaged DOCX as bad input (exit 1), naming the file', () => {
    writeFileSync(join(dir, 'damaged.docx'), 'not a zip file');
    const result = run('check-copy', 'damaged.docx', 'visit.yaml');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('damaged.docx: not a readable DOCX file');
  });

  it('finalise takes the HMI’s draft as a form, a DOCX, a Markdown and a text letter', () => {
    const drafts: Record<string, string> = {
      form: fixture('finalise/hmi-draft.yaml'),
      docx: `drafts/${base}-draft.docx`,
      md: `drafts/${base}-draft.md`,
      text: 'letter.txt',
    };
    for (const [kind, draft] of Object.entries(drafts)) {
      const result = ok(
        'finalise',
        'visit.yaml',
        '--draft',
        draft,
        '--by',
        'A. Officer',
        '--date',
        '2014-03-14',
        '--out',
        `final-${kind}`,
      );
      expect(result.stdout, kind).toContain('Finalised version 1 by A. Officer on 14 March 2014');
      for (const name of [`${base}-final.docx`, `${base}-final.pdf`, `${base}-redline.docx`, `${base}-changes.txt`]) {
        expect(existsSync(join(dir, `final-${kind}`, name)), `${kind}: ${name}`).toBe(true);
      }
    }
  });

  it('send: a dry run, then the final letter as .eml files to every recipient', () => {
    const args = ['send', 'visit.yaml', '--contacts', contacts, '--letter-dir', 'final-form', '--outbox', 'outbox'];
    expect(ok(...args, '--dry-run').stdout).toContain('head@st-marys-hethersett.norfolk.sch.example');
    ok(...args);
    const sent = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(sent.length).toBe(4);
  });

  it('confirm: refused for a visit long past; for a visit next week, a dry run and a .eml file', () => {
    const past = run('confirm', 'visit.yaml', '--contacts', contacts, '--dry-run');
    expect(past.status).toBe(1);
    expect(past.stderr).toContain('the visit ended on 12 March 2014');
    const args = [
      'confirm',
      'next-week.yaml',
      '--contacts',
      contacts,
      '--letter-dir',
      'confirm',
      '--outbox',
      'confirm-outbox',
    ];
    expect(ok(...args, '--dry-run').stdout).toContain('head@st-marys-hethersett.norfolk.sch.example');
    ok(...args);
    expect(readdirSync(join(dir, 'confirm-outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });

  it('status shows a sent letter, then records its publication', () => {
    expect(ok('status', 'visit.yaml', '--out', 'final-form', '--today', '2014-03-20').stdout).toMatch(/sent/);
    // Ofsted publishes what was sent: the day it was sent (by the real clock) is the earliest publication day.
    const history = readFileSync(join(dir, 'final-form', `${base}.history.jsonl`), 'utf8')
      .trim()
      .split('\n');
    const sent = history
      .map((line) => JSON.parse(line) as { stage: string; at: string })
      .find((e) => e.stage === 'sent')!;
    const sentOn = londonDate(new Date(sent.at));
    const early = run('status', 'visit.yaml', '--out', 'final-form', '--published', '2014-04-02');
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('before it was sent');
    ok('status', 'visit.yaml', '--out', 'final-form', '--published', sentOn);
    const json = JSON.parse(ok('status', 'visit.yaml', '--out', 'final-form', '--json').stdout) as {
      letters: { stage: string }[];
    };
    expect(json.letters[0]!.stage).toBe('published');
  });

  it('batch renders a folder of forms on worker threads, with a manifest; status reads the folder', () => {
    ok('batch', 'forms', '--out', 'batch', '--jobs', '1', '--format', 'md,pdf');
    expect(existsSync(join(dir, 'batch', 'manifest.csv'))).toBe(true);
    expect(readdirSync(join(dir, 'batch')).filter((f) => f.endsWith('-draft.pdf'))).toHaveLength(2);
    expect(ok('status', 'forms', '--out', 'batch', '--today', '2014-03-13').stdout).toMatch(/drafted/);
  });

  it('example writes the example letter', () => {
    ok('example', '--out', 'example');
    expect(existsSync(join(dir, 'example', `${base}-draft.pdf`))).toBe(true);
  });

  it('serve answers on 127.0.0.1 with the drafting page', async () => {
    const child = spawn(process.execPath, [bin, 'serve', 'visit.yaml', '--port', '0', '--out', 'served'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', USER: 'e2e' },
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (match) resolve(match[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const page = await fetch(address);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    } finally {
      child.kill('SIGINT');
    }
  });
});
