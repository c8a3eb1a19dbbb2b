import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { establishmentTypeByGiasName } from '../../src/evidence/establishment.js';
import { loadFormFile } from '../../src/evidence/load.js';
import { form as formSchema, type EvidenceForm } from '../../src/evidence/schema.js';
import {
  displayName,
  findRecordInRegister,
  findSchoolInRegister,
  mergeRegister,
  RegisterError,
  registerSchoolFromRecord,
} from '../../src/register/index.js';
import { RecipientsError, resolveRecipients } from '../../src/rules/recipients.js';
import { fixtureRows } from './fixture-rows.js';
import { giasHeaderLine, giasLine, windows1252 } from './gias-csv.js';

const register = fileURLToPath(new URL('../../fixtures/register/gias-extract.csv', import.meta.url));
const exampleForm = (): EvidenceForm =>
  formSchema.parse(parse(readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8')));
const temp = (name: string, bytes: Buffer | string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'gias-')), name);
  writeFileSync(file, bytes);
  return file;
};

describe('reading the register', () => {
  it('finds every fixture row by URN, decoding Windows-1252', async () => {
    for (const row of fixtureRows) {
      const record = await findRecordInRegister(register, row.URN!);
      expect(record?.EstablishmentName).toBe(row.EstablishmentName);
    }
  });

  it('decodes St Bede’s apostrophe (byte 0x92) as ’', async () => {
    const school = await findSchoolInRegister(register, '108070');
    expect(school?.school.name).toBe('St Bede\u2019s Catholic Voluntary Aided Primary School');
  });

  it('reads quoted fields with commas whole', async () => {
    const school = await findSchoolInRegister(register, '131001');
    expect(school?.school.address?.lines).toEqual(['Unit 4, Brunel Way', 'Thetford']);
    expect((await findSchoolInRegister(register, '118300'))?.status).toBe('Open, but proposed to close');
  });

  it('returns undefined for a URN the register lacks, even when its digits occur elsewhere', async () => {
    expect(await findSchoolInRegister(register, '999999')).toBeUndefined();
    // 121190's digits occur in its telephone number column too; 112119 only as part of other values.
    expect(await findSchoolInRegister(register, '112119')).toBeUndefined();
  });

  it('finds columns by name, never by position', async () => {
    const header = ['EstablishmentName', 'TypeOfEstablishment (name)', 'LA (name)', 'URN'];
    const row = {
      URN: '123456',
      EstablishmentName: 'Reordered School',
      'TypeOfEstablishment (name)': 'Community school',
      'LA (name)': 'Kent',
    };
    const file = temp('reordered.csv', windows1252(giasHeaderLine(header) + giasLine(row, header)));
    const school = await findSchoolInRegister(file, '123456');
    expect(school?.school).toMatchObject({
      name: 'Reordered School',
      type: 'community',
      localAuthority: { name: 'Kent' },
    });
  });

  it('finds a record whose quoted field spans lines (the exact pass)', async () => {
    const header = ['URN', 'EstablishmentName', 'Street'];
    const text =
      giasHeaderLine(header) +
      '100001,"First School","1 Long Road\r\nSecond line"\r\n' +
      '"123456","Multi-line\r\nName School","2 Road"\r\n' +
      '123457,"After School","3 Road"\r\n';
    const file = temp('multiline.csv', windows1252(text));
    expect((await findRecordInRegister(file, '123456'))?.EstablishmentName).toBe('Multi-line\r\nName School');
    expect((await findRecordInRegister(file, '123457'))?.Street).toBe('3 Road');
    expect((await findRecordInRegister(file, '100001'))?.Street).toBe('1 Long Road\r\nSecond line');
  });

  it('finds the last row when the file has no final newline, across read chunks', async () => {
    const header = ['URN', 'EstablishmentName'];
    const rows = Array.from({ length: 30_000 }, (_, i) => `${200000 + i},"School number ${i}, with a comma"`);
    const file = temp('big.csv', windows1252(giasHeaderLine(header) + rows.join('\r\n')));
    expect((await findRecordInRegister(file, '229999'))?.EstablishmentName).toBe('School number 29999, with a comma');
    expect((await findRecordInRegister(file, '215000'))?.EstablishmentName).toBe('School number 15000, with a comma');
  });

  it('reads a UTF-8 extract with a byte-order mark', async () => {
    const file = temp('utf8.csv', '\uFEFFURN,EstablishmentName\n123456,"St Bede\u2019s School"\n');
    expect((await findRecordInRegister(file, '123456'))?.EstablishmentName).toBe('St Bede\u2019s School');
  });

  it('a file without a URN column is a clear RegisterError', async () => {
    const file = temp('not-gias.csv', 'Name,Town\nA,B\n');
    await expect(findRecordInRegister(file, '123456')).rejects.toThrow(RegisterError);
    await expect(findRecordInRegister(file, '123456')).rejects.toThrow(/no "URN" column/);
  });
});

describe('mapping a register row to the form’s school facts', () => {
  it('maps a voluntary aided school, treating "Not applicable" and "Does not apply" as absent', async () => {
    const found = await findSchoolInRegister(register, '121190');
    expect(found?.school).toEqual({
      urn: '121190',
      name: 'St Mary\u2019s Church of England Voluntary Aided Primary School',
      address: { lines: ['Church Lane', 'Hethersett'], town: 'Norwich', postcode: 'NR9 3AB' },
      localAuthority: { name: 'Norfolk' },
      type: 'voluntary-aided',
      phase: 'primary',
      sixthForm: false,
      boarding: false,
      religiousCharacter: 'Church of England',
      dioceses: ['Diocese of Norwich'],
    });
    expect(found?.headteacher).toEqual({ title: 'Mrs', firstName: 'Zoë', lastName: 'Hughes', role: 'Headteacher' });
    expect(found?.diagnostics).toEqual([]);
  });

  it('"Supported by a trust" makes the trust the foundation; an academy trust is the trust', async () => {
    const foundation = await findSchoolInRegister(register, '121601');
    expect(foundation?.school.foundation).toEqual({ name: 'The Wensum Trust' });
    expect(foundation?.school.sixthForm).toBe(true);
    const academy = await findSchoolInRegister(register, '137856');
    expect(academy?.school.trust).toBe('The Wensum Trust');
    expect(academy?.school.foundation).toBeUndefined();
  });

  it('an unknown type is an error naming it', async () => {
    const found = await findSchoolInRegister(register, '131500');
    expect(found?.school.type).toBeUndefined();
    expect(found?.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'register/unknown-type',
        path: ['school', 'type'],
        message: expect.stringContaining('"Secure units"'),
      }),
    ]);
  });

  it('a closed school is a warning', async () => {
    const found = await findSchoolInRegister(register, '121100');
    expect(found?.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'register/closed',
        message: expect.stringContaining('31-08-2012'),
      }),
    ]);
  });

  it('names the register writes in capitals are shown in title case', () => {
    expect(displayName('THE TRUST OF ST MICHAEL AND ALL ANGELS')).toBe('The Trust of St Michael and All Angels');
    expect(displayName('THE SKINNERS\u2019 KENT ACADEMY TRUST')).toBe('The Skinners\u2019 Kent Academy Trust');
    expect(displayName('Inspiration Trust')).toBe('Inspiration Trust');
  });

  it('every establishment type in the fixture register resolves recipients or fails with a clear error', () => {
    const outcomes = new Map<string, string>();
    for (const row of fixtureRows) {
      const typeName = row['TypeOfEstablishment (name)']!;
      const found = registerSchoolFromRecord(row);
      const errors = found.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        expect(errors[0]!.message).toContain(`"${typeName}"`);
        outcomes.set(typeName, 'unknown');
        continue;
      }
      try {
        const list = resolveRecipients(found.school, found.headteacher);
        expect(list.copies.map((c) => c.role)).toEqual(
          expect.arrayContaining(['appropriate-authority', 'local-authority']),
        );
        outcomes.set(typeName, 'resolved');
      } catch (error) {
        expect(error).toBeInstanceOf(RecipientsError);
        expect((error as RecipientsError).message).toContain(`"${establishmentTypeByGiasName(typeName)!.gias[0]!}"`);
        outcomes.set(typeName, (error as RecipientsError).code);
      }
    }
    expect(outcomes.get('Voluntary aided school')).toBe('resolved');
    expect(outcomes.get('Academy 16-19 converter')).toBe('resolved');
    expect(outcomes.get('Other independent school')).toBe('not-section-5');
    expect(outcomes.get('Welsh establishment')).toBe('unknown');
    expect(outcomes.size).toBeGreaterThanOrEqual(30);
  });
});

describe('merging the register into a form', () => {
  it('a form naming only its URN gets everything from the register', async () => {
    const form = exampleForm();
    const bare: EvidenceForm = { ...form, school: { urn: form.school.urn } };
    delete bare.headteacher;
    const found = (await findSchoolInRegister(register, '121190'))!;
    const { form: merged, diagnostics } = mergeRegister(bare, found);
    expect(diagnostics).toEqual([]);
    expect(merged.school).toEqual(found.school);
    expect(merged.headteacher).toEqual(found.headteacher);
    expect(formSchema.safeParse(merged).success).toBe(true);
  });

  it('facts in the form win, and a disagreement is a warning at the form’s field', async () => {
    const form = exampleForm();
    form.school.name = 'St Mary\u2019s C of E Primary';
    form.school.sixthForm = true;
    const found = (await findSchoolInRegister(register, '121190'))!;
    const { form: merged, diagnostics } = mergeRegister(form, found, 'example.yaml');
    expect(merged.school.name).toBe('St Mary\u2019s C of E Primary');
    expect(merged.school.sixthForm).toBe(true);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.path.join('.')])).toEqual([
      ['register/disagrees', 'warning', 'school.name'],
      ['register/disagrees', 'warning', 'school.sixthForm'],
    ]);
    expect(diagnostics[0]!.file).toBe('example.yaml');
  });

  it('agreeing facts written differently (apostrophes, case, postcode spacing) are not a disagreement', async () => {
    const form = exampleForm();
    form.school.name = "st mary's church of england voluntary aided primary school";
    form.school.address = { lines: ['Church Lane', 'Hethersett'], town: 'Norwich', postcode: 'NR93AB' };
    const { diagnostics } = mergeRegister(form, (await findSchoolInRegister(register, '121190'))!);
    expect(diagnostics).toEqual([]);
  });

  it('a name the register cannot write in Windows-1252 (Małgorzata as Malgorzata) is not a disagreement', async () => {
    const form = exampleForm();
    form.headteacher = { title: 'Mrs', firstName: 'Zoë', lastName: 'Hughes' };
    const found = (await findSchoolInRegister(register, '121190'))!;
    const withoutAccents = { ...found, headteacher: { title: 'Mrs', firstName: 'Zoe', lastName: 'Hughes' } };
    expect(mergeRegister(form, withoutAccents).diagnostics).toEqual([]);
    form.headteacher.firstName = 'Zofia';
    expect(mergeRegister(form, withoutAccents).diagnostics.map((d) => d.path.join('.'))).toEqual([
      'headteacher.firstName',
    ]);
  });

  it('an unknown register type does not matter when the form gives the type', async () => {
    const form = exampleForm();
    form.school.urn = '131500';
    const { diagnostics } = mergeRegister(form, (await findSchoolInRegister(register, '131500'))!);
    expect(diagnostics.some((d) => d.rule === 'register/unknown-type')).toBe(false);
  });
});

describe('the fixture forms and the fixture register', () => {
  const dir = fileURLToPath(new URL('../../fixtures/forms/', import.meta.url));
  const forms = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it.each(forms)('%s: its URN is in the register, and merging keeps the form’s copy list', async (file) => {
    const loaded = loadFormFile(join(dir, file), file);
    const form = loaded.form!;
    const found = await findSchoolInRegister(register, String(form.school.urn));
    expect(found, `URN ${form.school.urn} of ${file}`).toBeDefined();
    const { form: merged, diagnostics } = mergeRegister(form, found!);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(resolveRecipients(merged.school, merged.headteacher).copies).toEqual(
      resolveRecipients(form.school, form.headteacher).copies,
    );
  });
});

describe('para 17: a voluntary school with no diocese, as the register describes it', () => {
  const row = (religion: string) => ({
    URN: '135790',
    'LA (name)': 'Wiltshire',
    EstablishmentName: 'Longford Voluntary Controlled Primary School',
    'TypeOfEstablishment (name)': 'Voluntary controlled school',
    'PhaseOfEducation (name)': 'Primary',
    'OfficialSixthForm (name)': 'Does not have a sixth form',
    'ReligiousCharacter (name)': religion,
    'Diocese (name)': 'Not applicable',
  });
  const header = Object.keys(row('None'));

  it('religious character "None" and diocese "Not applicable": no diocese asked for, its foundation is', async () => {
    const file = temp('vc-none.csv', windows1252(giasHeaderLine(header) + giasLine(row('None'), header)));
    const found = await findSchoolInRegister(file, '135790');
    expect(found?.school.religiousCharacter).toBe('None');
    expect(found?.school.dioceses).toBeUndefined();
    const list = resolveRecipients(found!.school);
    expect(list.notCopied.find((n) => n.role === 'diocese')?.reason).toBe(
      'voluntary controlled school with no religious character: it has no diocese, so none is copied',
    );
    expect((list.warnings ?? []).map((w) => w.role)).toEqual(['foundation-body']);
  });

  it('a Hindu voluntary aided school: "Not applicable" diocese is no diocese, and none is asked for', async () => {
    const hindu = { ...row('Hindu'), 'TypeOfEstablishment (name)': 'Voluntary aided school' };
    const file = temp('va-hindu.csv', windows1252(giasHeaderLine(header) + giasLine(hindu, header)));
    const found = await findSchoolInRegister(file, '135790');
    const list = resolveRecipients(found!.school);
    expect(list.notCopied.find((n) => n.role === 'diocese')?.reason).toMatch(
      /Hindu religious character: it has no diocese/,
    );
    expect((list.warnings ?? []).map((w) => w.role)).toEqual(['foundation-body']);
  });
});

describe('register rows: religious character "Does not apply" and federations', () => {
  const row = (facts: Record<string, string>) => ({
    URN: '135791',
    'LA (name)': 'Wiltshire',
    EstablishmentName: 'Longford Voluntary Controlled Primary School',
    'TypeOfEstablishment (name)': 'Voluntary controlled school',
    'PhaseOfEducation (name)': 'Primary',
    'OfficialSixthForm (name)': 'Does not have a sixth form',
    'ReligiousCharacter (name)': 'Does not apply',
    'Diocese (name)': 'Not applicable',
    'FederationFlag (name)': 'Not under a federation',
    'Federations (name)': '',
    ...facts,
  });
  const header = Object.keys(row({}));
  const load = async (facts: Record<string, string>) => {
    const file = temp(
      `row-${Object.values(facts).join('-').replace(/\W+/g, '-')}.csv`,
      windows1252(giasHeaderLine(header) + giasLine(row(facts), header)),
    );
    return (await findSchoolInRegister(file, '135791'))!;
  };

  it('para 17: religious character "Does not apply" means none, like "None": no diocese asked for', async () => {
    const found = await load({});
    expect(found.school.religiousCharacter).toBe('None');
    const list = resolveRecipients(found.school);
    expect(list.notCopied.find((n) => n.role === 'diocese')?.reason).toMatch(/no religious character/);
    expect((list.warnings ?? []).map((w) => w.role)).not.toContain('diocese');
  });

  it("para 17: a federated school copies the chair of the federation's governing body", async () => {
    const found = await load({
      'TypeOfEstablishment (name)': 'Community school',
      'FederationFlag (name)': 'Supported by a federation',
      'Federations (name)': 'THE WYLYE VALLEY FEDERATION',
    });
    expect(found.diagnostics).toEqual([]);
    const list = resolveRecipients(found.school);
    expect(list.copies.find((c) => c.role === 'appropriate-authority')?.name).toBe(
      'the Chair of the Governing Body of the Wylye Valley Federation',
    );
  });

  it('para 17: a federated school whose federation the register does not name: a warning that its name is needed', async () => {
    const found = await load({
      'TypeOfEstablishment (name)': 'Community school',
      'FederationFlag (name)': 'Supported by a federation',
    });
    expect(found.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'register/federation-unnamed',
        message: expect.stringMatching(/federation.*name/),
      }),
    ]);
  });
});
