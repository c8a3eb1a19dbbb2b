import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCopyList } from '../../src/check-copy/index.js';
import { establishmentTypes } from '../../src/evidence/establishment.js';
import type { School } from '../../src/evidence/schema.js';
import { copyListNames, resolveRecipients } from '../../src/rules/recipients.js';

const place = fc.constantFrom(
  'Norwich',
  'Leeds',
  'Ely',
  'Hallam',
  'St Albans',
  'Kingston upon Thames',
  'Brighton and Hove',
);
const types = establishmentTypes.filter((t) => t.section5).map((t) => t.id);

const schools: fc.Arbitrary<School> = fc
  .record({
    type: fc.constantFrom(...types),
    localAuthority: fc.oneof(
      place.map((name) => ({ name })),
      place.map((name) => ({
        name,
        copyTo: 'the Director of Children\u2019s Services for Hampshire and the Isle of Wight',
      })),
    ),
    sixthForm: fc.boolean(),
    dioceses: fc.constantFrom<string[]>(
      [],
      ['Diocese of Norwich'],
      ['Archdiocese of Liverpool', 'Diocese of Liverpool'],
    ),
    trust: fc.constantFrom('The Trust of St Michael and All Angels', 'Inspiration Trust'),
    contractor: fc.constantFrom('', 'Achieving for Children', 'Cambridge Education'),
    governance: fc.constantFrom<NonNullable<School['governance']>>(
      { body: 'governing-body' },
      { body: 'interim-executive-board' },
      { body: 'management-board', name: 'Management Board' },
      { body: 'academy-trust' },
    ),
  })
  .map(({ contractor, ...facts }): School => ({
    urn: '123456',
    ...facts,
    ...(contractor ? { supportContractor: { name: contractor } } : {}),
  }));

/** The copy sentence as a letter writes it: "a, b and c". */
function sentence(names: string[]): string {
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
  return `Dear Mrs Hughes\n\nI am copying this letter to ${list}. This letter will be published on the Ofsted website.`;
}

describe('check-copy reads back the copy list the rules produce', () => {
  it('for any school, a letter copied to copyListNames(list) matches; dropping one body reports it missing', () => {
    fc.assert(
      fc.property(schools, fc.nat(), (school, drop) => {
        const list = resolveRecipients(school);
        const names = copyListNames(list);
        const check = checkCopyList(sentence(names), list);
        expect(check.missing).toEqual([]);
        expect(check.extra).toEqual([]);
        expect(check.ok).toBe(true);
        const index = drop % names.length;
        const fewer = checkCopyList(sentence(names.filter((_, i) => i !== index)), list);
        expect(fewer.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
