import { describe, it, expect } from 'vitest';
import type { EvidenceForm } from '../../src/evidence/schema.js';
import { joinList, midSentence } from '../../src/letter/join.js';
import { blockText, type Block, type LetterDocument } from '../../src/letter/tree.js';
import { compose, fixture } from './compose.js';

const example = fixture('example');
const s117 = fixture('section-117-visit');
const subsequent = fixture('subsequent-visit-not-effective');

function doc(form: EvidenceForm): LetterDocument {
  const d = compose(form).document;
  if (!d) throw new Error('no document');
  return d;
}

function body(form: EvidenceForm): Block[] {
  return doc(form).blocks.filter((b) => b.role === 'body');
}

function text(form: EvidenceForm): string {
  return body(form).map(blockText).join('\n');
}

/** The paragraphs and list items of the body, in order, each as one string. */
function lines(form: EvidenceForm): string[] {
  return body(form).flatMap((b) =>
    b.type === 'list' ? b.items.map((i) => `- ${i.children.map(blockText).join(' ')}`) : [blockText(b)],
  );
}

/** The list that directly follows the paragraph `lead`, as its items' text. */
function listAfter(form: EvidenceForm, lead: string): string[] | undefined {
  const blocks = body(form);
  const at = blocks.findIndex((b) => b.type === 'paragraph' && blockText(b) === lead);
  const next = blocks[at + 1];
  return at >= 0 && next?.type === 'list' ? next.items.map((i) => i.children.map(blockText).join(' ')) : undefined;
}

describe('joining lists in a sentence', () => {
  it('uses no serial comma, as Ofsted writes: "a, b and c"', () => {
    expect(joinList(['the headteacher', 'senior leaders', 'a representative of the local authority'])).toBe(
      'the headteacher, senior leaders and a representative of the local authority',
    );
    expect(joinList(['the headteacher', 'the Chair of the Governing Body'])).toBe(
      'the headteacher and the Chair of the Governing Body',
    );
  });

  it('adds the comma before the last "and" only when an item has its own "and", for two items as for more', () => {
    expect(joinList(['the headteacher and the deputy headteacher', 'governors', 'pupils'])).toBe(
      'the headteacher and the deputy headteacher, governors, and pupils',
    );
    expect(joinList(['the headteacher and the deputy headteacher', 'governors'])).toBe(
      'the headteacher and the deputy headteacher, and governors',
    );
    expect(joinList(['governors', 'the Director of Children’s Services for Hampshire and the Isle of Wight'])).toBe(
      'governors, and the Director of Children’s Services for Hampshire and the Isle of Wight',
    );
  });

  it('drops a full stop or semicolon typed at the end of an item, and empty items', () => {
    expect(joinList(['the headteacher.', '  ', 'two governors;'])).toBe('the headteacher and two governors');
    expect(joinList([])).toBe('');
  });

  it('writes a name inside a sentence with a small "the"', () => {
    expect(midSentence('The Diocese of Norwich')).toBe('the Diocese of Norwich');
    expect(midSentence('Norfolk County Council')).toBe('Norfolk County Council');
    expect(midSentence('Theale Green School')).toBe('Theale Green School');
  });
});

describe('the opening', () => {
  it('para 16: thanks the school for its help during "my visit" and says it was the first monitoring inspection', () => {
    const t = text(example);
    expect(t).toContain('Thank you for the help you gave during my visit and for the time you made available');
    expect(t).toContain('The visit was the first monitoring inspection since the school was judged to require');
  });

  it('calls an academy "academy" throughout, and a free school "school"', () => {
    const academy = text(fixture('academy-converter-sixth-form'));
    expect(academy).toContain('Following my visit to your academy on');
    expect(academy).toContain('since the academy was judged to require improvement');
    expect(academy).toContain('The academy should take further action to:');
    expect(academy).not.toMatch(/\byour school\b|\bthe school was judged\b/);
    const free = text(fixture('free-school'));
    expect(free).toContain('Following my visit to your school on');
  });
});

describe('para 11: the judgement', () => {
  it('stands alone, in bold, in the guidance’s words', () => {
    const judgement = body(example).find((b) => blockText(b).includes('taking effective action'));
    expect(judgement?.type).toBe('paragraph');
    expect(judgement?.type === 'paragraph' && judgement.children.map((c) => c.type)).toEqual(['strong']);
    expect(blockText(judgement as Block)).toBe(
      'Senior leaders and governors are taking effective action to tackle the areas requiring improvement identified at the recent section 5 inspection.',
    );
  });

  it('names the body governing the school from the fixture that has it', () => {
    const subject = (name: string): string =>
      text(fixture(name)).match(/^(.*) are (?:not )?taking effective action/m)?.[1] ?? '';
    expect(subject('interim-executive-board')).toBe('Senior leaders and the interim executive board');
    expect(subject('academy-converter-sixth-form')).toBe('Senior leaders and the academy trust');
    expect(subject('academy-sponsor-led')).toBe('Senior leaders, governors and the sponsor');
    expect(subject('management-board-academy')).toBe('Senior leaders and the Management Board');
    expect(subject('joint-faith-voluntary-aided')).toBe('Senior leaders and governors');
  });
});

describe('para 26: a visit under section 117 to assist improvement', () => {
  it('is headed as a support visit and says it was made under section 117, not as a monitoring inspection', () => {
    const d = doc(s117);
    const heading = d.blocks.find((b) => b.type === 'heading' && b.depth === 1) as Block;
    expect(blockText(heading)).toBe('Requires improvement: support visit to Firth Park Community Primary School');
    const t = text(s117);
    expect(t).toContain(
      'The visit was made to assist the school’s improvement, under section 117 of the Education and Inspections Act 2006, following the first monitoring inspection on 15 October 2014. It was not a monitoring inspection, and this letter will not be published.',
    );
    expect(t).not.toMatch(/monitoring inspection since the school|section 8 of the Education Act 2005/);
    expect(d.meta.subject).toMatch(/^Support visit letter/);
  });

  it('is marked not for publication and has no publication sentence', () => {
    const d = doc(s117);
    expect(d.blocks.filter((b) => b.role === 'marking').map(blockText)).toContain('Not for publication');
    expect(text(s117)).not.toContain('This letter will be published');
    expect(lines(s117).find((l) => l.startsWith('I am copying this letter'))).toBe(
      'I am copying this letter to the Chair of the Governing Body and the Director of Children’s Services for Sheffield.',
    );
  });

  it('makes no para 11 judgement, and does not ask for one', () => {
    expect(text(s117)).not.toMatch(/taking effective action to tackle/);
    const { judgement: _judgement, ...withoutJudgement } = s117;
    const letter = compose(withoutJudgement, 'final');
    expect(letter.model.gaps.map((g) => g.missing)).not.toContain('judgement');
    expect(letter.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(letter.document?.meta.status).toBe('final');
  });

  it('speaks of "the visit", not "the inspection", in its evidence', () => {
    expect(text(s117)).toContain('During the visit, meetings were held with');
  });
});

describe('paras 21–22: a subsequent visit', () => {
  it('gives the previous visit’s date and, when it was, its not-effective judgement', () => {
    expect(text(subsequent)).toContain(
      'The visit was the second monitoring inspection since the school was judged to require improvement following the section 5 inspection in March 2014. It was carried out under section 8 of the Education Act 2005. The previous monitoring inspection took place on 11 June 2014, when HMI judged that effective action was not being taken to tackle the areas requiring improvement.',
    );
    const effective: EvidenceForm = {
      ...subsequent,
      visit: { ...subsequent.visit, previous: { ...subsequent.visit.previous!, judgement: 'effective' } },
    };
    expect(text(effective)).toContain('The previous monitoring inspection took place on 11 June 2014.');
  });

  it('reports on the previous visit’s priorities first in the main findings, each with the school’s response', () => {
    const all = lines(subsequent);
    const findings = all.indexOf('Main findings');
    const priorities = subsequent.visit.previous?.priorities ?? [];
    expect(all[findings + 1]).toBe(`Priority 1 from the previous monitoring inspection: ${priorities[0]}`);
    expect(all[findings + 2]).toBe(subsequent.findings?.previousPriorities?.[0]?.response);
  });
});

describe('further action for the school, the local authority and the trust', () => {
  it('lists the local authority’s actions after the school’s, when there are any (immediate, after "not taking effective action")', () => {
    expect(listAfter(subsequent, 'The local authority should take immediate action to:')).toEqual(
      subsequent.actions?.localAuthority,
    );
    expect(text(example)).not.toContain('The local authority should take further action to:');
  });

  it('names the sponsor or the academy trust for the trust’s actions', () => {
    const sponsorLed = fixture('academy-sponsor-led');
    expect(listAfter(sponsorLed, 'The sponsor should take further action to:')).toEqual(sponsorLed.actions?.trust);
    const trust: EvidenceForm = {
      ...sponsorLed,
      school: { ...sponsorLed.school, governance: { body: 'academy-trust' } },
    };
    expect(listAfter(trust, 'The academy trust should take further action to:')).toEqual(sponsorLed.actions?.trust);
  });
});

describe('para 14: concerns with specific recommendations', () => {
  const leadIn = {
    leadership: 'To tackle this concern, senior leaders should:',
    governance: 'To tackle this concern, governors should:',
    urgency: 'To tackle this concern, the school should urgently:',
    other: 'To tackle this concern, the school should:',
  };

  it('states each concern, then its recommendations, led in by who should act on them', () => {
    const concerns = subsequent.concerns ?? [];
    expect(new Set(concerns.map((c) => c.about)).size).toBeGreaterThan(1);
    const all = lines(subsequent);
    for (const concern of concerns) {
      const at = all.indexOf(concern.concern);
      expect(at).toBeGreaterThan(all.indexOf('Concerns and recommendations'));
      expect(all[at + 1]).toBe(leadIn[concern.about]);
      expect(all.slice(at + 2, at + 2 + (concern.recommendations?.length ?? 0))).toEqual(
        concern.recommendations?.map((r) => `- ${r}`),
      );
    }
    expect(text(subsequent)).not.toContain('HMI make the following recommendations');
  });

  it('puts the concerns after the main findings and before the external support', () => {
    const headings = body(subsequent)
      .filter((b) => b.type === 'heading')
      .map(blockText);
    expect(headings.indexOf('Concerns and recommendations')).toBe(headings.indexOf('Main findings') + 1);
    expect(headings.indexOf('External support')).toBe(headings.indexOf('Concerns and recommendations') + 1);
  });

  it.each(['leadership', 'governance', 'urgency', 'other'] as const)(
    'a concern about %s is led in by who acts',
    (about) => {
      const form: EvidenceForm = {
        ...example,
        concerns: [{ about, concern: 'Actions are slow to start.', recommendations: ['Act now.'] }],
      };
      expect(listAfter(form, leadIn[about])).toEqual(['Act now.']);
    },
  );

  it('a governance concern names the body that governs: the interim executive board', () => {
    const ieb = fixture('interim-executive-board');
    const form: EvidenceForm = {
      ...ieb,
      concerns: [{ about: 'governance', concern: 'Minutes are thin.', recommendations: ['Record decisions.'] }],
    };
    expect(listAfter(form, 'To tackle this concern, the interim executive board should:')).toEqual([
      'Record decisions.',
    ]);
  });

  it('a concern without recommendations has no empty lead-in', () => {
    const form: EvidenceForm = { ...example, concerns: [{ about: 'urgency', concern: 'Actions are slow to start.' }] };
    const all = lines(form);
    expect(all).toContain('Actions are slow to start.');
    expect(all.some((l) => l.startsWith('To tackle this concern'))).toBe(false);
  });
});

describe('para 15: serious concerns are reported to Ofsted, not written into the letter', () => {
  it('leaves a serious concern’s text out of the letter', () => {
    const serious = subsequent.seriousConcerns?.[0]?.concern ?? '';
    expect(serious).not.toBe('');
    expect(text(subsequent)).not.toContain(serious);
    expect(text(subsequent)).not.toMatch(/single central record/);
  });
});

describe('paras 3 and 21: next steps', () => {
  const withNext = (nextSteps: EvidenceForm['nextSteps']): EvidenceForm => ({ ...example, nextSteps });

  it('says Ofsted may visit again when no further monitoring is planned', () => {
    expect(lines(withNext({ furtherMonitoring: false }))).toContain(
      'Ofsted may carry out further visits and, where necessary, provide further support and challenge to the school until its next section 5 inspection.',
    );
  });

  it('says a further monitoring inspection will take place when HMI plan one', () => {
    const all = lines(withNext({ furtherMonitoring: true }));
    expect(all).toContain(
      'HMI will carry out a further monitoring inspection before the school’s next section 5 inspection.',
    );
    expect(all.join('\n')).not.toContain('Ofsted may carry out further visits');
  });

  it('says the next section 5 inspection will be recommended for bringing forward when the school is ready', () => {
    expect(lines(withNext({ readyForSection5: true }))).toContain(
      'I will recommend that the school’s next section 5 inspection be brought forward.',
    );
  });

  it('closes the letter, after the external support and any priorities, just before the copy sentence', () => {
    const all = lines(example);
    const next = all.findIndex((l) => l.startsWith('Ofsted may carry out further visits'));
    expect(next).toBeGreaterThan(all.indexOf('External support'));
    expect(all[next + 1]).toMatch(/^I am copying this letter to/);
  });
});

describe('para 16: external support and reviews', () => {
  it('says once whether support is brokered effectively, naming the providers, not after each one', () => {
    const t = text(example);
    expect(t.match(/brokered effectively\./g)).toHaveLength(1);
    expect(t).toContain(
      'Support from Norfolk County Council and the Diocese of Norwich is being brokered effectively.',
    );
  });

  it('names providers brokered effectively and those not, in one paragraph', () => {
    const support = example.externalSupport ?? {};
    const providers = (support.providers ?? []).map((p, i) => ({ ...p, brokeredEffectively: i === 0 }));
    const t = text({ ...example, externalSupport: { ...support, providers } });
    expect(t).toContain(
      'Support from Norfolk County Council is being brokered effectively. Support from the Diocese of Norwich is not.',
    );
  });

  it('footnote 6: a recommended review says it was recommended, then when it was commissioned and completed', () => {
    expect(text(example)).toContain(
      'An external review of the use of the pupil premium was recommended at the section 5 inspection. It was commissioned on 10 February 2014, within the two weeks that the Department for Education advises, and completed on 5 March 2014, within eight weeks of the recommendation.',
    );
  });
});

describe('every fixture reads cleanly', () => {
  const names = [
    'example',
    'interim-executive-board',
    'academy-converter-sixth-form',
    'section-117-visit',
    'subsequent-visit-not-effective',
    'joint-faith-voluntary-aided',
    'management-board-academy',
    'boarding-school',
    'free-school',
  ];

  it.each(names)('%s: no sentence is repeated, no doubled words or stray spaces before punctuation', (name) => {
    const all = lines(fixture(name));
    const sentences = all.flatMap((l) => l.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 30);
    const repeated = sentences.filter((s, i) => sentences.indexOf(s) !== i);
    expect(repeated).toEqual([]);
    const t = all.join('\n');
    expect(t).not.toMatch(/\b(\w+) \1\b/i);
    expect(t).not.toMatch(/ [,.;:]/);
    expect(t).not.toMatch(/\.\./);
  });
});
