/**
 * The command line's side of "a refused value is a gap, not a cascade": validate, draft and batch report
 * each refused value where it is and everything else the form gives to check, in one pass.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ManifestEntry } from '../../src/workflow/batch/manifest.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const example = readFileSync(join(repoRoot, 'fixtures/forms/example.yaml'), 'utf8');

/** The form: one meeting blank, the second progress entry's area empty, and the judgement left out. */
function refusedForm(): string {
  const out = example
    .replace('    - the headteacher\n', '    - \n')
    .replace('    - area: 2\n', '    - area:\n')
    .replace(/^judgement: effective\n/m, '');
  if (out.split('\n').length !== example.split('\n').length - 1) throw new Error('the example changed');
  return out;
}

function folder(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'schema-gaps-cli-'));
  writeFileSync(join(cwd, 'g.yaml'), refusedForm());
  return cwd;
}

describe('a refused value does not stop the other checks', () => {
  it('validate prints the schema errors where they were and the rules’ findings, in source order', async () => {
    const io = fakeIo(folder());
    expect(await main(['validate', 'g.yaml'], io)).toBe(1);
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toContain(
      'g.yaml:53:7 error expected text, found an empty value; fill it in or delete the key at evidence.meetings[0] (schema/invalid-type)',
    );
    expect(
      lines.some((l) => /^g\.yaml:76:7 error .* at findings\.progress\[1\]\.area \(schema\/invalid-type\)$/.test(l)),
    ).toBe(true);
    // The rules ran: the judgement left out, and area 2 now without progress.
    expect(lines.some((l) => / at judgement \(para-16\/completeness, para 16\)$/.test(l))).toBe(true);
    expect(
      lines.some((l) => /area for improvement 2 .* at findings\.progress \(para-16\/completeness, para 16\)$/.test(l)),
    ).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^4 errors, \d+ warnings? in g\.yaml$/);
  });

  it('validate --register fills the rest of the form from the register before the rules run', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'g.yaml'), refusedForm().replace(/^ {2}name: St Mary.*\n/m, ''));
    const register = join(repoRoot, 'fixtures/register/gias-extract.csv');
    const alone = fakeIo(cwd);
    expect(await main(['validate', 'g.yaml'], alone)).toBe(1);
    expect(alone.out).toMatch(/ at school\.name \(para-16\/completeness/);
    const withRegister = fakeIo(cwd);
    expect(await main(['validate', 'g.yaml', '--register', register], withRegister)).toBe(1);
    expect(withRegister.out).toContain('evidence.meetings[0] (schema/invalid-type)');
    expect(withRegister.out).not.toMatch(/ at school\.name /);
    expect(withRegister.out).toMatch(/ at judgement \(para-16\/completeness/);
  });

  it('validate --json lists both kinds', async () => {
    const io = fakeIo(folder());
    expect(await main(['validate', 'g.yaml', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { ok: boolean; diagnostics: { rule: string; line: number }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => d.rule)).toEqual([
      'para-16/completeness',
      'schema/invalid-type',
      'para-16/completeness',
      'schema/invalid-type',
    ]);
  });

  it('draft writes the draft with markers and exits 0; --final refuses with every finding', async () => {
    const cwd = folder();
    const io = fakeIo(cwd);
    expect(await main(['draft', 'g.yaml', '--format', 'md'], io)).toBe(0);
    expect(io.out).toContain('Wrote output/121190-2014-03-12-draft.md');
    expect(io.err).toContain('evidence.meetings[0] (schema/invalid-type)');
    // In the order of the source, refusals and findings together.
    const lines = io.err.split('\n').filter((l) => l.startsWith('g.yaml:'));
    const numbers = lines.map((l) => Number(/^g\.yaml:(\d+):/.exec(l)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(lines.length).toBe(4);
    const md = readFileSync(join(cwd, 'output', '121190-2014-03-12-draft.md'), 'utf8');
    expect(md).toContain('«evidence.meetings\\[0\\]: not yet written»');
    expect(md).toContain('«judgement: not yet written»');

    const finalIo = fakeIo(cwd);
    expect(await main(['draft', 'g.yaml', '--final', '--out', 'final'], finalIo)).toBe(1);
    expect(finalIo.err).toContain('evidence.meetings[0] (schema/invalid-type)');
    expect(finalIo.err).toMatch(/ at judgement \(para-16\/completeness, para 16\)/);
    expect(finalIo.err).toContain('a final letter cannot be made');
  });

  it('batch drafts it as INCOMPLETE, its manifest listing the schema errors with the others', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'schema-gaps-batch-'));
    mkdirSync(join(cwd, 'forms'));
    writeFileSync(join(cwd, 'forms', 'g.yaml'), refusedForm());
    copyFileSync(join(repoRoot, 'fixtures/forms/community-primary.yaml'), join(cwd, 'forms', 'community-primary.yaml'));
    const io = fakeIo(cwd);
    await main(['batch', 'forms', '--out', 'out', '--jobs', '1', '--format', 'md'], io);
    const manifest = JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')) as ManifestEntry[];
    const entry = manifest.find((e) => e.form.endsWith('g.yaml'))!;
    expect(entry.ok).toBe(false);
    expect(entry.rendered).toBe(true);
    expect(entry.errors.some((e) => e.includes('evidence.meetings[0] (schema/invalid-type)'))).toBe(true);
    expect(entry.errors.some((e) => e.includes('at judgement (para-16/completeness'))).toBe(true);
    expect(entry.gaps).toContain('evidence.meetings[0]');
    expect(entry.gaps).toContain('judgement');
  });
});
