/**
 * Copy sentences as published monitoring letters (2012–2015) write them: the
 * phrasings of their closing "I am copying this letter to …" sentences, with
 * the bodies' titles as local authorities, dioceses and trusts styled them
 * (authority and diocese names vary; the wording of each title is the
 * letters'). Short sentences only, never whole letters.
 */
import { describe, expect, it } from 'vitest';
import { findCopySentence } from '../../src/check-copy/sentence.js';
import { recogniseBodies, type FoundBody } from '../../src/check-copy/recognise.js';
import { checkCopyList } from '../../src/check-copy/compare.js';
import { resolveRecipients } from '../../src/rules/recipients.js';

type Kind = NonNullable<FoundBody['role']> | 'other';

const phrasings: [string, Kind[]][] = [
  [
    'I am copying this letter to the Chair of the Governing Body and the Director of Children’s Services for Norfolk.',
    ['appropriate-authority', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Corporate Director, Children and Young People’s Services, for Leeds and the Diocesan Director of Education for the Diocese of Leeds.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'I am copying this letter to the Chair of the Interim Executive Board and the Executive Director of Children’s Services for Birmingham.',
    ['appropriate-authority', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of the Board of Directors, the Academies Advisers Unit at the Department for Education, the Education Funding Agency and the Director of Children’s Services for Kent.',
    ['appropriate-authority', 'dfe-academies-unit', 'efa', 'local-authority'],
  ],
  [
    'I am copying this letter to the Secretary of State for Education, the Chair of the Governing Body and the Strategic Director of Children’s Services for Bradford.',
    ['other', 'appropriate-authority', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chief Executive of the Academy Trust, the Department for Education Academies Advisers Unit and the Director of Children’s Services for Suffolk.',
    ['appropriate-authority', 'dfe-academies-unit', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Director of Education for the Diocese of Ely and the Director of Children’s Services for Cambridgeshire.',
    ['appropriate-authority', 'diocese', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of Governors, the Director of Children’s Services for Hampshire and the Isle of Wight, and the Director of Education for the Diocese of Portsmouth.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Lancashire, the Education Funding Agency (EFA) and the Archdiocese of Liverpool.',
    ['appropriate-authority', 'local-authority', 'efa', 'diocese'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Corporate Director for Children, Schools and Families for Hertfordshire and the Diocesan Board of Education for St Albans.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'I am copying this letter to the Chair of the Trust Board, the Academies Advisers Unit at the Department for Education and the Director of Children’s Services for Essex.',
    ['appropriate-authority', 'dfe-academies-unit', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Executive Director for People, Lincolnshire County Council, and the Education Funding Agency.',
    ['appropriate-authority', 'local-authority', 'efa'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Strategic Director, People, for Walsall, and the Director of Education for the Archdiocese of Birmingham.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'Copies of this letter are being sent to the Chair of the Governing Body and the Director of Children’s Services for Derbyshire.',
    ['appropriate-authority', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Norfolk and the Diocesan Director of Education, Diocese of Norwich.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'I am copying this letter to the Secretary of State for Education, the Chair of the Interim Executive Board, the Director of Children’s Services for Hackney (The Learning Trust) and the Education Funding Agency.',
    ['other', 'appropriate-authority', 'local-authority', 'efa'],
  ],
  [
    'I am copying this letter to the Chair of the Management Board, the Academies Advisers Unit, and the Corporate Director of Children’s Services for Northamptonshire.',
    ['appropriate-authority', 'dfe-academies-unit', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Head of Education Services for Wiltshire and the Diocese of Salisbury.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'I am copying this letter to the Regional Schools Commissioner, the Chair of the Board of Trustees and the Director of Children’s Services for Norfolk.',
    ['other', 'appropriate-authority', 'local-authority'],
  ],
  [
    'I will be copying this letter to the Chair of the Governing Body and the Director of Children’s Services for Cornwall, and to the Diocese of Truro.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'I am copying this letter to the Chair of the Local Governing Body, the Chief Executive Officer of the Academy Trust, the Academies Advisers Unit at the Department for Education and the Director of Children’s Services for Medway.',
    ['appropriate-authority', 'appropriate-authority', 'dfe-academies-unit', 'local-authority'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Bristol and the Chief Executive of the Education Funding Agency.',
    ['appropriate-authority', 'local-authority', 'efa'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Director for Children, Young People and Learning for Bracknell Forest and the Bishop’s Adviser for Education, Diocese of Oxford.',
    ['appropriate-authority', 'local-authority', 'diocese'],
  ],
  [
    'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Kent and the Diocese of Canterbury, as well as to the Secretary of State for Education.',
    ['appropriate-authority', 'local-authority', 'diocese', 'other'],
  ],
  [
    'A copy of this letter has been sent to the Chair of the Governing Body and the Assistant Director, School Improvement, for Suffolk.',
    ['appropriate-authority', 'local-authority'],
  ],
];

const kinds = (bodies: FoundBody[]): Kind[] =>
  bodies.map((b) => (b.other !== undefined ? 'other' : (b.role ?? ('unrecognised' as Kind))));

describe('para 17: copy sentences as published letters phrase them', () => {
  it('the table holds at least 15 distinct phrasings', () => {
    expect(new Set(phrasings.map(([s]) => s)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(phrasings)('%s', (sentence, expected) => {
    const found = findCopySentence(
      `Yours sincerely\n\n${sentence}\n\nThis letter will be published on the Ofsted website.`,
    );
    expect(found).toBeDefined();
    expect(kinds(recogniseBodies(found!.list))).toEqual(expected);
  });

  it('the Secretary of State and the Regional Schools Commissioner are recognised, outside para 17', () => {
    const sentence = findCopySentence(phrasings[4]![0])!;
    expect(recogniseBodies(sentence.list)[0]).toEqual({
      text: 'the Secretary of State for Education',
      other: 'the Secretary of State',
    });
  });

  it('a body’s name keeps its commas: "the Corporate Director, Children and Young People’s Services, for Leeds"', () => {
    const bodies = recogniseBodies(findCopySentence(phrasings[1]![0])!.list);
    expect(bodies[1]).toEqual({
      text: 'the Corporate Director, Children and Young People’s Services, for Leeds',
      role: 'local-authority',
    });
  });
});

describe('para 17: real phrasings compared with the rules’ copy list', () => {
  const kent = { urn: '139001', localAuthority: { name: 'Kent' } };

  it('para 17: an academy copied to "the Chief Executive of the Academy Trust" has its appropriate authority copied', () => {
    const list = resolveRecipients({ ...kent, type: 'academy-converter', sixthForm: true, trust: 'The Weald Trust' });
    const check = checkCopyList(
      'I am copying this letter to the Chief Executive of the Academy Trust, the Academies Advisers Unit at the Department for Education, the Education Funding Agency and the Director of Children’s Services for Kent.',
      list,
    );
    expect(check.missing).toEqual([]);
    expect(check.extra).toEqual([]);
    expect(check.matched.map((m) => m.role)).toEqual([
      'appropriate-authority',
      'local-authority',
      'efa',
      'dfe-academies-unit',
    ]);
    expect(check.ok).toBe(true);
  });

  it('para 17: a Leeds VA school: the Corporate Director and the Diocesan Director of Education match the LA and the diocese', () => {
    const list = resolveRecipients({
      urn: '108074',
      type: 'voluntary-aided',
      localAuthority: { name: 'Leeds' },
      religiousCharacter: 'Roman Catholic',
      dioceses: ['Roman Catholic Diocese of Leeds'],
    });
    const check = checkCopyList(phrasings[1]![0], list);
    expect(check.namedDifferently).toEqual([]);
    expect(check.ok).toBe(true);
  });

  it('para 17: the Secretary of State is an extra copy, outside para 17', () => {
    const list = resolveRecipients({ ...kent, type: 'community' });
    const check = checkCopyList(
      'I am copying this letter to the Secretary of State for Education, the Chair of the Governing Body and the Director of Children’s Services for Kent.',
      list,
    );
    expect(check.extra).toEqual([
      {
        text: 'the Secretary of State for Education',
        other: 'the Secretary of State',
        reason: 'the Secretary of State is not among the bodies para 17 lists',
      },
    ]);
    expect(check.missing).toEqual([]);
  });

  it('para 17: "the Director of Education for the Diocese of Ely" is the diocese, not the local authority', () => {
    const list = resolveRecipients({
      urn: '110001',
      type: 'voluntary-controlled',
      localAuthority: { name: 'Cambridgeshire' },
      religiousCharacter: 'Church of England',
      dioceses: ['Diocese of Ely'],
    });
    const check = checkCopyList(phrasings[6]![0], list);
    expect(check.matched.map((m) => [m.role, m.found])).toEqual([
      ['appropriate-authority', 'the Chair of the Governing Body'],
      ['local-authority', 'the Director of Children’s Services for Cambridgeshire'],
      ['diocese', 'the Director of Education for the Diocese of Ely'],
    ]);
    expect(check.ok).toBe(true);
  });
});
