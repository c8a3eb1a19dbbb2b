/**
 * The register as published: its real column names, its quoting and its
 * vocabularies (edubasealldata extracts 2021–2025), read the way the rules need.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { giasColumns, giasHeader } from '../../src/register/columns.js';
import { findSchoolInRegister, mergeRegister, registerSchoolFromRecord } from '../../src/register/index.js';
import {
  boardingFrom,
  diocesanChurches,
  dioceseNamesFrom,
  localAuthorityName,
  sixthFormFrom,
} from '../../src/register/vocabulary.js';
import { resolveRecipients } from '../../src/rules/recipients.js';
import type { EvidenceForm } from '../../src/evidence/schema.js';
import { giasHeaderLine, giasLine, windows1252 } from './gias-csv.js';

const register = fileURLToPath(new URL('../../fixtures/register/gias-extract.csv', import.meta.url));

/** Every TypeOfEstablishment (name) of a 2025 extract (codes 1–57), and whether the tool maps it. */
const realTypes: [string, 'maps' | 'not section 5' | 'unknown'][] = [
  ['Community school', 'maps'],
  ['Voluntary aided school', 'maps'],
  ['Voluntary controlled school', 'maps'],
  ['Foundation school', 'maps'],
  ['City technology college', 'maps'],
  ['Community special school', 'maps'],
  ['Non-maintained special school', 'maps'],
  ['Other independent special school', 'maps'],
  ['Other independent school', 'maps'],
  ['Foundation special school', 'maps'],
  ['Pupil referral unit', 'maps'],
  ['Local authority nursery school', 'maps'],
  ['Further education', 'maps'],
  ['Secure units', 'not section 5'],
  ['Offshore schools', 'not section 5'],
  ["Service children's education", 'not section 5'],
  ['Miscellaneous', 'unknown'],
  ['Academy sponsor led', 'maps'],
  ['Higher education institutions', 'not section 5'],
  ['Welsh establishment', 'not section 5'],
  ['Sixth form centres', 'maps'],
  ['Special post 16 institution', 'not section 5'],
  ['Academy special sponsor led', 'maps'],
  ['Academy converter', 'maps'],
  ['Free schools', 'maps'],
  ['Free schools special', 'maps'],
  ['British schools overseas', 'not section 5'],
  ['Free schools alternative provision', 'maps'],
  ['Free schools 16 to 19', 'maps'],
  ['University technical college', 'maps'],
  ['Studio schools', 'maps'],
  ['Academy alternative provision converter', 'maps'],
  ['Academy alternative provision sponsor led', 'maps'],
  ['Academy special converter', 'maps'],
  ['Academy 16-19 converter', 'maps'],
  ['Academy 16 to 19 sponsor led', 'maps'],
  ['Online provider', 'not section 5'],
  ['Institution funded by other government department', 'not section 5'],
  ['Academy secure 16 to 19', 'unknown'],
];

const rowOf = (values: Record<string, string>): Record<string, string> => ({
  URN: '999001',
  'LA (name)': 'Norfolk',
  EstablishmentName: 'A School',
  'EstablishmentStatus (name)': 'Open',
  ...values,
});

describe('the register’s types of establishment', () => {
  it.each(realTypes)('"%s": %s', (typeName, outcome) => {
    const found = registerSchoolFromRecord(rowOf({ 'TypeOfEstablishment (name)': typeName }));
    const errors = found.diagnostics.filter((d) => d.severity === 'error');
    if (outcome === 'maps') {
      expect(errors).toEqual([]);
      expect(found.school.type).toBeDefined();
      return;
    }
    expect(found.school.type).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.rule).toBe('register/unknown-type');
    expect(errors[0]!.message).toContain(`"${typeName}"`);
    expect(errors[0]!.message).toContain(
      outcome === 'not section 5' ? 'not inspected under section 5' : 'the tool does not know',
    );
  });

  it('reads the labels however the apostrophe and case are written', () => {
    const curly = registerSchoolFromRecord(rowOf({ 'TypeOfEstablishment (name)': 'ACADEMY  CONVERTER' }));
    expect(curly.school.type).toBe('academy-converter');
    const nursery = registerSchoolFromRecord(rowOf({ 'TypeOfEstablishment (name)': 'LA nursery school' }));
    expect(nursery.school.type).toBe('la-nursery');
  });
});

describe('the register’s columns and quoting', () => {
  it('the header has the columns of a 2024–2025 extract the reader uses', () => {
    for (const column of Object.values(giasColumns)) expect(giasHeader).toContain(column);
    expect(giasHeader).toEqual(
      expect.arrayContaining(['OfstedLastInsp', 'OfstedSpecialMeasures (name)', 'OfstedRating (name)']),
    );
    expect(new Set(giasHeader).size).toBe(giasHeader.length);
  });

  it('the fixture is quoted as published: the header and text quoted, URN and ages bare', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(register, 'latin1');
    expect(text.startsWith('"URN","LA (code)","LA (name)",')).toBe(true);
    expect(text).toMatch(/\r\n121190,"926","Norfolk","3300",/);
  });

  it('reads an older extract with columns since dropped (CensusAreaStatisticWard, RSCRegion) by name', async () => {
    const at = giasHeader.indexOf('Northing') + 1;
    const header = [...giasHeader.slice(0, at), 'CensusAreaStatisticWard (name)', ...giasHeader.slice(at)];
    header.splice(header.indexOf('Country (name)'), 0, 'RSCRegion (name)');
    const dir = mkdtempSync(join(tmpdir(), 'gias-2021-'));
    const file = join(dir, 'edubasealldata20210801.csv');
    const row = {
      URN: '100000',
      'LA (name)': 'City of London',
      EstablishmentName: 'The Aldgate School',
      'TypeOfEstablishment (name)': 'Voluntary aided school',
      'ReligiousCharacter (name)': 'Church of England',
      'Diocese (code)': 'CE23',
      'Diocese (name)': 'Diocese of London',
      'CensusAreaStatisticWard (name)': '',
      'RSCRegion (name)': 'North-West London and South-Central England',
      'Country (name)': '',
    };
    writeFileSync(file, windows1252(giasHeaderLine(header) + giasLine(row, header)));
    const found = await findSchoolInRegister(file, '100000');
    expect(found?.school).toMatchObject({
      type: 'voluntary-aided',
      localAuthority: { name: 'City of London' },
      dioceses: ['Diocese of London'],
    });
  });
});

describe('the register’s vocabularies', () => {
  it.each([
    ['No boarders', false],
    ['No Boarders', false],
    ['Does not have boarders', false],
    ['Boarding school', true],
    ['Boarding School', true],
    ["Children's home (Boarding school)", true],
    ['College / FE residential accommodation', true],
    ['Not known', undefined],
    [undefined, undefined],
  ] as const)('para 4: Boarders "%s" → boarding %s', (value, expected) => {
    expect(boardingFrom(value)).toBe(expected);
  });

  it.each([
    ['Has a sixth form', true],
    ['Does not have a sixth form', false],
    ['Doers not have a sixth form', false],
    ['Something else', undefined],
    [undefined, undefined],
  ] as const)('para 17: OfficialSixthForm "%s" → sixth form %s', (value, expected) => {
    expect(sixthFormFrom(value)).toBe(expected);
  });

  it.each([
    ['Diocese of Norwich', ['Diocese of Norwich']],
    ['Archdiocese of Birmingham', ['Archdiocese of Birmingham']],
    ['Norwich, Diocese of', ['Diocese of Norwich']],
    ['Liverpool, Archdiocese of', ['Archdiocese of Liverpool']],
    ['Diocese of Leeds (RC)', ['Roman Catholic Diocese of Leeds']],
    ['Diocese of Portsmouth (CE)', ['Church of England Diocese of Portsmouth']],
    ['Hallam', ['Diocese of Hallam']],
    ['Diocese is not trustees', []],
    [undefined, []],
  ] as const)('Diocese "%s" → %j', (value, expected) => {
    expect(dioceseNamesFrom(value)).toEqual(expected);
  });

  it.each([
    ['Roman Catholic/Church of England', ['Roman Catholic', 'Church of England']],
    ['Church of England/Roman Catholic', ['Church of England', 'Roman Catholic']],
    ['Roman Catholic/Anglican', ['Roman Catholic', 'Church of England']],
    ['Church of England/Methodist', ['Church of England']],
    ['Methodist/Church of England', ['Church of England']],
    ['Church of England/Methodist/United Reform Church/Baptist', ['Church of England']],
    ['Catholic', ['Roman Catholic']],
    ['Jewish', []],
  ] as const)('religious character "%s" has dioceses of %j', (value, expected) => {
    expect(diocesanChurches(value)).toEqual(expected);
  });

  it.each([
    ['Isles Of Scilly', 'Isles of Scilly'],
    ['Bristol, City of', 'Bristol, City of'],
    ['Kingston upon Hull, City of', 'Kingston upon Hull, City of'],
    ['Herefordshire, County of', 'Herefordshire, County of'],
    ['Southend-on-Sea', 'Southend-on-Sea'],
    ['Bournemouth, Christchurch and Poole', 'Bournemouth, Christchurch and Poole'],
    ['St. Helens', 'St. Helens'],
  ])('LA "%s" is written "%s"', (value, expected) => {
    expect(localAuthorityName(value)).toBe(expected);
  });
});

describe('para 17: the register’s spellings in the copy list', () => {
  const laCopy = async (urn: string): Promise<string | undefined> => {
    const found = await findSchoolInRegister(register, urn);
    return resolveRecipients(found!.school, found!.headteacher).copies.find((c) => c.role === 'local-authority')?.name;
  };

  it.each([
    ['109001', 'the Director of Children\u2019s Services for Bristol'],
    ['116001', 'the Director of Children\u2019s Services for Herefordshire'],
    ['117001', 'the Director of Children\u2019s Services for Kingston upon Hull'],
    ['112001', 'the Director of Children\u2019s Services for the Isles of Scilly'],
  ])('URN %s: %s', async (urn, expected) => {
    expect(await laCopy(urn)).toBe(expected);
  });

  it('para 17: "Diocese of Leeds (RC)" is copied as the Roman Catholic Diocese of Leeds', async () => {
    const found = await findSchoolInRegister(register, '108074');
    const list = resolveRecipients(found!.school, found!.headteacher);
    expect(list.copies.filter((c) => c.role === 'diocese').map((c) => c.name)).toEqual([
      'the Roman Catholic Diocese of Leeds',
    ]);
  });

  it('para 4: a special school that is a children’s home, and a residential college, are boarding', async () => {
    expect((await findSchoolInRegister(register, '121802'))?.school.boarding).toBe(true);
    expect((await findSchoolInRegister(register, '131507'))?.school.boarding).toBe(true);
    expect((await findSchoolInRegister(register, '112001'))?.school.boarding).toBe(true);
  });
});

describe('para 17: a joint-faith school whose register row names one diocese', () => {
  it('warns that the second diocese is not known (its path, school.dioceses, is where a form settles it)', async () => {
    const found = await findSchoolInRegister(register, '108071');
    expect(found?.school.dioceses).toEqual(['Diocese of Hallam']);
    expect(found?.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'register/joint-faith-diocese',
        path: ['school', 'dioceses'],
        message: expect.stringMatching(
          /"Roman Catholic\/Church of England".*"Diocese of Hallam".*other church's diocese is not known/,
        ),
      }),
    ]);
  });

  it('no warning once the form gives both dioceses; the form’s two are copied', async () => {
    const found = await findSchoolInRegister(register, '108071');
    const form = {
      school: { urn: '108071', dioceses: ['Roman Catholic Diocese of Hallam', 'Diocese of Sheffield'] },
    } as unknown as EvidenceForm;
    const merged = mergeRegister(form, found!);
    expect(merged.diagnostics.map((d) => d.rule)).not.toContain('register/joint-faith-diocese');
    const list = resolveRecipients(merged.form.school);
    expect(list.copies.filter((c) => c.role === 'diocese').map((c) => c.name)).toEqual([
      'the Roman Catholic Diocese of Hallam',
      'the Diocese of Sheffield',
    ]);
  });

  it('Church of England/Methodist has one diocese: no warning', async () => {
    const found = await findSchoolInRegister(register, '116001');
    expect(found?.diagnostics).toEqual([]);
  });

  it('an academy of joint character copies no diocese, so no warning', () => {
    const found = registerSchoolFromRecord(
      rowOf({
        'TypeOfEstablishment (name)': 'Academy converter',
        'ReligiousCharacter (name)': 'Roman Catholic/Church of England',
        'Diocese (name)': 'Diocese of Hallam',
      }),
    );
    expect(found.diagnostics).toEqual([]);
  });
});

describe('the register’s status', () => {
  it('a school proposed to open is a warning: it cannot have had its section 5 inspection', async () => {
    const found = await findSchoolInRegister(register, '149001');
    expect(found?.status).toBe('Proposed to open');
    expect(found?.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'register/not-open',
        message: expect.stringContaining('01-09-2027'),
      }),
    ]);
  });

  it('a closed school’s warning gives the reason it closed', async () => {
    const found = await findSchoolInRegister(register, '121100');
    expect(found?.diagnostics[0]?.message).toContain('(Academy Converter)');
  });

  it('"Open, but proposed to close" is open: no warning', async () => {
    const found = await findSchoolInRegister(register, '118300');
    expect(found?.status).toBe('Open, but proposed to close');
    expect(found?.diagnostics).toEqual([]);
  });
});
