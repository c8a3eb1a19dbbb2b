/**
 * Real names in real letters (issue: LA officers checking letters they
 * received): a council by any of its usual names, a person named before their
 * role, and one diocesan body named both as the diocese and as its board.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCopyList } from '../../src/check-copy/index.js';
import { form as formSchema, type School } from '../../src/evidence/schema.js';
import { resolveRecipients } from '../../src/rules/recipients.js';

const example = formSchema.parse(
  parse(readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8')),
);
const stMarys = resolveRecipients(example.school, example.headteacher);
const community = (localAuthority: string): School => ({
  urn: '117002',
  type: 'community',
  phase: 'primary',
  localAuthority: { name: localAuthority },
});
const sentence = (la: string) => `I am copying this letter to the Chair of the Governing Body and ${la}.`;

describe('para 17: a council is recognised by any of its usual names', () => {
  it.each([
    ['Kingston upon Hull, City of', 'the Director of Children’s Services for Hull City Council'],
    ['Kingston upon Hull, City of', 'the Director of Children’s Services for Kingston upon Hull City Council'],
    ['Kingston upon Hull, City of', 'the Director of Children’s Services, Kingston upon Hull City Council'],
    ['Kingston upon Hull, City of', 'the Director of Children’s Services for the City of Kingston upon Hull'],
    ['Kingston upon Hull, City of', 'the Director of Children’s Services for Hull'],
    ['Bristol, City of', 'the Director of Children’s Services for Bristol City Council'],
    ['Herefordshire, County of', 'the Director of Children’s Services, Herefordshire Council'],
    ['Norfolk', 'the Director of Children’s Services for Norfolk County Council'],
    ['Lambeth', 'the Director of Children’s Services for the London Borough of Lambeth'],
    ['Isles Of Scilly', 'the Chief Executive of the Council of the Isles of Scilly'],
  ])('%s: "%s" is the local authority expected', (la, named) => {
    const result = checkCopyList(sentence(named), resolveRecipients(community(la)));
    expect(result.namedDifferently).toEqual([]);
    expect(result.extra).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['Kingston upon Hull, City of', 'the Director of Children’s Services for East Riding of Yorkshire Council'],
    ['Kingston upon Hull, City of', 'the Director of Children’s Services for Kingston upon Thames'],
    ['North Somerset', 'the Director of Children’s Services for Somerset Council'],
  ])('%s: "%s" is another council, named differently', (la, named) => {
    const result = checkCopyList(sentence(named), resolveRecipients(community(la)));
    expect(result.namedDifferently).toEqual([expect.objectContaining({ role: 'local-authority', found: named })]);
    expect(result.ok).toBe(false);
  });
});

describe('para 17: a named person followed by their role is that role', () => {
  it.each([
    'I am copying this letter to Mr Łukasz Nowak, Chair of the Governing Body, the Director of Children’s Services for Norfolk and the Diocese of Norwich.',
    'I am copying this letter to Łukasz Nowak, Chair of Governors, the Director of Children’s Services for Norfolk and the Diocese of Norwich.',
    'I am copying this letter to the Chair of the Governing Body, Mr Łukasz Nowak, the Director of Children’s Services for Norfolk and the Diocese of Norwich.',
  ])('%s', (letter) => {
    const result = checkCopyList(letter, stMarys);
    expect(result.extra).toEqual([]);
    expect(result.matched.map((m) => m.role)).toEqual(['appropriate-authority', 'local-authority', 'diocese']);
    expect(result.matched[0]?.found).toMatch(/Nowak/);
    expect(result.ok).toBe(true);
  });

  it('a person with no role after them is still not recognised', () => {
    const result = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Norfolk, the Diocese of Norwich and Mrs Ruth Adeyemi.',
      stMarys,
    );
    // "Mrs Ruth Adeyemi" after the diocese reads as the holder of the title before it.
    expect(result.ok).toBe(true);
  });
});

describe('para 17: the diocese and the body appointing foundation governors, one body named both ways', () => {
  it('copying both the Diocese of Norwich and the Norwich Diocesan Board of Education is a note, not a difference', () => {
    const result = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Norfolk, the Diocese of Norwich and the Norwich Diocesan Board of Education.',
      stMarys,
    );
    expect(result.extra).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.notes).toEqual([expect.stringContaining('the Norwich Diocesan Board of Education')]);
    expect(result.notes[0]).toMatch(/Diocese of Norwich/);
  });

  it('the same name written twice is still named twice', () => {
    const result = checkCopyList(
      'I am copying this letter to the Chair of the Governing Body, the Director of Children’s Services for Norfolk, the Diocese of Norwich and the Diocese of Norwich.',
      stMarys,
    );
    expect(result.extra).toEqual([expect.objectContaining({ reason: expect.stringMatching(/named twice/) })]);
    expect(result.ok).toBe(false);
  });
});
