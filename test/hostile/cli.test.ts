/**
 * Hostile and careless use of the CLI: each case once crashed (exit 4, a stack
 * trace, "undefined" or "NaN" in a message) or half-wrote its output. A user's
 * mistake must be a message naming the file and the place, exit 1 or 2.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, it, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { EvidenceForm } from '../../src/evidence/schema.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const example = join(repoRoot, 'fixtures/forms/example.yaml');
const temp = (): string => mkdtempSync(join(tmpdir(), 'hostile-cli-'));

/** The example form with a change, written into `dir`. */
function formWith(dir: string, name: string, change: (form: EvidenceForm) => void): string {
  const form = parse(readFileSync(example, 'utf8')) as EvidenceForm;
  change(form);
  const path = join(dir, name);
  writeFileSync(path, stringify(form));
  return path;
}

/** No trace of a crash in what the user sees. */
function expectCleanFailure(io: { out: string; err: string }): void {
  const all = io.out + io.err;
  expect(all).not.toMatch(/internal error|\n\s+at |undefined|NaN|\[object Object\]/);
}

const emoji = (form: EvidenceForm): void => {
  if (form.headteacher) form.headteacher.firstName = '👩‍🏫';
};

describe('a character the PDF font cannot draw', () => {
  it('draft: exit 1, placed on the form field holding it, and no format written at all', async () => {
    const cwd = temp();
    const form = formWith(cwd, 'emoji.yaml', emoji);
    const io = fakeIo(cwd);
    expect(await main(['draft', form, '--out', 'letters'], io)).toBe(1);
    expectCleanFailure(io);
    expect(io.err).toMatch(/emoji\.yaml:\d+:\d+ error .*U\+1F469.* at headteacher\.firstName \(pdf\/missing-glyph\)/);
    expect(io.err).toContain('--format');
    expect(existsSync(join(cwd, 'letters'))).toBe(false);
  });

  it('draft: the same form without pdf still writes every other format', async () => {
    const cwd = temp();
    const form = formWith(cwd, 'emoji.yaml', emoji);
    const io = fakeIo(cwd);
    expect(await main(['draft', form, '--out', 'letters', '--format', 'docx,md'], io)).toBe(0);
    expect(readFileSync(join(cwd, 'letters', '121190-2014-03-12-draft.md'), 'utf8')).toContain('👩‍🏫');
  });

  it('finalise: exit 1 naming the field, nothing written', async () => {
    const cwd = temp();
    const form = formWith(cwd, 'emoji.yaml', emoji);
    const io = fakeIo(cwd);
    const code = await main(['finalise', form, '--draft', form, '--by', 'A Tester', '--date', '2014-03-20'], io);
    expect(code).toBe(1);
    expectCleanFailure(io);
    expect(io.err).toContain('at headteacher.firstName (pdf/missing-glyph)');
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('batch: the form fails with the field named, without half its files; the others render', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    formWith(join(cwd, 'forms'), 'emoji.yaml', (form) => {
      emoji(form);
      form.school.urn = '100001';
    });
    formWith(join(cwd, 'forms'), 'plain.yaml', () => undefined);
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--out', 'letters', '--jobs', '1'], io)).toBe(1);
    expectCleanFailure(io);
    expect(io.out).toContain('at headteacher.firstName (pdf/missing-glyph)');
    const files = readdirSync(join(cwd, 'letters'));
    expect(files.filter((f) => f.startsWith('100001'))).toEqual([]);
    expect(files).toContain('121190-2014-03-12-draft.pdf');
  });
});

describe('--templates with partials that include each other for ever', () => {
  for (const [name, partials] of [
    ['a partial including itself', { 'opening.hbs': '{{> opening}}' }],
    ['two partials including each other', { 'opening.hbs': '{{> loop-b}}', 'loop-b.hbs': '{{> opening}}' }],
  ] as const) {
    it(`${name}: exit 1 naming the partials, no letter`, async () => {
      const cwd = temp();
      mkdirSync(join(cwd, 'tpl', 'partials'), { recursive: true });
      for (const [file, text] of Object.entries(partials)) writeFileSync(join(cwd, 'tpl', 'partials', file), text);
      const io = fakeIo(cwd);
      expect(await main(['draft', example, '--templates', 'tpl', '--format', 'md'], io)).toBe(1);
      expectCleanFailure(io);
      expect(io.err).toContain('template/partial-loop');
      expect(io.err).toContain(join('tpl', 'partials', 'opening.hbs'));
      expect(existsSync(join(cwd, 'output'))).toBe(false);
    });
  }

  it('batch: each form fails with the same message, not a stack overflow', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'tpl', 'partials'), { recursive: true });
    writeFileSync(join(cwd, 'tpl', 'partials', 'opening.hbs'), '{{> opening}}');
    mkdirSync(join(cwd, 'forms'));
    formWith(join(cwd, 'forms'), 'a.yaml', () => undefined);
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--templates', 'tpl', '--jobs', '1', '--format', 'md'], io)).toBe(1);
    expect(io.out).toContain('template/partial-loop');
    expect(io.out).not.toContain('Maximum call stack');
  });
});

describe('paths that are not what they should be', () => {
  it('draft --out naming a file: wrong usage (exit 2), saying a file is in the way', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'afile'), 'keep me');
    const io = fakeIo(cwd);
    expect(await main(['draft', example, '--out', 'afile', '--format', 'md'], io)).toBe(2);
    expectCleanFailure(io);
    expect(io.err).toContain('--out afile: a file is in the way');
    expect(readFileSync(join(cwd, 'afile'), 'utf8')).toBe('keep me');
  });

  it('batch --out naming a file: exit 2, not an internal error', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'afile'), '');
    mkdirSync(join(cwd, 'forms'));
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--out', 'afile'], io)).toBe(2);
    expectCleanFailure(io);
    expect(io.err).toContain('--out afile');
  });

  it('batch --templates naming no folder: exit 2 before any worker starts', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--templates', 'nowhere'], io)).toBe(2);
    expectCleanFailure(io);
    expect(io.err).toContain('nowhere does not exist');
  });

  it('batch --jobs abc: exit 2 without "NaN"', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--jobs', 'abc'], io)).toBe(2);
    expectCleanFailure(io);
    expect(io.err).toContain('--jobs not a number: expected a whole number from 1 to 64');
  });

  it('status and batch without a path: exit 2 saying what to name, not "undefined"', async () => {
    for (const command of ['status', 'batch']) {
      const io = fakeIo(temp());
      expect(await main([command], io)).toBe(2);
      expectCleanFailure(io);
      expect(io.err).toMatch(/name a (form, or a )?folder of (visit-evidence )?forms/);
    }
  });

  it('init --force onto a folder: exit 2, the folder untouched', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'visit.yaml'));
    const io = fakeIo(cwd);
    expect(await main(['init', 'visit.yaml', '--force'], io)).toBe(2);
    expectCleanFailure(io);
    expect(io.err).toContain('visit.yaml: it is a folder');
    expect(readdirSync(cwd)).toEqual(['visit.yaml']);
  });

  it('deadlines --ics naming a folder, or nothing: exit 2', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'cal'));
    const folder = fakeIo(cwd);
    expect(await main(['deadlines', example, '--ics', 'cal'], folder)).toBe(2);
    expect(folder.err).toContain('cannot write cal: it is a folder');
    const empty = fakeIo(cwd);
    expect(await main(['deadlines', example, '--ics', ''], empty)).toBe(2);
    expect(empty.err).toContain('--ics needs a file name');
    expect(readdirSync(cwd)).toEqual(['cal']);
  });
});

describe('values YAML reads as numbers that are not', () => {
  for (const [written, expected] of [
    ['.nan', '.nan'],
    ['1e400', 'too large'],
  ] as const) {
    it(`validate: leadership: ${written} is described as written, never as NaN or Infinity`, async () => {
      const cwd = temp();
      const text = readFileSync(example, 'utf8').replace(/^ {2}leadership: .*$/m, `  leadership: ${written}`);
      writeFileSync(join(cwd, 'form.yaml'), text);
      const io = fakeIo(cwd);
      expect(await main(['validate', 'form.yaml'], io)).toBe(1);
      expect(io.out + io.err).toContain(expected);
      expect(io.out + io.err).not.toMatch(/NaN|Infinity/);
      expect(io.out + io.err).toMatch(/form\.yaml:\d+:\d+ error .* at findings\.leadership/);
    });
  }
});

describe('control characters written as escapes', () => {
  for (const [name, escape] of [
    ['JSON \\u0000', 'NUL\\u0000here'],
    ['JSON \\u001b (a terminal colour code)', 'red\\u001b[31mtext'],
    ['JSON \\u0085 (a C1 control)', 'next\\u0085line'],
    ['JSON lone surrogate \\ud800', 'half\\ud800'],
  ] as const) {
    it(`${name} in a narrative: exit 1 at the field, the character never printed raw`, async () => {
      const cwd = temp();
      const form = parse(readFileSync(example, 'utf8')) as EvidenceForm;
      const json = JSON.stringify(form).replace(/"leadership":"[^"]*"/, `"leadership":"${escape}"`);
      writeFileSync(join(cwd, 'form.json'), json);
      const io = fakeIo(cwd);
      expect(await main(['validate', 'form.json'], io)).toBe(1);
      expect(io.out + io.err).toMatch(
        /form\.json:1:\d+ error .*unprintable character U\+[0-9A-F]{4}.* at findings\.leadership/,
      );
      // eslint-disable-next-line no-control-regex
      expect(io.out + io.err).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      // A refused value is a gap: the draft is made with a marker where it belongs, the character nowhere.
      const drafting = fakeIo(cwd);
      expect(await main(['draft', 'form.json', '--format', 'md,docx'], drafting)).toBe(0);
      const md = readFileSync(join(cwd, 'output', '121190-2014-03-12-draft.md'), 'utf8');
      expect(md).toContain('«leadership: not yet written»');
      // eslint-disable-next-line no-control-regex
      expect(md + drafting.out + drafting.err).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\uD800/);
      expect(await main(['draft', 'form.json', '--final', '--out', 'final'], fakeIo(cwd))).toBe(1);
      expect(existsSync(join(cwd, 'final'))).toBe(false);
    });
  }

  it('YAML "\\x1b" in a double-quoted name: exit 1 at the field', async () => {
    const cwd = temp();
    const text = readFileSync(example, 'utf8').replace(/^ {2}lastName: Hughes$/m, '  lastName: "Hu\\x1bghes"');
    writeFileSync(join(cwd, 'form.yaml'), text);
    const io = fakeIo(cwd);
    expect(await main(['validate', 'form.yaml'], io)).toBe(1);
    expect(io.out + io.err).toMatch(/form\.yaml:\d+:\d+ error .*U\+001B.* at headteacher\.lastName/);
  });
});

describe('options given oddly', () => {
  for (const format of ['', ',,,', ' , ']) {
    it(`draft --format "${format}": exit 2 naming the formats, nothing written`, async () => {
      const cwd = temp();
      const io = fakeIo(cwd);
      expect(await main(['draft', example, `--format=${format}`], io)).toBe(2);
      expect(io.err).toContain('--format: name at least one of docx, pdf, md, html, json');
      expect(readdirSync(cwd)).toEqual([]);
    });
  }

  it('finalise --format "": exit 2, and no finalisation is recorded without a final letter', async () => {
    const cwd = temp();
    const io = fakeIo(cwd);
    const code = await main(['finalise', example, '--draft', example, '--by', 'A Tester', '--format='], io);
    expect(code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--out given twice: exit 2, rather than writing into a folder named "a,b"', async () => {
    const cwd = temp();
    const io = fakeIo(cwd);
    expect(await main(['draft', example, '--format', 'md', '--out', 'a', '--out=b'], io)).toBe(2);
    expect(io.err).toContain('--out is given more than once');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--format given twice still adds up', async () => {
    const cwd = temp();
    const io = fakeIo(cwd);
    expect(await main(['draft', example, '--format', 'md', '--format', 'json', '--out', 'o'], io)).toBe(0);
    expect(readdirSync(join(cwd, 'o')).sort()).toEqual([
      '121190-2014-03-12-draft.json',
      '121190-2014-03-12-draft.md',
      '121190-2014-03-12.history.jsonl',
    ]);
  });
});

describe('batch: two forms for the same visit', () => {
  it('the form whose letter replaced the other’s fails, naming both', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    formWith(join(cwd, 'forms'), 'a.yaml', () => undefined);
    formWith(join(cwd, 'forms'), 'b-copy.yaml', () => undefined);
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--jobs', '1', '--format', 'md'], io)).toBe(1);
    expectCleanFailure(io);
    expect(io.out).toMatch(/b-copy\.yaml\n.*also written for .*a\.yaml \(the same URN and visit date\)/);
  });
});
