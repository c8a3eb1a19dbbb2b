import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo as sharedFakeIo } from '../support/fake-io.js';

const root = new URL('../../', import.meta.url).pathname;
const example = join(root, 'fixtures/forms/example.yaml');
const invalid = (name: string) => join(root, 'fixtures/invalid', name);

const fakeIo = (cwd = root, isTTY = false) => sharedFakeIo(cwd, { isTTY });

interface JsonReport {
  ok: boolean;
  diagnostics: Array<Record<string, unknown>>;
}

describe('monitoring-letter validate', () => {
  it('exits 0 on the bundled example and says so in the summary', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'fixtures/forms/example.yaml'], io)).toBe(0);
    expect(io.out).toMatch(/0 errors, \d+ warnings? in fixtures\/forms\/example\.yaml\n$/);
    expect(io.out).not.toMatch(/ error /);
  });

  it('prints compiler-style lines and a summary, and exits 1 on errors', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'fixtures/invalid/bad-enum.yaml'], io)).toBe(1);
    const lines = io.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^fixtures\/invalid\/bad-enum\.yaml:17:25 error found text "Requires Improvement", expected one of: .*did you mean `requires-improvement`\? at inspection\.overallEffectiveness \(schema\/invalid-value\)$/,
    );
    expect(lines[lines.length - 1]).toBe('1 error, 0 warnings in fixtures/invalid/bad-enum.yaml');
  });

  it('shows the source line and a caret under the place on a terminal', async () => {
    const io = fakeIo(root, true);
    await main(['validate', invalid('bad-urn.yaml')], { ...io, env: { NO_COLOR: '1' } });
    // The spread copies the collectors' closures, so output still lands in `io`.
    expect(io.out).toContain('    5 |   urn: 12145\n      |        ^~~~~\n');
  });

  it('--json prints exactly { ok, diagnostics: [{ severity, message, path, line, column, rule, file }] }', async () => {
    const io = fakeIo();
    expect(await main(['validate', invalid('unknown-key-near-miss.yaml'), '--json'], io)).toBe(1);
    const report = JSON.parse(io.out) as JsonReport;
    expect(Object.keys(report)).toEqual(['ok', 'diagnostics']);
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toEqual([
      {
        severity: 'error',
        message: 'unknown key `areasForImprovment` in inspection; did you mean `areasForImprovement`?',
        path: ['inspection', 'areasForImprovment'],
        line: 19,
        column: 3,
        rule: 'schema/unknown-key',
        file: invalid('unknown-key-near-miss.yaml'),
      },
    ]);
  });

  it('--json on a valid form gives ok: true and exits 0', async () => {
    const io = fakeIo();
    expect(await main(['validate', example, '--json'], io)).toBe(0);
    const report = JSON.parse(io.out) as JsonReport;
    expect(report.ok).toBe(true);
    for (const d of report.diagnostics) expect(d.severity).not.toBe('error');
  });

  it('checks several forms in one run and summarises them together', async () => {
    const io = fakeIo();
    const code = await main(['validate', example, invalid('impossible-date.yaml'), invalid('bad-urn.yaml')], io);
    expect(code).toBe(1);
    expect(io.out).toMatch(/\n2 errors, \d+ warnings? in 3 forms\n$/);
    expect(io.out).toContain('impossible-date.yaml:15:12 error 2014-02-30 is not a date on the calendar');
  });

  it('exits 2 for a form that does not exist, with a diagnostic naming it', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'no-such-visit.yaml'], io)).toBe(2);
    expect(io.out).toContain('no-such-visit.yaml: error cannot find no-such-visit.yaml');
    const json = fakeIo();
    expect(await main(['validate', 'no-such-visit.yaml', '--json'], json)).toBe(2);
    expect((JSON.parse(json.out) as JsonReport).diagnostics[0]).toMatchObject({
      rule: 'file/not-found',
      line: null,
      column: null,
    });
  });

  it('exits 2 for wrong usage: no form, or an unknown flag', async () => {
    const none = fakeIo();
    expect(await main(['validate'], none)).toBe(2);
    expect(none.err).toMatch(/name the form\(s\) to check: monitoring-letter validate <form..>\n$/);
    const flag = fakeIo();
    expect(await main(['validate', example, '--jsno'], flag)).toBe(2);
    expect(flag.err).toMatch(/unknown option --jsno: did you mean --json\?/);
  });

  it('exits 1 for an invalid JSON form, placing the error in the JSON', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'fixtures/invalid/json-trailing-comma.json'], io)).toBe(1);
    expect(io.out).toContain('json-trailing-comma.json:25:27 error found a comma after the last item');
  });
});

describe('monitoring-letter schema', () => {
  it('prints the committed JSON Schema', async () => {
    const io = fakeIo();
    expect(await main(['schema'], io)).toBe(0);
    const committed = JSON.parse(readFileSync(join(root, 'schema/evidence-form.schema.json'), 'utf8')) as unknown;
    expect(JSON.parse(io.out)).toEqual(committed);
  });
});

describe('monitoring-letter init', () => {
  it('writes visit.yaml pointing at the schema, whose only errors are the sample text still to be replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-'));
    const io = fakeIo(dir);
    expect(await main(['init'], io)).toBe(0);
    const text = readFileSync(join(dir, 'visit.yaml'), 'utf8');
    const schemaPath = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1] ?? '';
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(existsSync(join(dir, schemaPath))).toBe(true);
    const check = fakeIo(dir);
    expect(await main(['validate', 'visit.yaml', '--json'], check)).toBe(1);
    const errors = (JSON.parse(check.out) as JsonReport).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(5);
    for (const error of errors) {
      expect(error.rule).toBe('init/sample-text');
      expect(['sample-school', 'sample-prose']).toContain(error.code);
    }
    expect(errors.map((d) => (d.path as string[]).join('.'))).toEqual(
      expect.arrayContaining(['school.name', 'context', 'findings.plans']),
    );
  });

  it('refuses to overwrite a file unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-'));
    writeFileSync(join(dir, 'mine.yaml'), 'keep me\n');
    const io = fakeIo(dir);
    expect(await main(['init', 'mine.yaml'], io)).toBe(2);
    expect(io.err).toContain('mine.yaml already exists: pass --force to overwrite it');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('keep me\n');
    expect(await main(['init', 'mine.yaml', '--force'], fakeIo(dir))).toBe(0);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toContain('areasForImprovement:');
  });
});
