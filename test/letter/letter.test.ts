import { describe, it, expect } from 'vitest';
import { blockText, type Block, type LetterDocument } from '../../src/letter/tree.js';
import type { EvidenceForm } from '../../src/evidence/schema.js';
import { buildLetter } from '../../src/letter/model.js';
import { missingContents } from '../../src/rules/checks/completeness.js';
import { formatVisitDates } from '../../src/ground/dates-in-words.js';
import { joinList } from '../../src/letter/join.js';
import { smartQuotes } from '../../src/letter/escape.js';
import { compose, fixture } from './compose.js';

function text(doc: LetterDocument | undefined): string {
  if (!doc) throw new Error('no document');
  return doc.blocks.map(blockText).join('\n');
}

function bodyParagraphs(doc: LetterDocument | undefined): string[] {
  return (doc?.blocks ?? []).filter((b) => b.role === 'body' && b.type === 'paragraph').map(blockText);
}

const example = fixture('example');

function withGovernance(body: NonNullable<EvidenceForm['school']['governance']>['body'], name?: string): EvidenceForm {
  return { ...example, school: { ...example.school, governance: { body, ...(name ? { name } : {}) } } };
}

describe('letter model and wording', () => {
  it('para 16: opens with the visit date, on whose behalf, and which monitoring inspection under which Act', () => {
    const t = text(compose(example).document);
    expect(t).toContain(
      'Following my visit to your school on 12 March 2014, I write on behalf of Her Majesty’s Chief Inspector of Schools',
    );
    expect(t).toContain(
      'The visit was the first monitoring inspection since the school was judged to require improvement following the section 5 inspection in January 2014. It was carried out under section 8 of the Education Act 2005.',
    );
  });

  it('para 11: the judgement stands alone, "recent" with effective and "last" with not effective', () => {
    const effective = bodyParagraphs(compose(example).document);
    expect(effective).toContain(
      'Senior leaders and governors are taking effective action to tackle the areas requiring improvement identified at the recent section 5 inspection.',
    );
    const not = bodyParagraphs(compose({ ...example, judgement: 'not-effective' }).document);
    expect(not).toContain(
      'Senior leaders and governors are not taking effective action to tackle the areas requiring improvement identified at the last section 5 inspection.',
    );
  });

  it.each([
    ['governing-body', undefined, 'Senior leaders and governors are'],
    ['interim-executive-board', undefined, 'Senior leaders and the interim executive board are'],
    ['academy-trust', undefined, 'Senior leaders and the academy trust are'],
    ['sponsor', undefined, 'Senior leaders, governors and the sponsor are'],
    ['proprietor', undefined, 'Senior leaders and the proprietor are'],
    ['management-board', 'Management Board', 'Senior leaders and the Management Board are'],
  ] as const)('para 11: the judgement names the right subject for a school governed by %s', (body, name, subject) => {
    const paragraphs = bodyParagraphs(compose(withGovernance(body, name)).document);
    expect(paragraphs.find((p) => p.includes('taking effective action'))).toMatch(new RegExp(`^${subject} taking`));
  });

  it('para 26: a section 117 letter is marked not for publication and has no publication sentence', () => {
    const letter = compose(fixture('section-117-visit'));
    const doc = letter.document;
    expect(doc?.meta.published).toBe(false);
    expect(doc?.blocks.filter((b) => b.role === 'marking').map(blockText)).toContain('Not for publication');
    expect(text(doc)).toContain('section 117 of the Education and Inspections Act 2006');
    expect(text(doc)).not.toContain('will be published');
    expect(text(compose(example).document)).toContain('This letter will be published on the Ofsted website.');
  });

  it('para 17: the copy sentence lists the copies from the recipients rules', () => {
    expect(text(compose(example).document)).toContain(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Norfolk and the Diocese of Norwich.',
    );
  });

  it('para 21: a subsequent visit says which inspection it was and when the previous one took place', () => {
    const t = text(compose(fixture('subsequent-visit-not-effective')).document);
    expect(t).toMatch(/The visit was the second monitoring inspection/);
    expect(t).toMatch(/The previous monitoring inspection took place on \d+ \w+ \d{4}[.,]/);
  });

  it('lays the letter out in the order real letters use, each block tagged with its part', () => {
    const doc = compose(example).document as LetterDocument;
    const roles = doc.blocks.map((b) => b.role).filter((r, i, all) => all[i - 1] !== r);
    expect(roles).toEqual(['marking', 'letterhead', 'date', 'address', 'reference', 'salutation', 'body', 'signoff']);
    const headings = doc.blocks.filter((b) => b.type === 'heading').map(blockText);
    expect(headings[0]).toBe(`Requires improvement: monitoring inspection visit to ${example.school.name ?? ''}`);
    expect(headings.slice(1)).toEqual(['Evidence', 'Context', 'Main findings', 'External support']);
    expect(blockText(doc.blocks.find((b) => b.role === 'salutation') as Block)).toBe('Dear Mrs Hughes');
    expect(blockText(doc.blocks.find((b) => b.role === 'date') as Block)).toBe('12 March 2014');
    expect(doc.blocks.filter((b) => b.role === 'signoff').map(blockText)).toEqual([
      'Yours sincerely',
      'Siân Ó Súilleabháin\nHer Majesty’s Inspector',
    ]);
  });

  it('fills the document properties', () => {
    const { meta } = compose(example).document as LetterDocument;
    expect(meta).toMatchObject({
      author: 'Siân Ó Súilleabháin',
      language: 'en-GB',
      urn: '121190',
      visitDate: '2014-03-12',
      letterDate: '2014-03-12',
      status: 'draft',
      published: true,
    });
    expect(meta.title).toMatch(/^Requires improvement: monitoring inspection visit to St Mary’s/);
    expect(meta.templateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.generator).toMatch(/^monitoring-letter \d/);
  });

  it('joins the evidence meetings as a sentence does', () => {
    expect(text(compose(example).document)).toContain(
      'meetings were held with the headteacher, the deputy headteacher and the leader for English, the Chair of the Governing Body and two other governors, a representative of the local authority, and a representative of the Diocese of Norwich to discuss the action taken since the last inspection.',
    );
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinList(['a'])).toBe('a');
  });

  it('writes dates as real letters do', () => {
    expect(formatVisitDates(['2014-03-13', '2014-03-12'])).toBe('12 and 13 March 2014');
    expect(formatVisitDates(['2014-04-30', '2014-05-01'])).toBe('30 April and 1 May 2014');
    expect(formatVisitDates(['2014-03-12'])).toBe('12 March 2014');
  });

  it('makes quotes and apostrophes typographic', () => {
    expect(smartQuotes(`the school's "new" plan ('draft')`)).toBe('the school’s “new” plan (‘draft’)');
  });
});

describe('para 16: gaps', () => {
  const gappy = fixture('draft-during-visit');

  it('a draft shows a visible marker where a required item is missing, never a blank or "undefined"', () => {
    const letter = compose(gappy);
    const t = text(letter.document);
    expect(t).toContain('«external support: not yet written»');
    expect(t).toContain('«judgement: not yet written»');
    expect(t).not.toMatch(/undefined|null|\[object Object\]/);
    expect(letter.model.gaps.map((g) => g.missing)).toContain('external support');
  });

  it('a final letter with gaps is refused, naming each missing item', () => {
    const letter = compose(gappy, 'final');
    expect(letter.document).toBeUndefined();
    const errors = letter.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path.join('.'))).toEqual(
      expect.arrayContaining(['judgement', 'externalSupport', 'findings.governance']),
    );
  });

  it('a complete form makes a final letter with no markers', () => {
    const letter = compose(example, 'final');
    expect(letter.document?.meta.status).toBe('final');
    expect(text(letter.document)).not.toContain('«');
    expect(letter.document?.blocks.some((b) => b.role === 'marking')).toBe(false);
  });

  it('buildLetter is pure: the same form and context give the same model', () => {
    const context = {
      decisions: {
        copyList: {
          decided: false as const,
          problem: { code: 'missing-type' as const, message: 'x', path: ['school'] },
        },
        missing: missingContents(example),
      },
      status: 'draft' as const,
      toolVersion: '1',
      templateHash: 'h',
      letterDate: '2014-03-12',
    };
    expect(buildLetter(example, context)).toEqual(buildLetter(example, context));
    expect(buildLetter(example, context).copies.missing).toMatchObject({ path: ['school'] });
  });
});
