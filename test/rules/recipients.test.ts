import { describe, expect, it } from 'vitest';
import type { School } from '../../src/evidence/schema.js';
import {
  copyListNames,
  dioceseKey,
  RecipientsError,
  resolveRecipients,
  withArticle,
} from '../../src/rules/recipients.js';
import type { RecipientList, RecipientRole } from '../../src/rules/types.js';

const norfolk = { name: 'Norfolk' };

function school(facts: Partial<School>): School {
  return { urn: '121190', localAuthority: norfolk, ...facts };
}

const roles = (list: RecipientList): RecipientRole[] => list.copies.map((c) => c.role);
const nameOf = (list: RecipientList, role: RecipientRole): string[] =>
  list.copies.filter((c) => c.role === role).map((c) => c.name);
const whyNot = (list: RecipientList, role: RecipientRole): string | undefined =>
  list.notCopied.find((n) => n.role === role)?.reason;

function errorOf(fn: () => unknown): RecipientsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RecipientsError) return error;
    throw error;
  }
  throw new Error('expected a RecipientsError');
}

describe('para 17: addressee', () => {
  it('para 17: the letter is sent to the headteacher, by name', () => {
    const list = resolveRecipients(school({ type: 'community' }), {
      title: 'Mrs',
      firstName: 'Zoë',
      lastName: 'Hughes',
      role: 'Executive Headteacher',
    });
    expect(list.to).toMatchObject({ role: 'headteacher', name: 'Mrs Zoë Hughes', paragraph: '17' });
    expect(list.to.reason).toContain('Executive Headteacher');
  });

  it('para 17: without a named headteacher the letter goes to the Headteacher', () => {
    expect(resolveRecipients(school({ type: 'community' })).to.name).toBe('the Headteacher');
  });
});

describe('para 17: always copied', () => {
  it('para 17: copies the chair of the governing body of a community school', () => {
    const list = resolveRecipients(school({ type: 'community', governance: { body: 'governing-body' } }));
    expect(nameOf(list, 'appropriate-authority')).toEqual(['the Chair of the Governing Body']);
  });

  it('para 17: copies the Director of Children’s Services for the local authority', () => {
    const list = resolveRecipients(school({ type: 'community' }));
    expect(nameOf(list, 'local-authority')).toEqual(['the Director of Children\u2019s Services for Norfolk']);
    expect(list.copies.every((c) => c.paragraph === '17')).toBe(true);
  });

  it('para 17: LA named differently: copyTo is used exactly', () => {
    const copyTo = 'the Director of Children\u2019s Services for Hampshire and the Isle of Wight';
    const list = resolveRecipients(school({ type: 'community', localAuthority: { name: 'Isle of Wight', copyTo } }));
    expect(nameOf(list, 'local-authority')).toEqual([copyTo]);
    expect(list.copies.find((c) => c.role === 'local-authority')?.reason).toContain('Isle of Wight');
  });

  it('para 17: an authority the register writes "X, City of" is named by its place after "for", as letters do', () => {
    const named = (name: string) =>
      nameOf(resolveRecipients(school({ type: 'community', localAuthority: { name } })), 'local-authority');
    expect(named('Bristol, City of')).toEqual(['the Director of Children\u2019s Services for Bristol']);
    expect(named('Kingston upon Hull, City of')).toEqual([
      'the Director of Children\u2019s Services for Kingston upon Hull',
    ]);
    expect(named('Herefordshire, County of')).toEqual(['the Director of Children\u2019s Services for Herefordshire']);
    // The form may give the council's own name: the letter words it the same way.
    expect(named('Hull City Council')).toEqual(['the Director of Children\u2019s Services for Kingston upon Hull']);
    expect(named('Isles Of Scilly')).toEqual(['the Director of Children\u2019s Services for the Isles of Scilly']);
  });

  it('para 17: an island authority is "the Isle of Wight", as a letter writes it', () => {
    const list = resolveRecipients(school({ type: 'community', localAuthority: { name: 'Isle of Wight' } }));
    expect(nameOf(list, 'local-authority')).toEqual(['the Director of Children\u2019s Services for the Isle of Wight']);
  });

  it('para 17: IEB school: copies the chair of the interim executive board', () => {
    const list = resolveRecipients(school({ type: 'community', governance: { body: 'interim-executive-board' } }));
    expect(nameOf(list, 'appropriate-authority')).toEqual(['the Chair of the Interim Executive Board']);
    expect(list.copies.find((c) => c.role === 'appropriate-authority')?.reason).toMatch(/interim executive board/);
  });

  it('para 17: an academy whose appropriate authority is its Management Board', () => {
    const list = resolveRecipients(
      school({ type: 'academy-converter', governance: { body: 'management-board', name: 'Management Board' } }),
    );
    expect(nameOf(list, 'appropriate-authority')).toEqual(['the Chair of the Management Board']);
  });

  it('para 17: an academy trust is named from the trust, with "The" lower-cased', () => {
    const list = resolveRecipients(school({ type: 'academy-sponsor-led', trust: 'The Wensum Trust' }));
    expect(nameOf(list, 'appropriate-authority')).toEqual(['the Chair of the Board of Trustees of the Wensum Trust']);
    expect(list.copies.find((c) => c.role === 'appropriate-authority')?.reason).toContain('assumed');
  });

  it('para 17: a missing local authority is an error, never a silent gap', () => {
    const error = errorOf(() => resolveRecipients({ urn: '121190', type: 'community' }));
    expect(error.code).toBe('missing-local-authority');
    expect(error.path).toEqual(['school', 'localAuthority']);
  });
});

describe('para 17: establishment types', () => {
  it('unknown type: an error naming the type', () => {
    const error = errorOf(() => resolveRecipients(school({ type: 'secure-unit' })));
    expect(error.code).toBe('unknown-type');
    expect(error.message).toContain('"secure-unit"');
  });

  it('missing type: an error naming the field', () => {
    const error = errorOf(() => resolveRecipients(school({})));
    expect(error.code).toBe('missing-type');
    expect(error.message).toContain('school.type');
  });

  it('an independent school is not inspected under section 5: a clear error', () => {
    const error = errorOf(() => resolveRecipients(school({ type: 'independent' })));
    expect(error.code).toBe('not-section-5');
    expect(error.message).toContain('Other independent school');
  });
});

describe('para 17: the diocese', () => {
  it('para 17: copies the diocese for a voluntary controlled school', () => {
    const list = resolveRecipients(school({ type: 'voluntary-controlled', dioceses: ['Diocese of Norwich'] }));
    expect(nameOf(list, 'diocese')).toEqual(['the Diocese of Norwich']);
    expect(list.copies.find((c) => c.role === 'diocese')?.reason).toContain('voluntary controlled');
  });

  it('para 17: does not copy the diocese of a Church of England academy', () => {
    const list = resolveRecipients(school({ type: 'academy-converter', dioceses: ['Diocese of Ely'] }));
    expect(roles(list)).not.toContain('diocese');
    expect(whyNot(list, 'diocese')).toMatch(/only for voluntary aided and voluntary controlled/);
  });

  it('para 17: joint-faith school: both dioceses are copied', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Roman Catholic/Church of England',
        dioceses: ['Roman Catholic Diocese of Hallam', 'Diocese of Sheffield'],
      }),
    );
    expect(nameOf(list, 'diocese')).toEqual(['the Roman Catholic Diocese of Hallam', 'the Diocese of Sheffield']);
    expect(list.copies.find((c) => c.role === 'diocese')?.reason).toContain('joint-faith');
  });

  it('para 17: joint-faith school in one city: the Archdiocese and the Diocese are both copied, their joint foundation once', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Roman Catholic/Church of England',
        dioceses: ['Archdiocese of Liverpool', 'Diocese of Liverpool'],
        foundation: {
          name: 'The Trustees of St Hilda and St Bede High School',
          appointedBy: 'the Archdiocese of Liverpool and the Diocese of Liverpool',
        },
      }),
    );
    expect(nameOf(list, 'diocese')).toEqual(['the Archdiocese of Liverpool', 'the Diocese of Liverpool']);
    expect(roles(list)).not.toContain('foundation-body');
    expect(whyNot(list, 'foundation-body')).toContain('copied once');
  });

  it('para 17: joint-faith school in one see: the Roman Catholic and the Church of England Dioceses of Leeds are both copied', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Roman Catholic/Church of England',
        dioceses: ['Roman Catholic Diocese of Leeds', 'Diocese of Leeds'],
      }),
    );
    expect(nameOf(list, 'diocese')).toEqual(['the Roman Catholic Diocese of Leeds', 'the Diocese of Leeds']);
  });

  it('para 17: one diocese named twice, once with its church, is copied once', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Roman Catholic',
        dioceses: ['Roman Catholic Diocese of Leeds', 'Roman Catholic Diocese of Leeds'],
      }),
    );
    expect(nameOf(list, 'diocese')).toEqual(['the Roman Catholic Diocese of Leeds']);
  });

  it('para 17: a Church of England VA school without its diocese is an error', () => {
    const error = errorOf(() =>
      resolveRecipients(school({ type: 'voluntary-aided', religiousCharacter: 'Church of England' })),
    );
    expect(error.code).toBe('missing-diocese');
    expect(error.path).toEqual(['school', 'dioceses']);
  });
});

describe('para 17: the foundation', () => {
  it('para 17: VA school whose foundation is not a diocese: the foundation body is copied', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Jewish',
        foundation: { name: 'The Leeds Jewish Education Foundation' },
      }),
    );
    expect(nameOf(list, 'foundation-body')).toEqual(['the Leeds Jewish Education Foundation']);
    expect(whyNot(list, 'diocese')).toMatch(/no diocese/);
  });

  it('para 17: VA school whose diocese also appoints foundation governors: copied once', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Church of England',
        dioceses: ['Diocese of Norwich'],
        foundation: { name: 'The Norwich Diocesan Board of Education' },
      }),
    );
    expect(nameOf(list, 'diocese')).toEqual(['the Diocese of Norwich']);
    expect(roles(list)).not.toContain('foundation-body');
    expect(whyNot(list, 'foundation-body')).toMatch(/already copied as the Diocese of Norwich: copied once/);
  });

  it('para 17: VA school whose foundation governors are appointed by the diocese (appointedBy): copied once', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Roman Catholic',
        dioceses: ['Diocese of Leeds'],
        foundation: { name: 'St Anne’s Foundation', appointedBy: 'the Diocese of Leeds' },
      }),
    );
    expect(list.copies.filter((c) => /leeds/i.test(c.name))).toHaveLength(1);
  });

  it('para 17: foundation school with a foundation: the appointing body is copied', () => {
    const list = resolveRecipients(
      school({
        type: 'foundation',
        foundation: { name: 'The Wensum Trust', appointedBy: 'The Wensum Trust Board' },
      }),
    );
    expect(nameOf(list, 'foundation-body')).toEqual(['the Wensum Trust Board']);
    expect(list.copies.find((c) => c.role === 'foundation-body')?.reason).toContain(
      'appoints the foundation governors',
    );
  });

  it('para 17: foundation school without a foundation: no foundation body, and why', () => {
    const list = resolveRecipients(school({ type: 'foundation' }));
    expect(roles(list)).not.toContain('foundation-body');
    expect(whyNot(list, 'foundation-body')).toBe(
      'foundation school without a foundation: no foundation body is copied',
    );
  });
});

describe('para 17: every voluntary aided or controlled school has a foundation', () => {
  // Their phase is left out, so the Education Funding Agency's warning is not theirs to test.
  const warningsOf = (list: RecipientList) =>
    (list.warnings ?? []).filter((w) => w.role !== 'efa').map((w) => ({ role: w.role, path: w.path }));

  it('para 17: a Jewish voluntary aided school copies the body its form names as appointing foundation governors, and no diocese', () => {
    const list = resolveRecipients(
      school({
        type: 'voluntary-aided',
        religiousCharacter: 'Jewish',
        foundation: { name: 'The Brodetsky School Foundation', appointedBy: 'the Leeds Jewish Education Board' },
      }),
    );
    expect(nameOf(list, 'foundation-body')).toEqual(['the Leeds Jewish Education Board']);
    expect(whyNot(list, 'diocese')).toBe(
      'voluntary aided school of Jewish religious character: it has no diocese, so none is copied',
    );
    expect(warningsOf(list)).toEqual([]);
  });

  it('para 17: a Muslim voluntary aided school whose form does not name its foundation still copies the person or body responsible for appointing foundation governors, with a warning asking for it', () => {
    const list = resolveRecipients(school({ type: 'voluntary-aided', religiousCharacter: 'Muslim' }));
    expect(nameOf(list, 'foundation-body')).toEqual([
      'the person or body responsible for appointing foundation governors',
    ]);
    expect(list.notCopied.map((n) => n.reason).join(' ')).not.toMatch(/without a foundation/);
    expect(warningsOf(list)).toEqual([{ role: 'foundation-body', path: ['school', 'foundation'] }]);
    expect(list.warnings?.find((w) => w.role === 'foundation-body')?.message).toMatch(
      /voluntary aided school has a foundation.*school\.foundation/,
    );
  });

  it('para 17: a voluntary controlled school with a non-diocesan trust: the trust is copied, no diocese is asked for', () => {
    const list = resolveRecipients(
      school({ type: 'voluntary-controlled', foundation: { name: 'The Sir John Moore Foundation' } }),
    );
    expect(nameOf(list, 'foundation-body')).toEqual(['the Sir John Moore Foundation']);
    expect(whyNot(list, 'diocese')).toMatch(/foundation \(The Sir John Moore Foundation\) is not a diocese/);
    expect(warningsOf(list)).toEqual([]);
  });

  it('para 17: a voluntary aided school with neither diocese nor religious character nor foundation: both asked for', () => {
    const list = resolveRecipients(school({ type: 'voluntary-aided' }));
    expect(warningsOf(list)).toEqual([
      { role: 'diocese', path: ['school', 'dioceses'] },
      { role: 'foundation-body', path: ['school', 'foundation'] },
    ]);
    expect(nameOf(list, 'foundation-body')).toHaveLength(1);
  });

  it('para 17: a Church of England voluntary controlled school without school.foundation: its diocese is taken to appoint, copied once, and the form is asked to confirm', () => {
    const list = resolveRecipients(
      school({ type: 'voluntary-controlled', religiousCharacter: 'Church of England', dioceses: ['Diocese of Ely'] }),
    );
    expect(roles(list)).not.toContain('foundation-body');
    expect(whyNot(list, 'foundation-body')).toMatch(/taken to be the Diocese of Ely, already copied/);
    expect(warningsOf(list)).toEqual([{ role: 'foundation-body', path: ['school', 'foundation'] }]);
  });
});

describe('para 17: the Education Funding Agency when the sixth form is not known', () => {
  const efaWarning = (list: RecipientList) => (list.warnings ?? []).filter((w) => w.role === 'efa');

  for (const phase of ['secondary', 'all-through', 'middle-deemed-secondary'] as const) {
    it(`para 17: a ${phase} school with no sixthForm: a warning that the EFA copy cannot be decided`, () => {
      const list = resolveRecipients(school({ type: 'community', phase }));
      expect(roles(list)).not.toContain('efa');
      expect(whyNot(list, 'efa')).toMatch(/cannot be decided/);
      expect(efaWarning(list)).toHaveLength(1);
      expect(efaWarning(list)[0]).toMatchObject({ path: ['school', 'sixthForm'] });
      expect(efaWarning(list)[0]?.message).toMatch(/Education Funding Agency.*cannot be decided/);
    });
  }

  it('para 17: a school with neither phase nor sixthForm: the EFA copy cannot be decided either', () => {
    expect(
      efaWarning(resolveRecipients(school({ type: 'academy-converter', trust: 'The Wensum Trust' }))),
    ).toHaveLength(1);
  });

  it('para 17: a primary school with no sixthForm: no warning, no EFA', () => {
    const list = resolveRecipients(school({ type: 'community', phase: 'primary' }));
    expect(efaWarning(list)).toEqual([]);
    expect(roles(list)).not.toContain('efa');
  });

  it('para 17: a pupil referral unit or nursery school with no sixthForm: no warning, and the reason fits the school', () => {
    const unit = resolveRecipients(school({ type: 'pupil-referral-unit' }));
    expect(efaWarning(unit)).toEqual([]);
    expect(whyNot(unit, 'efa')).toBe(
      'a pupil referral unit teaches pupils of compulsory school age, so it has no sixth form: the Education Funding Agency is not copied',
    );
    expect(whyNot(resolveRecipients(school({ type: 'la-nursery' })), 'efa')).toBe(
      'a nursery school has no sixth form: the Education Funding Agency is not copied',
    );
    expect(whyNot(resolveRecipients(school({ type: 'community', phase: 'primary' })), 'efa')).toBe(
      'a primary school has no sixth form: the Education Funding Agency is not copied',
    );
  });

  it('para 17: a 16 plus school is all post-16 provision: the EFA is copied', () => {
    const list = resolveRecipients(school({ type: 'community-special', phase: '16-plus' }));
    expect(roles(list)).toContain('efa');
    expect(efaWarning(list)).toEqual([]);
  });
});

describe('para 17: a management committee is the appropriate authority', () => {
  it('para 17: a pupil referral unit copies the Chair of the Management Committee, not of a governing body', () => {
    const list = resolveRecipients(school({ type: 'pupil-referral-unit' }));
    expect(nameOf(list, 'appropriate-authority')).toEqual(['the Chair of the Management Committee']);
    expect(list.copies.find((c) => c.role === 'appropriate-authority')?.reason).toMatch(/management committee/);
  });

  it('para 17: an alternative provision academy governed by a management committee', () => {
    const list = resolveRecipients(
      school({
        type: 'academy-alternative-provision-converter',
        trust: 'The Tree House Trust',
        governance: { body: 'management-committee' },
      }),
    );
    expect(nameOf(list, 'appropriate-authority')).toEqual(['the Chair of the Management Committee']);
  });
});

describe('para 17: sixth forms and academies', () => {
  it('para 17: academy with a sixth form: EFA and the Academies Advisers Unit', () => {
    const list = resolveRecipients(
      school({ type: 'academy-converter', sixthForm: true, trust: 'Ormiston Academies Trust' }),
    );
    expect(roles(list)).toEqual(['appropriate-authority', 'local-authority', 'efa', 'dfe-academies-unit']);
    expect(nameOf(list, 'dfe-academies-unit')).toEqual(['the Academies Advisers Unit at the Department for Education']);
    expect(list.copies.find((c) => c.role === 'local-authority')?.reason).toContain('academies included');
  });

  it('para 17: no sixth form: the EFA is not copied, and the reason says so', () => {
    const list = resolveRecipients(school({ type: 'community', sixthForm: false }));
    expect(whyNot(list, 'efa')).toBe('no sixth form: the Education Funding Agency is not copied');
  });

  it('para 17: 16–19 academy: the EFA is copied without a sixth-form flag', () => {
    const list = resolveRecipients(school({ type: 'academy-16-19-converter' }));
    expect(roles(list)).toContain('efa');
    expect(roles(list)).toContain('dfe-academies-unit');
  });

  it('para 17: free school 16–19: the EFA is copied', () => {
    expect(roles(resolveRecipients(school({ type: 'free-school-16-19' })))).toContain('efa');
  });

  it('para 17: special academy: the Academies Advisers Unit, not the EFA without a sixth form', () => {
    const list = resolveRecipients(school({ type: 'academy-special-sponsor-led', sixthForm: false }));
    expect(roles(list)).toContain('dfe-academies-unit');
    expect(roles(list)).not.toContain('efa');
  });

  it('para 17: a maintained school is not an academy: the unit is not copied, with the reason', () => {
    const list = resolveRecipients(school({ type: 'community-special' }));
    expect(whyNot(list, 'dfe-academies-unit')).toContain('not an academy');
  });
});

describe('para 17: support contractor', () => {
  it('para 17: LA support contractor is copied', () => {
    const list = resolveRecipients(
      school({
        type: 'community',
        supportContractor: { name: 'Achieving for Children', copyTo: 'the Chief Executive of Achieving for Children' },
      }),
    );
    expect(nameOf(list, 'la-support-contractor')).toEqual(['the Chief Executive of Achieving for Children']);
    expect(list.copies.find((c) => c.role === 'la-support-contractor')?.reason).toContain(
      'on behalf of the local authority',
    );
  });

  it('para 17: no contractor: explained', () => {
    expect(whyNot(resolveRecipients(school({ type: 'community' })), 'la-support-contractor')).toMatch(/no contractor/);
  });
});

describe('copy list', () => {
  it('every role is either copied or explained, never both', () => {
    const list = resolveRecipients(school({ type: 'voluntary-aided', dioceses: ['Diocese of Norwich'] }));
    const copied = new Set(roles(list));
    const explained = new Set(list.notCopied.map((n) => n.role));
    for (const role of ['la-support-contractor', 'diocese', 'efa', 'foundation-body', 'dfe-academies-unit'] as const) {
      expect(copied.has(role) !== explained.has(role)).toBe(true);
    }
  });

  it('copyListNames gives the names in letter order', () => {
    const list = resolveRecipients(
      school({ type: 'voluntary-aided', dioceses: ['Diocese of Norwich'], sixthForm: true }),
    );
    expect(copyListNames(list)).toEqual([
      'the Chair of the Governing Body',
      'the Director of Children\u2019s Services for Norfolk',
      'the Diocese of Norwich',
      'the Education Funding Agency',
    ]);
  });

  it('names use typographic apostrophes', () => {
    const list = resolveRecipients(school({ type: 'community' }));
    expect(copyListNames(list).join(' ')).not.toContain("'");
  });

  it('withArticle and dioceseKey', () => {
    expect(withArticle('Diocese of Ely')).toBe('the Diocese of Ely');
    expect(withArticle('The Ely Diocesan Board of Education')).toBe('the Ely Diocesan Board of Education');
    expect(dioceseKey('The Norwich Diocesan Board of Education')).toBe('norwich');
    expect(dioceseKey('Roman Catholic Archdiocese of Birmingham')).toBe('archdiocese:birmingham');
    expect(dioceseKey('Liverpool Archdiocesan Schools Commission')).toBe('archdiocese:liverpool');
    expect(dioceseKey('The Wensum Trust')).toBeUndefined();
  });
});
