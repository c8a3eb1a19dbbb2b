/**
 * The letter's wording where the guidance and published letters are precise:
 * "immediate action" after a "not taking effective action" judgement, "During
 * the visit", progress named by its area, a review's timeliness, and the
 * sentence on further visits at the end of the letter.
 */
import { describe, expect, it } from 'vitest';
import type { EvidenceForm } from '../../src/evidence/schema.js';
import { blockText, type Block } from '../../src/letter/tree.js';
import { compose, fixture } from './compose.js';

const example = fixture('example');
const notEffective = fixture('subsequent-visit-not-effective');
const governanceReview = fixture('academy-converter-sixth-form');

function body(form: EvidenceForm): Block[] {
  const document = compose(form).document;
  if (!document) throw new Error('no document');
  return document.blocks.filter((b) => b.role === 'body');
}

/** The body's paragraphs, headings and list items, in order, as text. */
function lines(form: EvidenceForm): string[] {
  return body(form).flatMap((b) =>
    b.type === 'list' ? b.items.map((i) => `- ${i.children.map(blockText).join(' ')}`) : [blockText(b)],
  );
}

const changed = (form: EvidenceForm, mutate: (f: EvidenceForm) => void): EvidenceForm => {
  const copy = structuredClone(form);
  mutate(copy);
  return copy;
};

describe('para 11: after a "not taking effective action" judgement, immediate action', () => {
  it('para 11: a letter judged "not taking effective action" says "The school should take immediate action to:"', () => {
    expect(lines(notEffective)).toContain('The school should take immediate action to:');
    expect(lines(notEffective)).not.toContain('The school should take further action to:');
  });

  it('para 11: a letter judged "taking effective action" keeps "further action"', () => {
    expect(lines(example)).toContain('The school should take further action to:');
  });
});

describe('para 13: the evidence paragraph, as real letters say it', () => {
  it('para 13: "During the visit, meetings were held with …"', () => {
    const evidence = lines(example).find((l) => /meetings were held with/.test(l));
    expect(evidence).toMatch(/^During the visit, meetings were held with the headteacher, /);
  });
});

describe('para 16: each progress paragraph names the area for improvement it answers', () => {
  it('para 16: the area for improvement stands before the progress on it, by number and in its words', () => {
    const all = lines(example);
    example.inspection.areasForImprovement.forEach((area, index) => {
      const progress = example.findings!.progress!.find((p) => p.area === index + 1)!.progress;
      const at = all.indexOf(progress);
      expect(at, `progress on area ${index + 1}`).toBeGreaterThan(0);
      expect(all[at - 1]).toBe(`Area for improvement ${index + 1}: ${area}`);
    });
  });
});

describe('para 16: the review paragraph states whether the review was timely', () => {
  const reviewLine = (form: EvidenceForm): string | undefined =>
    lines(form).find((l) => /^An external review of/.test(l));

  it('footnote 6: a pupil premium review commissioned within 2 weeks and completed within 8 is said to be timely', () => {
    expect(reviewLine(example)).toContain(
      'It was commissioned on 10 February 2014, within the two weeks that the Department for Education advises, and completed on 5 March 2014, within eight weeks of the recommendation.',
    );
  });

  it('footnote 6: a pupil premium review commissioned late and not completed 8 weeks on is said to be late', () => {
    const late = changed(example, (f) => {
      f.visit.dates = ['2014-04-09'];
      f.reviews!.pupilPremium = { commissioned: '2014-02-18', impact: 'The review is booked for May.' };
    });
    const line = reviewLine(late);
    expect(line).toContain('It was commissioned on 18 February 2014, later than the two weeks');
    expect(line).toContain('It had not been completed by the time of this inspection, more than eight weeks after');
  });

  it('footnote 6: a pupil premium review never commissioned by a visit after 2 weeks is said to be overdue', () => {
    const never = changed(example, (f) => {
      f.reviews!.pupilPremium = { commissioned: false, impact: 'Governors have not yet chosen a reviewer.' };
    });
    expect(reviewLine(never)).toContain(
      'It had not been commissioned by the time of this inspection, more than two weeks after it was recommended',
    );
  });

  it('para 16: a review of governance (no fixed period) says how soon after the recommendation it was commissioned', () => {
    expect(reviewLine(governanceReview)).toMatch(
      /^An external review of governance was recommended at the section 5 inspection\. It was commissioned on 6 November 2014, within a week of the recommendation, and completed on 28 November 2014\./,
    );
  });
});

describe('paras 3, 21: the sentence on further visits closes the letter', () => {
  it('"Ofsted may carry out further visits…" comes last before the copy sentence, under no heading of its own', () => {
    const all = lines(example);
    const further = all.findIndex((l) => l.startsWith('Ofsted may carry out further visits'));
    const copy = all.findIndex((l) => l.startsWith('I am copying this letter to'));
    expect(further).toBeGreaterThan(0);
    expect(copy).toBe(further + 1);
    const headings = body(example)
      .filter((b) => b.type === 'heading')
      .map(blockText);
    expect(headings.at(-1)).toBe('External support');
  });

  it('with concerns, the sentence is still not under "Concerns and recommendations"', () => {
    const all = lines(notEffective);
    const further = all.findIndex((l) => /further monitoring inspection|Ofsted may carry out further visits/.test(l));
    const copy = all.findIndex((l) => l.startsWith('I am copying this letter to'));
    expect(further).toBe(copy - 1);
  });
});

describe('paras 21–22: a subsequent visit answers each priority of the previous one', () => {
  const priorities = notEffective.visit.previous!.priorities!;

  it('para 22: each previous priority is named, then the school’s response to it', () => {
    const all = lines(notEffective);
    priorities.forEach((priority, index) => {
      const response = notEffective.findings!.previousPriorities!.find((r) => r.priority === index + 1)!.response;
      const at = all.indexOf(response);
      expect(at, `response to priority ${index + 1}`).toBeGreaterThan(0);
      expect(all[at - 1]).toBe(`Priority ${index + 1} from the previous monitoring inspection: ${priority}`);
    });
  });

  it('para 22: a response not yet written shows a visible marker where it belongs', () => {
    const gap = changed(notEffective, (f) => {
      f.findings!.previousPriorities = f.findings!.previousPriorities!.filter((r) => r.priority !== 2);
    });
    const composed = compose(gap);
    const all = lines(gap);
    const at = all.indexOf(`Priority 2 from the previous monitoring inspection: ${priorities[1]}`);
    expect(all[at + 1]).toBe('«the school’s response to previous priority 2: not yet written»');
    expect(composed.model.gaps.map((g) => g.missing)).toContain('the school’s response to previous priority 2');
  });
});
