import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';

const example = new URL('../../fixtures/forms/example.yaml', import.meta.url).pathname;
const register = new URL('../../fixtures/register/gias-extract.csv', import.meta.url).pathname;
const letter = (name: string): string => new URL(`../../fixtures/letters/${name}`, import.meta.url).pathname;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(process.cwd());
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('monitoring-letter check-copy', () => {
  it('exit 0 when the letter is copied as para 17 requires', async () => {
    const { code, out } = await run('check-copy', letter('st-marys-copied-correctly.txt'), example);
    expect(code).toBe(0);
    expect(out).toContain('The letter is copied as para 17 requires.');
  });

  it('exit 0 for a letter whose copy sentence runs across a page break, footer between (text with a form feed)', async () => {
    const { code, out } = await run('check-copy', letter('st-marys-page-break.txt'), example);
    expect(code).toBe(0);
    expect(out).toContain('The letter is copied as para 17 requires.');
  });

  it('exit 1 with the missing body and why', async () => {
    const { code, out } = await run('check-copy', letter('st-marys-diocese-missing.txt'), example);
    expect(code).toBe(1);
    expect(out).toContain('MISSING  diocese: the Diocese of Norwich');
    expect(out).toContain('voluntary aided school: the diocese is copied (para 17)');
  });

  it('--urn and --register: the register’s facts; an extra body reported (--json)', async () => {
    const { code, out } = await run(
      'check-copy',
      letter('sprowston-academy.md'),
      '--urn',
      '137856',
      '--register',
      register,
      '--json',
    );
    expect(code).toBe(1);
    const json = JSON.parse(out) as { ok: boolean; missing: unknown[]; extra: { text: string }[] };
    expect(json.ok).toBe(false);
    expect(json.missing).toEqual([]);
    expect(json.extra.map((e) => e.text)).toEqual(['the Secretary of State']);
  });

  it('a letter with no copy sentence is a clear error (exit 1)', async () => {
    const { code, err } = await run('check-copy', letter('no-copy-sentence.txt'), example);
    expect(code).toBe(1);
    expect(err).toContain('no-copy-sentence.txt: the letter has no copy sentence');
  });

  it('prints the school it checked, by name and URN, and quotes the sentence from its first word', async () => {
    const { out } = await run('check-copy', letter('st-marys-copied-correctly.txt'), example);
    expect(out.split('\n')[0]).toBe(
      'School checked: St Mary’s Church of England Voluntary Aided Primary School (URN 121190)',
    );
    expect(out).toContain('"I am copying this letter to the Chair of the Governing Body,');
  });

  it('an unrecognised body is reported as not recognised, with its text (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-copy-'));
    const file = join(dir, 'letter.txt');
    writeFileSync(
      file,
      readFileSync(letter('st-marys-copied-correctly.txt'), 'utf8').replace(
        'Governing Body, ',
        'Governing Body, the Chief Executive of the Valley Learning Trust, ',
      ),
    );
    const { code, out } = await run('check-copy', file, example);
    expect(code).toBe(1);
    expect(out).toContain('  ok       appropriate-authority: the Chair of the Governing Body\n');
    expect(out).toContain(
      '  EXTRA    not recognised: the Chief Executive of the Valley Learning Trust\n             not recognised as any of the bodies para 17 lists',
    );
  });

  it('a letter about another school: a warning naming both, in the text and in --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-copy-'));
    const file = join(dir, 'letter.txt');
    writeFileSync(
      file,
      `Unique reference number: 121999\n\n${readFileSync(letter('st-marys-copied-correctly.txt'), 'utf8')}`,
    );
    const text = await run('check-copy', file, example);
    expect(text.out).toContain(
      '  WARNING  the letter gives URN 121999, not 121190, the URN checked: is this letter for the school checked?',
    );
    const { out } = await run('check-copy', file, example, '--json');
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'ok',
      'school',
      'letter',
      'warnings',
      'sentence',
      'found',
      'matched',
      'missing',
      'extra',
      'namedDifferently',
      'notes',
    ]);
    expect(json.school).toEqual({
      name: 'St Mary’s Church of England Voluntary Aided Primary School',
      urn: '121190',
    });
    expect(json.letter).toEqual({
      name: 'St Mary’s Church of England Voluntary Aided Primary School',
      urn: '121999',
    });
    expect(json.warnings).toEqual(['the letter gives URN 121999, not 121190, the URN checked']);
  });

  it('a missing letter file is a usage error (exit 2)', async () => {
    const { code, err } = await run('check-copy', letter('nowhere.txt'), example);
    expect(code).toBe(2);
    expect(err).toContain('no such file');
  });
});
