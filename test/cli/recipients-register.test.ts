/**
 * `recipients --urn N --register FILE --explain`, as an LA officer runs it:
 * they have the register, not a form, so what is not known is said in the
 * register's words, and every warning is in the Warnings section.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';
import { giasHeaderLine, giasLine, windows1252 } from '../register/gias-csv.js';

const register = new URL('../../fixtures/register/gias-extract.csv', import.meta.url).pathname;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(process.cwd());
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** A form field the LA officer has no form to set. */
const formField = /\bschool\.\w+|\bin the form\b|sixthForm: true/;

describe('para 17: recipients from the register alone speak in the register’s words', () => {
  it.each(['121190', '108072', '117001', '121601'])('URN %s: no form field named', async (urn) => {
    const { code, out, err } = await run('recipients', '--urn', urn, '--register', register, '--explain');
    expect(code).toBe(0);
    expect(out).not.toMatch(formField);
    expect(err).toBe('');
  });

  it('a voluntary aided school whose appointer of foundation governors the register does not name: asked in its words', async () => {
    const { out } = await run('recipients', '--urn', '108072', '--register', register, '--explain');
    expect(out).toMatch(
      /Warnings \(para 17\):\n {2}foundation-body: .*the register names no foundation for it \(Trusts\)/,
    );
  });

  it('the register’s own warning (a joint-faith school with one diocese) is inside the Warnings section, not on stderr', async () => {
    const { code, out, err } = await run('recipients', '--urn', '108071', '--register', register, '--explain');
    expect(code).toBe(0);
    expect(err).toBe('');
    const warnings = out.slice(out.indexOf('Warnings (para 17):'));
    expect(warnings).toMatch(
      /register: the register gives URN 108071 the religious character "Roman Catholic\/Church of England"/,
    );
    expect(out).not.toMatch(formField);
    expect(out).not.toMatch(/:1:1/);
  });

  it('para 17: a secondary school whose sixth form the register does not record: the warning does not ask for school.sixthForm', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recipients-register-'));
    const row = {
      URN: '135792',
      'LA (name)': 'Kingston upon Hull, City of',
      EstablishmentName: 'Marfleet Community College',
      'TypeOfEstablishment (name)': 'Community school',
      'PhaseOfEducation (name)': 'Secondary',
      'OfficialSixthForm (name)': 'Not applicable',
      'ReligiousCharacter (name)': 'Does not apply',
    };
    const header = Object.keys(row);
    const file = join(dir, 'extract.csv');
    writeFileSync(file, windows1252(giasHeaderLine(header) + giasLine(row, header)));
    const { code, out, err } = await run('recipients', '--urn', '135792', '--register', file, '--explain');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('the Director of Children’s Services for Kingston upon Hull');
    expect(out).toMatch(
      /efa: a secondary school may have a sixth form, but the register does not say whether it has one \(OfficialSixthForm\).*ask the school/,
    );
    expect(out).not.toMatch(formField);
  });
});
