import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import {
  checkCopyList,
  classify,
  findCopySentence,
  LetterReadError,
  NoCopySentenceError,
  readLetterText,
  recogniseBodies,
} from '../../src/check-copy/index.js';
import { form as formSchema, type School } from '../../src/evidence/schema.js';
import { resolveRecipients } from '../../src/rules/recipients.js';

const letter = (name: string): string => new URL(`../../fixtures/letters/${name}`, import.meta.url).pathname;
const example = formSchema.parse(
  parse(readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8')),
);
const stMarys = resolveRecipients(example.school, example.headteacher);
const school = (facts: Partial<School>): School => ({ urn: '123456', localAuthority: { name: 'Kent' }, ...facts });

describe('finding the copy sentence', () => {
  it.each([
    ['I am copying this letter to the Chair of the Governing Body.', 'the Chair of the Governing Body'],
    ['I am also copying this letter to the EFA.', 'the EFA'],
    ['Copies of this letter are being sent to the Diocese of Leeds.', 'the Diocese of Leeds'],
    ['A copy of this letter has been sent to the Interim Executive Board.', 'the Interim Executive Board'],
    [
      'I have copied this letter to the Director of Children’s Services for Kent.',
      'the Director of Children’s Services for Kent',
    ],
    ['This letter is being copied to the Diocese of St. Albans.', 'the Diocese of St. Albans'],
    [
      'I am copying\nthis letter to the Chair of Gov-\nernors and the Diocese of Ely.',
      'the Chair of Governors and the Diocese of Ely',
    ],
    ['I\u00A0am copying this letter to the Chair\nof the Governing Body', 'the Chair of the Governing Body'],
  ])('finds the list in %j', (text, list) => {
    expect(findCopySentence(`Dear Mrs Smith\n\n${text}\n\nThis letter will be published.`)?.list).toBe(list);
  });

  it('a letter with no copy sentence gives none', () => {
    expect(findCopySentence('Dear Mrs Smith\n\nThank you for your help.')).toBeUndefined();
  });

  it('reads a "cc:" block one body a line', () => {
    const found = findCopySentence('Yours sincerely\n\ncc: Chair of Governors\n    Diocese of Leeds\n');
    expect(found).toMatchObject({ form: 'block', list: 'Chair of Governors; Diocese of Leeds' });
  });
});

describe('recognising the bodies named', () => {
  it.each([
    ['the Chair of the Governing Body', 'appropriate-authority'],
    ['the Chair of Governors', 'appropriate-authority'],
    ['the Interim Executive Board', 'appropriate-authority'],
    ['the Chair of the Board of Trustees of the Diocese of Ely Multi-Academy Trust', 'appropriate-authority'],
    ['the Director of Children’s Services for Kent', 'local-authority'],
    ["the Director of Children's Services, Norfolk County Council", 'local-authority'],
    ['the Executive Director of Children, Families and Education', 'local-authority'],
    ['the local authority', 'local-authority'],
    ['the Diocese of Leeds', 'diocese'],
    ['the Diocesan Director of Education', 'diocese'],
    ['the Director of Education for the Diocese of Ely', 'diocese'],
    ['the Education Funding Agency', 'efa'],
    ['the EFA', 'efa'],
    ['the Academies Advisers Unit at the Department for Education', 'dfe-academies-unit'],
    ['the DfE', 'dfe-academies-unit'],
  ])('%s → %s', (phrase, role) => {
    expect(classify(phrase).role).toBe(role);
  });

  it('the Secretary of State is recognised but is not a para 17 role', () => {
    expect(classify('the Secretary of State')).toEqual({ other: 'the Secretary of State' });
  });

  it('keeps "and" and commas inside a body’s name', () => {
    const bodies = recogniseBodies(
      'the Chair of the Governing Body, the Director of Children’s Services for Hampshire and the Isle of Wight, the Director of Children’s Services, Norfolk County Council and the Diocese of Leeds',
    );
    expect(bodies.map((b) => [b.role, b.text])).toEqual([
      ['appropriate-authority', 'the Chair of the Governing Body'],
      ['local-authority', 'the Director of Children’s Services for Hampshire and the Isle of Wight'],
      ['local-authority', 'the Director of Children’s Services, Norfolk County Council'],
      ['diocese', 'the Diocese of Leeds'],
    ]);
  });

  it('joint-faith: two dioceses joined by "and" are two bodies', () => {
    const bodies = recogniseBodies('the Diocese of Hallam and the Diocese of Sheffield');
    expect(bodies.map((b) => b.role)).toEqual(['diocese', 'diocese']);
  });

  it('recognises a support contractor by its name from the expected list', () => {
    const list = resolveRecipients(
      school({ type: 'community', supportContractor: { name: 'Achieving for Children' } }),
    );
    const result = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Kent and Achieving for Children.',
      list,
    );
    expect(result.ok).toBe(true);
  });
});

describe('para 17: comparing a letter’s copies with the rules', () => {
  it('para 17: a letter copied as the rules say matches (hyphenated across lines, curly apostrophes)', async () => {
    const result = checkCopyList(await readLetterText(letter('st-marys-copied-correctly.txt')), stMarys);
    expect(result.missing).toEqual([]);
    expect(result.extra).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.matched.map((m) => m.role)).toEqual(['appropriate-authority', 'local-authority', 'diocese']);
  });

  it('para 17: the diocese of a voluntary aided school missing is reported with the reason', async () => {
    const result = checkCopyList(await readLetterText(letter('st-marys-diocese-missing.txt')), stMarys);
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual([
      expect.objectContaining({
        role: 'diocese',
        name: 'the Diocese of Norwich',
        reason: expect.stringContaining('voluntary aided'),
      }),
    ]);
    expect(result.extra).toEqual([]);
  });

  it('para 17: an extra body is reported, with why para 17 does not call for it', async () => {
    const academy = resolveRecipients(
      school({ type: 'academy-converter', sixthForm: true, localAuthority: { name: 'Norfolk' } }),
    );
    const result = checkCopyList(await readLetterText(letter('sprowston-academy.md')), academy);
    expect(result.missing).toEqual([]);
    expect(result.matched.map((m) => m.role)).toEqual([
      'appropriate-authority',
      'local-authority',
      'efa',
      'dfe-academies-unit',
    ]);
    expect(result.extra).toEqual([
      {
        text: 'the Secretary of State',
        other: 'the Secretary of State',
        reason: 'the Secretary of State is not among the bodies para 17 lists',
      },
    ]);
  });

  it('para 17: the EFA copied for a school without a sixth form is extra, with the not-copied reason', () => {
    const list = resolveRecipients(school({ type: 'community', sixthForm: false }));
    const result = checkCopyList(
      'I am copying this letter to the Chair of Governors, the Director of Children’s Services for Kent and the Education Funding Agency.',
      list,
    );
    expect(result.extra).toEqual([
      { text: 'the Education Funding Agency', role: 'efa', reason: expect.stringContaining('no sixth form') },
    ]);
  });

  it('para 17: another LA’s director is named differently, not a match', () => {
    const result = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Suffolk and the Diocese of Norwich.',
      stMarys,
    );
    expect(result.ok).toBe(false);
    expect(result.namedDifferently).toEqual([
      expect.objectContaining({ role: 'local-authority', expected: 'the Director of Children’s Services for Norfolk' }),
    ]);
  });

  it('para 17: IEB school: the Interim Executive Board is the appropriate authority', () => {
    const list = resolveRecipients(school({ type: 'community', governance: { body: 'interim-executive-board' } }));
    const result = checkCopyList(
      'I am copying this letter to the Interim Executive Board and the local authority of Kent.',
      list,
    );
    expect(result.ok).toBe(true);
  });

  it('para 17: LA named differently: a cc block to Hampshire and the Isle of Wight', async () => {
    const copyTo = 'the Director of Children’s Services for Hampshire and the Isle of Wight';
    const list = resolveRecipients(school({ type: 'community', localAuthority: { name: 'Isle of Wight', copyTo } }));
    const result = checkCopyList(await readLetterText(letter('nine-acres-cc-block.txt')), list);
    expect(result.ok).toBe(true);
  });

  it('a letter with no copy sentence is a clear error', async () => {
    const text = await readLetterText(letter('no-copy-sentence.txt'));
    expect(() => checkCopyList(text, stMarys)).toThrow(NoCopySentenceError);
    expect(() => checkCopyList(text, stMarys)).toThrow(/no copy sentence/);
  });
});

describe('reading letters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-copy-'));
  const sentence = [
    'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for',
    'Norfolk and the Diocese of Norwich. This letter will be published on the Ofsted website.',
  ];

  it('reads a DOCX letter (mammoth)', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Dear Mrs Hughes'),
            new Paragraph(sentence.join(' ')),
            new Paragraph('Yours sincerely'),
          ],
        },
      ],
    });
    const file = join(dir, 'letter.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    expect(checkCopyList(await readLetterText(file), stMarys).ok).toBe(true);
  });

  it('reads a PDF letter (pdf.js), its copy sentence broken across lines', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Dear Mrs Hughes', { x: 50, y: 780, size: 11, font });
    page.drawText(sentence[0]!, { x: 50, y: 750, size: 9, font });
    page.drawText(sentence[1]!, { x: 50, y: 738, size: 9, font });
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, await pdf.save());
    const text = await readLetterText(file);
    expect(checkCopyList(text, stMarys).ok).toBe(true);
  });

  it('an unreadable type is a clear LetterReadError', async () => {
    const file = join(dir, 'letter.odt');
    writeFileSync(file, 'x');
    await expect(readLetterText(file)).rejects.toThrow(LetterReadError);
    const broken = join(dir, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    await expect(readLetterText(broken)).rejects.toThrow(/not a readable DOCX file/);
  });
});

describe('para 17: awkward copy lists', () => {
  it('para 17: joint-faith school in one city: the Archdiocese and the Diocese told apart', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        localAuthority: { name: 'Liverpool' },
        dioceses: ['Archdiocese of Liverpool', 'Diocese of Liverpool'],
      }),
    );
    const both = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Liverpool, the Diocese of Liverpool and the Archdiocese of Liverpool.',
      list,
    );
    expect(both.ok).toBe(true);
    const one = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Liverpool and the Diocese of Liverpool.',
      list,
    );
    expect(one.missing.map((m) => m.name)).toEqual(['the Archdiocese of Liverpool']);
  });

  it('para 17: a contractor named after a comma, "the Director of Children’s Services, Achieving for Children"', () => {
    const list = resolveRecipients(
      school({
        type: 'community',
        localAuthority: { name: 'Kingston upon Thames' },
        supportContractor: {
          name: 'Achieving for Children',
          copyTo: 'the Director of Children’s Services, Achieving for Children',
        },
      }),
    );
    const result = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Kingston upon Thames and the Director of Children’s Services, Achieving for Children.',
      list,
    );
    expect(result.found.map((f) => f.role)).toEqual([
      'appropriate-authority',
      'local-authority',
      'la-support-contractor',
    ]);
    expect(result.ok).toBe(true);
  });
});
