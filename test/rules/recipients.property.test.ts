import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { establishmentTypes } from '../../src/evidence/establishment.js';
import { governingBody, type School } from '../../src/evidence/schema.js';
import { RecipientsError, resolveRecipients } from '../../src/rules/recipients.js';

const section5 = establishmentTypes.filter((t) => t.section5);
const word = fc.constantFrom('Norwich', 'Leeds', 'Ely', 'Hallam', 'St Albans', 'Łódź', 'Bede’s', 'Wensum', 'Kent');
const governance = fc.constantFrom(...governingBody.options);

const schoolFacts: fc.Arbitrary<School> = fc.record(
  {
    urn: fc.constant('123456'),
    type: fc.constantFrom(...section5.map((t) => t.id)),
    localAuthority: fc.record(
      {
        name: word,
        copyTo: fc.option(
          word.map((w) => `the Director of Children’s Services for ${w} and Somewhere`),
          { nil: undefined },
        ),
      },
      { requiredKeys: ['name'] },
    ),
    sixthForm: fc.option(fc.boolean(), { nil: undefined }),
    religiousCharacter: fc.option(fc.constantFrom('Jewish', 'Muslim', 'None'), { nil: undefined }),
    dioceses: fc.option(
      fc.uniqueArray(
        word.map((w) => `Diocese of ${w}`),
        { maxLength: 2 },
      ),
      { nil: undefined },
    ),
    foundation: fc.option(
      fc.record(
        {
          name: word.map((w) => `The ${w} Foundation`),
          appointedBy: fc.option(
            word.map((w) => `Diocese of ${w}`),
            { nil: undefined },
          ),
        },
        { requiredKeys: ['name'] },
      ),
      { nil: undefined },
    ),
    trust: fc.option(
      word.map((w) => `${w} Academy Trust`),
      { nil: undefined },
    ),
    governance: fc.option(
      fc.record(
        { body: governance, name: fc.option(fc.constant('Management Board'), { nil: undefined }) },
        { requiredKeys: ['body'] },
      ),
      {
        nil: undefined,
      },
    ),
    supportContractor: fc.option(fc.record({ name: word.map((w) => `${w} Education Services`) }), { nil: undefined }),
  },
  { requiredKeys: ['urn', 'type', 'localAuthority'] },
) as fc.Arbitrary<School>;

describe('para 17: properties of the copy list', () => {
  it('for any school facts: LA and appropriate authority always, DfE unit exactly for academies, EFA exactly for sixth forms, no role or name twice', () => {
    fc.assert(
      fc.property(schoolFacts, (school) => {
        const list = resolveRecipients(school);
        const type = establishmentTypes.find((t) => t.id === school.type)!;
        const count = (role: string) => list.copies.filter((c) => c.role === role).length;
        expect(count('local-authority')).toBe(1);
        expect(count('appropriate-authority')).toBe(1);
        expect(count('dfe-academies-unit')).toBe(type.academy ? 1 : 0);
        expect(count('efa')).toBe(school.sixthForm === true || type.id.includes('16-19') ? 1 : 0);
        for (const role of ['la-support-contractor', 'efa', 'foundation-body', 'dfe-academies-unit']) {
          expect(count(role)).toBeLessThanOrEqual(1);
        }
        const dioceseNames = list.copies.filter((c) => c.role === 'diocese').map((c) => c.name);
        expect(dioceseNames.length).toBeLessThanOrEqual(Math.max(1, school.dioceses?.length ?? 0));
        const names = list.copies.map((c) => c.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        const copied = new Set(list.copies.map((c) => c.role));
        for (const n of list.notCopied) expect(copied.has(n.role)).toBe(false);
        expect(list.copies.every((c) => c.paragraph === '17' && c.reason.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('any type string gives a copy list or a RecipientsError, never another throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...establishmentTypes.map((t) => t.id))), (type) => {
        try {
          resolveRecipients({ urn: '123456', type, localAuthority: { name: 'Kent' } });
        } catch (error) {
          expect(error).toBeInstanceOf(RecipientsError);
        }
      }),
    );
  });
});
