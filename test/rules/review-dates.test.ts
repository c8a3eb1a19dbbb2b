import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { form as formSchema, type EvidenceForm } from '../../src/evidence/schema.js';
import { ruleContext } from '../../src/rules/check-form.js';
import { addDays, dayNumber, fromDayNumber } from '../../src/ground/calendar.js';
import { formatLongDate } from '../../src/ground/dates-in-words.js';
import { reviewTiming } from '../../src/rules/checks/review-timing.js';
import { computeDeadlines } from '../../src/rules/deadlines.js';
import { reviewRecommendedOn, reviewKinds } from '../../src/rules/review-dates.js';
import { baseForm } from './checks/support.js';

const holidays = new Set<string>();
const formsDir = new URL('../../fixtures/forms/', import.meta.url);
const fixtures = readdirSync(formsDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, form: formSchema.parse(parse(readFileSync(new URL(name, formsDir), 'utf8'))) }));

/** The form with both reviews recommended and a visit after both could be complete. */
function withBothReviews(form: EvidenceForm): EvidenceForm {
  const f = structuredClone(form);
  f.inspection.reviewsRecommended = { pupilPremium: true, governance: true };
  f.visit.dates = [addDays(reviewRecommendedOn(f).date, 70)];
  return f;
}

/** The deadlines command's commission-by and complete-by days, and what validate warns about each when met or missed by one day. */
function agreement(form: EvidenceForm) {
  const f = withBothReviews(form);
  const deadlines = computeDeadlines(f, holidays);
  const dateOf = (id: string): string => {
    const d = deadlines.find((x) => x.id === id);
    if (!d) throw new Error(`no ${id}`);
    return d.date;
  };
  const check = (commissioned: string, completed: string) => {
    const g = structuredClone(f);
    g.reviews = {
      pupilPremium: { commissioned, completed, impact: 'x' },
      governance: { commissioned, completed, impact: 'x' },
    };
    return reviewTiming.check(g, ruleContext(g, holidays));
  };
  return reviewKinds
    .filter((kind) => kind.timed)
    .map((kind) => {
      const commissionBy = dateOf(`${kind.id}-commissioned`);
      const completeBy = dateOf(`${kind.id}-completed`);
      return {
        kind,
        commissionBy,
        completeBy,
        onTime: check(commissionBy, completeBy),
        late: check(addDays(commissionBy, 1), addDays(completeBy, 1)),
      };
    });
}

function expectAgreement(form: EvidenceForm): void {
  for (const { kind, commissionBy, completeBy, onTime, late } of agreement(form)) {
    expect(onTime, kind.id).toEqual([]);
    const mine = late.filter((d) => d.path[1] === kind.key).map((d) => d.message);
    expect(mine, kind.id).toHaveLength(2);
    expect(mine[0]).toContain(`should start by ${formatLongDate(commissionBy)}`);
    expect(mine[1]).toContain(`should be completed by ${formatLongDate(completeBy)}`);
  }
}

describe('footnote 6: one date for when a review was recommended', () => {
  it('footnote 6: the report\u2019s publication date, or the inspection\u2019s end when it is not given', () => {
    const form = baseForm();
    expect(reviewRecommendedOn(form)).toEqual({ date: '2014-02-03', from: 'publication' });
    delete form.inspection.publishedDate;
    expect(reviewRecommendedOn(form)).toEqual({ date: '2014-01-16', from: 'inspection-end' });
  });

  for (const { name, form } of fixtures) {
    it(`footnote 6: validate and deadlines agree on the review dates for ${name}`, () => {
      expectAgreement(form);
      const unpublished = structuredClone(form);
      delete unpublished.inspection.publishedDate;
      expectAgreement(unpublished);
    });
  }

  it('footnote 6: property: validate and deadlines agree for any inspection, publication and visit dates', () => {
    const day = fc.integer({ min: dayNumber('2012-09-01'), max: dayNumber('2030-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.option(fc.integer({ min: 0, max: 60 })), (end, publishedAfter) => {
        const form = baseForm();
        form.inspection.endDate = end;
        if (publishedAfter === null) delete form.inspection.publishedDate;
        else form.inspection.publishedDate = addDays(end, publishedAfter);
        expectAgreement(form);
      }),
      { numRuns: 150 },
    );
  });
});
