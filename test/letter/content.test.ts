/**
 * para 16 content in the letter: what is missing is decided once (the
 * completeness rule), so `validate` and `draft --final` agree; external
 * support, reviews, the school's actions and the inspection team as the
 * letter prints them.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { form as formSchema } from '../../src/evidence/schema.js';
import type { EvidenceForm } from '../../src/evidence/schema.js';
import { blockText, type LetterDocument } from '../../src/letter/tree.js';
import { checkForm } from '../../src/rules/check-form.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { compose, fixture } from './compose.js';

const example = fixture('example');
const holidays = englandBankHolidays();

function text(doc: LetterDocument | undefined): string {
  if (!doc) throw new Error('no document');
  return doc.blocks.map(blockText).join('\n');
}

function changed(mutate: (form: EvidenceForm) => void): EvidenceForm {
  const form = structuredClone(example);
  mutate(form);
  return form;
}

const key = (d: { path: readonly (string | number)[] }) => d.path.join('.');

/** The places `validate` reports as errors, and the places `draft --final` refuses for. */
function validateAndFinal(form: EvidenceForm) {
  const validateErrors = checkForm(form, { holidays })
    .filter((d) => d.severity === 'error')
    .map(key)
    .sort();
  const final = compose(form, 'final');
  const finalErrors = final.diagnostics
    .filter((d) => d.severity === 'error')
    .map(key)
    .sort();
  return { validateErrors, finalErrors, final };
}

describe('para 16: validate and draft --final agree on what is missing', () => {
  const cases: [string, (f: EvidenceForm) => void][] = [
    [
      'a recommended review reported without its commissioning date',
      (f) => void delete f.reviews!.pupilPremium!.commissioned,
    ],
    ['a recommended review with nothing said', (f) => void delete f.reviews],
    ['a recommended review with a date but no impact', (f) => void delete f.reviews!.pupilPremium!.impact],
    ['external support given only as a summary', (f) => (f.externalSupport = { summary: 'An adviser visits.' })],
    ['no actions for the school', (f) => void delete f.actions],
    ['a provider without quality and impact', (f) => void delete f.externalSupport!.providers![0]!.qualityAndImpact],
    ['no findings', (f) => void delete f.findings],
    ['visit number not given', (f) => void delete f.visit.number],
    ['no school name (and no register to take it from)', (f) => void delete f.school.name],
    ['no headteacher: the letter is addressed to nobody', (f) => void delete f.headteacher],
    ['progress given as blank text for area 1', (f) => (f.findings!.progress![0]!.progress = ' ')],
  ];
  for (const [name, mutate] of cases) {
    it(`${name}: the same places, and no final letter`, () => {
      const { validateErrors, finalErrors, final } = validateAndFinal(changed(mutate));
      expect(validateErrors.length).toBeGreaterThan(0);
      expect(finalErrors).toEqual(validateErrors);
      expect(final.document).toBeUndefined();
    });
  }

  it('each error validate reports is a marker in the draft, at the same place', () => {
    const form = changed((f) => {
      delete f.reviews!.pupilPremium!.commissioned;
      f.externalSupport = { summary: 'An adviser visits.' };
      delete f.actions;
    });
    const draft = compose(form);
    expect(draft.model.gaps.map(key).sort()).toEqual(validateAndFinal(form).validateErrors);
    const t = text(draft.document);
    expect(t).toContain('«when the pupil premium review was commissioned: not yet written»');
    expect(t).toContain('«the quality and impact of external support: not yet written»');
    expect(t).toContain('«whether external support is being brokered effectively: not yet written»');
    expect(t).toContain('«what the school should take further action to do: not yet written»');
  });
});

describe('para 16: external support', () => {
  it('prints the brokering judgement once: the HMI\u2019s own words replace the sentence made from the providers', () => {
    const form = changed((f) => {
      f.externalSupport!.brokering = 'Support is brokered effectively through a single plan.';
    });
    const t = text(compose(form, 'final').document);
    expect(t).toContain('Support is brokered effectively through a single plan.');
    expect(t.match(/brokered effectively/g)).toHaveLength(1);
  });

  it('from the providers\u2019 flags alone, one sentence', () => {
    const t = text(compose(example, 'final').document);
    expect(t).toContain(
      'Support from Norfolk County Council and the Diocese of Norwich is being brokered effectively.',
    );
    expect(t.match(/brokered effectively/g)).toHaveLength(1);
  });

  it('overall quality and brokering follow the summary in one paragraph', () => {
    const form = changed((f) => {
      f.externalSupport = {
        summary: 'An adviser visits each half term.',
        qualityAndImpact: 'The support is good.',
        brokering: 'It is brokered effectively.',
      };
    });
    const t = text(compose(form, 'final').document);
    expect(t).toContain('An adviser visits each half term. The support is good. It is brokered effectively.');
  });

  it('no external support at all (none: true) says so', () => {
    const form = changed((f) => {
      f.externalSupport = { none: true };
    });
    const letter = compose(form, 'final');
    expect(text(letter.document)).toContain('has not received any external support since the section 5 inspection');
  });
});

describe('para 16: reviews and actions', () => {
  it('a recommended review not commissioned by the visit says so', () => {
    const form = changed((f) => {
      f.reviews!.pupilPremium = { commissioned: false, impact: 'Governors plan to commission it this term.' };
    });
    const t = text(compose(form, 'final').document);
    expect(t).toContain(
      'was recommended at the section 5 inspection. It had not been commissioned by the time of this inspection, more than two weeks after it was recommended, by when the Department for Education advises that commissioning should start. Governors plan',
    );
  });

  it('an explicit empty list of school actions prints no list and no marker', () => {
    const form = changed((f) => {
      f.actions = { school: [] };
    });
    const letter = compose(form, 'final');
    expect(text(letter.document)).not.toContain('should take further action to:');
    expect(letter.document).toBeDefined();
  });
});

describe('team inspectors (real letters name them)', () => {
  it('the lead signs; the team are named in the opening', () => {
    const form = changed((f) => {
      f.visit.team = [{ name: 'Tom Ndlovu' }, { name: 'Ayşe Demir', role: 'Additional Inspector' }];
    });
    const letter = compose(form, 'final');
    const t = text(letter.document);
    expect(t).toContain(
      'Following my visit with Tom Ndlovu, Her Majesty\u2019s Inspector, and Ayşe Demir, Additional Inspector, to your school on',
    );
    const signoff = letter
      .document!.blocks.filter((b) => b.role === 'signoff')
      .map(blockText)
      .join('\n');
    expect(signoff).toContain(example.visit.inspector.name);
    expect(signoff).not.toContain('Tom Ndlovu');
    expect(letter.document!.meta.author).toBe(example.visit.inspector.name);
  });

  it('a lead alone: "Following my visit to your school"', () => {
    expect(text(compose(example, 'final').document)).toContain('Following my visit to your school on');
  });
});

describe('init writes sample text', () => {
  it('draft --final refuses a form still holding init\u2019s sample, naming each field', () => {
    const text = readFileSync(new URL('../../templates/init-form.yaml', import.meta.url), 'utf8');
    const sample = formSchema.parse(parse(text));
    const final = compose(sample, 'final');
    expect(final.document).toBeUndefined();
    const errors = final.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.rule === 'init/sample-text')).toBe(true);
    expect(errors.map(key)).toEqual(expect.arrayContaining(['school.name', 'context', 'findings.plans']));
  });
});

describe('para 17: validate and draft --final agree on the copy list', () => {
  const cases: [string, (f: EvidenceForm) => void][] = [
    ['no local authority: it is always copied', (f) => void delete f.school.localAuthority],
    ['a Church of England voluntary aided school with no diocese', (f) => void delete f.school.dioceses],
    ['no type of establishment: who is copied cannot be decided', (f) => void delete f.school.type],
  ];
  for (const [name, mutate] of cases) {
    it(`${name}: an error in validate at the place draft --final refuses for, said once`, () => {
      const form = changed(mutate);
      const { validateErrors, finalErrors, final } = validateAndFinal(form);
      expect(validateErrors.length).toBeGreaterThan(0);
      expect(finalErrors).toEqual(validateErrors);
      expect(final.document).toBeUndefined();
      // One diagnostic a place: the copy-list error is not repeated by a warning saying the same.
      const all = checkForm(form, { holidays });
      for (const place of validateErrors)
        expect(
          all.filter((d) => key(d) === place),
          place,
        ).toHaveLength(1);
    });
  }

  it('a draft is still made, with the copy-list error shown', () => {
    const draft = compose(changed((f) => void delete f.school.localAuthority));
    expect(draft.document).toBeDefined();
    expect(draft.diagnostics.filter((d) => key(d) === 'school.localAuthority')).toHaveLength(1);
  });
});

it('no headteacher is reported once, as the letter’s missing addressee', () => {
  const all = checkForm(
    changed((f) => void delete f.headteacher),
    { holidays },
  );
  expect(all.filter((d) => key(d) === 'headteacher')).toHaveLength(1);
});
