/**
 * What check-copy reports must be what the letter says: a body it does not
 * recognise is reported, never absorbed into its neighbour; a diocesan board's
 * chair is the diocese, not the appropriate authority; the sentence is quoted
 * whole; and the school checked is the school the letter is about.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  checkCopyList,
  checkLetterSchool,
  classify,
  findCopySentence,
  recogniseBodies,
} from '../../src/check-copy/index.js';
import { form as formSchema, type School } from '../../src/evidence/schema.js';
import { resolveRecipients } from '../../src/rules/recipients.js';

const example = formSchema.parse(
  parse(readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8')),
);
const stMarys = resolveRecipients(example.school, example.headteacher);
const stMarysLetter = readFileSync(
  new URL('../../fixtures/letters/st-marys-copied-correctly.txt', import.meta.url),
  'utf8',
);

describe('a body the rules do not recognise is reported, never absorbed', () => {
  const sentence =
    'I am copying this letter to the Chair of the Governing Body, the Chief Executive of the Valley Learning Trust, the Director of Children’s Services for Norfolk and the Diocese of Norwich.';

  it('the Chief Executive of the Valley Learning Trust is its own body, not part of the Chair’s', () => {
    const bodies = recogniseBodies(findCopySentence(sentence)!.list, stMarys.copies);
    expect(bodies.map((b) => b.text)).toEqual([
      'the Chair of the Governing Body',
      'the Chief Executive of the Valley Learning Trust',
      'the Director of Children’s Services for Norfolk',
      'the Diocese of Norwich',
    ]);
    expect(bodies[1]).toEqual({ text: 'the Chief Executive of the Valley Learning Trust' });
  });

  it('para 17: it is reported as not recognised, with its text, and the letter is not ok', () => {
    const check = checkCopyList(sentence, stMarys);
    expect(check.matched.map((m) => m.found)).toContain('the Chair of the Governing Body');
    expect(check.extra).toEqual([
      {
        text: 'the Chief Executive of the Valley Learning Trust',
        reason: 'not recognised as any of the bodies para 17 lists',
      },
    ]);
    expect(check.ok).toBe(false);
  });

  it('a place that continues a title still joins it: "for Hampshire and the Isle of Wight"; a name after a title joins it', () => {
    const bodies = recogniseBodies(
      'the Chair of Governors, Mrs Ruth Adeyemi, the Director of Children’s Services for Hampshire and the Isle of Wight',
    );
    expect(bodies.map((b) => b.text)).toEqual([
      'the Chair of Governors, Mrs Ruth Adeyemi',
      'the Director of Children’s Services for Hampshire and the Isle of Wight',
    ]);
  });
});

describe('a diocesan board’s chair is the diocese, not the appropriate authority', () => {
  it.each([
    ['the Chair of the Canterbury Diocesan Board of Education', 'diocese'],
    ['the Chairman of the Liverpool Archdiocesan Schools Commission', 'diocese'],
    ['the Chair of the Diocese of Ely Board of Education', 'diocese'],
    ['the Chair of the Board of Trustees of the Diocese of Ely Multi-Academy Trust', 'appropriate-authority'],
    ['the Chair of Governors of St Peter’s Diocesan Church of England Primary School', 'appropriate-authority'],
  ])('%s → %s', (phrase, role) => {
    expect(classify(phrase).role).toBe(role);
  });

  it('para 17: a letter copied to the diocesan board’s chair but not the school’s chair: the appropriate authority is missing', () => {
    const school: School = {
      urn: '118794',
      name: 'St Peter’s Church of England Voluntary Aided Primary School',
      localAuthority: { name: 'Kent' },
      type: 'voluntary-aided',
      phase: 'primary',
      sixthForm: false,
      religiousCharacter: 'Church of England',
      dioceses: ['Diocese of Canterbury'],
      foundation: { name: 'The Canterbury Diocesan Board of Education' },
    };
    const check = checkCopyList(
      'I am copying this letter to the Chair of the Canterbury Diocesan Board of Education and the Director of Children’s Services for Kent.',
      resolveRecipients(school),
    );
    expect(check.missing.map((m) => m.role)).toEqual(['appropriate-authority']);
    expect(check.matched.map((m) => [m.role, m.found])).toContainEqual([
      'diocese',
      'the Chair of the Canterbury Diocesan Board of Education',
    ]);
  });
});

describe('the sentence is quoted whole', () => {
  it.each([
    ['I am copying this letter to the EFA.', 'I am copying this letter to the EFA.'],
    [
      'Copies of this letter are being sent to the Diocese of Leeds.',
      'Copies of this letter are being sent to the Diocese of Leeds.',
    ],
    [
      'Thank you for your help.\nI am copying this letter to the Chair of Governors.',
      'I am copying this letter to the Chair of Governors.',
    ],
    [
      'Thank you for your help. I am copying this letter to the Chair of Governors.',
      'I am copying this letter to the Chair of Governors.',
    ],
  ])('%j', (text, sentence) => {
    expect(findCopySentence(text)?.sentence).toBe(sentence);
  });
});

describe('the school the letter is about', () => {
  const school = { name: example.school.name!, urn: example.school.urn };

  it('finds the school the letter names in its heading, and its URN', () => {
    const letter = `Unique reference number: 121190\n\n${stMarysLetter}`;
    expect(checkLetterSchool(letter, school)).toEqual({
      school,
      letter: { name: 'St Mary’s Church of England Voluntary Aided Primary School', urn: '121190' },
      warnings: [],
    });
  });

  it('a heading wrapped across lines, as a PDF gives it, is read whole', () => {
    const letter = stMarysLetter.replace(
      /visit to .+/,
      'visit to St\nMary’s Church of England Voluntary Aided\nPrimary School\nDear Mrs Hughes',
    );
    expect(checkLetterSchool(letter, school).letter.name).toBe(
      'St Mary’s Church of England Voluntary Aided Primary School',
    );
  });

  it('the same school written another way ("St Mary\'s CofE VA Primary") is no warning', () => {
    const letter = stMarysLetter.replace(/visit to .+/, "visit to St Mary's CofE VA Primary School, Hethersett");
    expect(checkLetterSchool(letter, school).warnings).toEqual([]);
  });

  it('a letter about another school, or with another URN, is a warning naming both', () => {
    const letter = `URN: 121191\n\n${stMarysLetter.replace(/visit to .+/, 'visit to Nine Acres Primary School')}`;
    const { warnings, letter: named } = checkLetterSchool(letter, school);
    expect(named).toEqual({ name: 'Nine Acres Primary School', urn: '121191' });
    expect(warnings).toEqual([
      'the letter is about Nine Acres Primary School, not St Mary’s Church of England Voluntary Aided Primary School (URN 121190), the school checked',
      'the letter gives URN 121191, not 121190, the URN checked',
    ]);
  });

  it('checkCopyList carries the school checked, what the letter names, and the warnings', () => {
    const check = checkCopyList(
      stMarysLetter.replace(/visit to .+/, 'visit to Nine Acres Primary School'),
      stMarys,
      school,
    );
    expect(check.school).toEqual(school);
    expect(check.letter).toEqual({ name: 'Nine Acres Primary School' });
    expect(check.warnings).toHaveLength(1);
  });
});

describe('para 17: a foundation the form does not name', () => {
  const brodetsky = resolveRecipients({
    urn: '108072',
    name: 'Brodetsky Jewish Primary School',
    localAuthority: { name: 'Leeds' },
    type: 'voluntary-aided',
    phase: 'primary',
    sixthForm: false,
    religiousCharacter: 'Jewish',
  });

  it('a letter naming the school’s foundation matches “the person or body responsible for appointing foundation governors”', () => {
    const check = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Leeds and the Brodetsky School Foundation.',
      brodetsky,
    );
    expect(check.matched.map((m) => m.role)).toEqual(['appropriate-authority', 'local-authority', 'foundation-body']);
    expect(check.ok).toBe(true);
  });

  it('a letter without it: the foundation body is missing, with the reason', () => {
    const check = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body and the Director of Children’s Services for Leeds.',
      brodetsky,
    );
    expect(check.missing.map((m) => m.name)).toEqual([
      'the person or body responsible for appointing foundation governors',
    ]);
  });
});
