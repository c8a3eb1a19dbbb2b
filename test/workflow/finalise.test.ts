import { describe, it, expect } from 'vitest';
import type { Block, DocumentMeta, LetterDocument } from '../../src/letter/tree.js';
import { blockText } from '../../src/letter/tree.js';
import type { Deadline } from '../../src/rules/types.js';
import {
  adoptFinalShapes,
  finalLetterLateness,
  formatChanges,
  lastFinalisation,
  nextVersion,
  stampFinal,
  withoutDraftMarks,
} from '../../src/workflow/finalise-plan.js';
import type { HistoryEvent } from '../../src/ground/history.js';

const meta: DocumentMeta = {
  title: 'Requires improvement: monitoring inspection visit to Ysgol Łąka Primary School',
  subject: 'Monitoring inspection letter, URN 131313',
  author: 'Siân Ó Súilleabháin',
  language: 'en-GB',
  keywords: [],
  urn: '131313',
  visitDate: '2014-05-06',
  letterDate: '2014-05-06',
  status: 'final',
  published: true,
  generator: 'monitoring-letter 0.1.0',
  templateHash: 'abc',
};

const para = (role: Block['role'], value: string): Block => ({
  type: 'paragraph',
  role,
  children: [{ type: 'text', value }],
});
const doc = (blocks: Block[], status: 'draft' | 'final' = 'final'): LetterDocument => ({
  meta: { ...meta, status },
  blocks,
});
const texts = (d: LetterDocument): string[] => d.blocks.map((b) => `${b.role}|${blockText(b)}`);

const event = (stage: HistoryEvent['stage'], version?: number): HistoryEvent => ({
  stage,
  at: '2014-05-12T10:00:00Z',
  ...(version !== undefined ? { version } : {}),
});

describe('versions', () => {
  it('the first finalisation is version 1', () => {
    expect(nextVersion([])).toBe(1);
    expect(nextVersion([event('drafted'), event('draft-received')])).toBe(1);
  });

  it('a re-finalisation is one more than the highest recorded version', () => {
    expect(nextVersion([event('finalised', 1), event('sent'), event('finalised', 2)])).toBe(3);
    expect(nextVersion([event('finalised', 4), event('finalised', 2)])).toBe(5);
    expect(nextVersion([event('finalised')])).toBe(2); // a finalisation recorded without a version counts as 1
  });

  it('finds the latest finalisation', () => {
    expect(lastFinalisation([event('finalised', 1), event('sent'), event('finalised', 2)])?.version).toBe(2);
    expect(lastFinalisation([event('draft-received')])).toBeUndefined();
  });

  it('stamps version, finaliser and date into the properties only, never the printed blocks', () => {
    const draft = doc([para('body', 'Text')], 'draft');
    const stamped = stampFinal(draft, { version: 2, by: 'Gráinne Ní Bhriain', on: '2014-05-14' });
    expect(stamped.meta).toMatchObject({
      status: 'final',
      version: 2,
      finalisedBy: 'Gráinne Ní Bhriain',
      finalisedOn: '2014-05-14',
    });
    expect(stamped.blocks).toEqual(draft.blocks);
    expect(draft.meta.version).toBeUndefined();
  });
});

describe('para 17: the final letter within 10 working days of the end of the visit', () => {
  const deadlines: Deadline[] = [
    { id: 'final-letter', date: '2014-05-20', description: '', paragraph: '17', basis: 'working days, England' },
  ];
  const noHolidays = new Set<string>();

  it('is on time up to and including the deadline', () => {
    expect(finalLetterLateness(deadlines, '2014-05-19', noHolidays)).toBeUndefined();
    expect(finalLetterLateness(deadlines, '2014-05-20', noHolidays)).toBeUndefined();
  });

  it('counts working days late, skipping weekends and bank holidays', () => {
    expect(finalLetterLateness(deadlines, '2014-05-21', noHolidays)).toEqual({ due: '2014-05-20', workingDaysLate: 1 });
    // Tuesday 20 May to Tuesday 27 May: Monday 26 May 2014 was the spring bank holiday.
    expect(finalLetterLateness(deadlines, '2014-05-27', new Set(['2014-05-26']))?.workingDaysLate).toBe(4);
    expect(finalLetterLateness(deadlines, '2014-05-27', noHolidays)?.workingDaysLate).toBe(5);
  });

  it('has nothing to say without a final-letter deadline', () => {
    expect(finalLetterLateness([], '2015-01-01', noHolidays)).toBeUndefined();
  });
});

describe('draft-only marks are not the ISP’s changes', () => {
  const final = doc([para('letterhead', 'Ofsted'), para('date', '6 May 2014'), para('body', 'Findings.')]);

  it('drops the DRAFT marking that only the draft rendering has', () => {
    const rendition = doc([para('marking', 'Draft'), ...final.blocks], 'draft');
    const hmi = doc(
      [
        para('marking', 'Draft'),
        para('letterhead', 'Ofsted'),
        para('date', '6 May 2014'),
        para('body', 'Findings, first go.'),
      ],
      'draft',
    );
    expect(texts(withoutDraftMarks(hmi, rendition, final))).toEqual([
      'letterhead|Ofsted',
      'date|6 May 2014',
      'body|Findings, first go.',
    ]);
  });

  it('recognises the marking in a draft read from a file, whatever its case and role', () => {
    const rendition = doc([para('marking', 'Draft'), ...final.blocks], 'draft');
    const hmi = doc([para('body', 'DRAFT'), para('body', 'Ofsted')], 'draft');
    expect(texts(withoutDraftMarks(hmi, rendition, final))).toEqual(['body|Ofsted']);
  });

  it('puts a block an ISP’s template words differently for a draft as the final has it', () => {
    // e.g. a letterhead template that prints "Ofsted (draft for checking)" while {{draft}}.
    const rendition = doc([para('letterhead', 'Ofsted (draft for checking)'), ...final.blocks.slice(1)], 'draft');
    const hmi = doc([para('letterhead', 'Ofsted (draft for checking)'), para('date', '5 May 2014')], 'draft');
    expect(texts(withoutDraftMarks(hmi, rendition, final))).toEqual(['letterhead|Ofsted', 'date|5 May 2014']);
  });

  it('adds a block only a final letter has after the block it follows, unless the draft has it already', () => {
    const withStamp = doc([...final.blocks.slice(0, 2), para('reference', 'Final version'), final.blocks[2]!]);
    const hmi = doc([para('letterhead', 'Ofsted'), para('date', '6 May 2014'), para('body', 'Findings.')], 'draft');
    expect(texts(withoutDraftMarks(hmi, final, withStamp))).toEqual([
      'letterhead|Ofsted',
      'date|6 May 2014',
      'reference|Final version',
      'body|Findings.',
    ]);
    const already = doc([...withStamp.blocks], 'draft');
    expect(withoutDraftMarks(already, final, withStamp).blocks).toHaveLength(4);
  });

  it('leaves a draft without any draft-only mark as it is', () => {
    const rendition = doc([para('marking', 'Draft'), ...final.blocks], 'draft');
    const hmi = doc([para('body', 'Something else entirely.')], 'draft');
    expect(withoutDraftMarks(hmi, rendition, final)).toEqual(hmi);
  });
});

describe('a draft read from a letter file takes the final’s shape where its words are the same', () => {
  it('gives a paragraph the final’s role and formatting when the words match, spacing and line breaks aside', () => {
    const final = doc([
      {
        type: 'paragraph',
        role: 'address',
        children: [
          { type: 'text', value: 'Mrs Zoë Hughes' },
          { type: 'break' },
          { type: 'text', value: 'Headteacher' },
        ],
      },
      {
        type: 'paragraph',
        role: 'body',
        children: [
          { type: 'strong', children: [{ type: 'text', value: 'Norfolk.' }] },
          { type: 'text', value: ' Good.' },
        ],
      },
    ]);
    const read = doc(
      [para('body', 'Mrs Zoë Hughes  Headteacher'), para('body', 'Norfolk. Good.'), para('body', 'Norfolk. Better.')],
      'draft',
    );
    const adopted = adoptFinalShapes(read, final);
    expect(adopted.blocks[0]).toEqual(final.blocks[0]);
    expect(adopted.blocks[1]).toEqual(final.blocks[1]);
    expect(adopted.blocks[2]).toEqual(read.blocks[2]); // changed words keep the draft's own shape
  });

  it('does not take a block whose words differ only in case', () => {
    const final = doc([para('body', 'The Local Authority')]);
    const read = doc([para('body', 'the local authority')], 'draft');
    expect(adoptFinalShapes(read, final).blocks[0]).toEqual(read.blocks[0]);
  });
});

describe('the changes summary', () => {
  it('says each changed section on its own line', () => {
    expect(
      formatChanges([
        { section: 'Main findings', change: 'changed' },
        { section: 'External support', change: 'added' },
      ]),
    ).toBe('Main findings: changed\nExternal support: added\n');
  });

  it('says so when nothing changed', () => {
    expect(formatChanges([])).toMatch(/^No sections changed/);
  });
});
