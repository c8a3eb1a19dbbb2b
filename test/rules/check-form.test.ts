import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { form as formSchema, type EvidenceForm } from '../../src/evidence/schema.js';
import { checkForm } from '../../src/rules/check-form.js';
import { rules } from '../../src/rules/checks/index.js';
import { addDays } from '../../src/ground/calendar.js';
import { baseForm, changed } from './checks/support.js';

const holidays = new Set<string>();

describe('checkForm', () => {
  it('the clean base form gives no diagnostics', () => {
    expect(checkForm(baseForm(), { holidays })).toEqual([]);
  });

  it('every rule has a unique id and cites a paragraph', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) expect(rule.paragraph).not.toBe('');
  });

  it('2012 arrangements: a 2013 visit is judged by the 2012 rules, the same dates in 2014 by the 2014 rules', () => {
    // Inspection ended 5 weeks before the visit, report published 2 weeks before it.
    const at = (visit: string): EvidenceForm =>
      changed((f) => {
        f.inspection.endDate = addDays(visit, -35);
        f.inspection.publishedDate = addDays(visit, -14);
        f.visit.dates = [visit];
        f.visit.notificationCall = addDays(visit, -1);
        f.inspection.reviewsRecommended = {};
        delete f.reviews;
      });
    expect(checkForm(at('2013-11-13'), { holidays }).map((d) => d.rule)).toEqual([]);
    const in2014 = checkForm(at('2014-11-12'), { holidays });
    expect(in2014.map((d) => [d.rule, d.paragraph])).toEqual([['para-2/visit-window', '2']]);
  });

  it('collects diagnostics from several rules, each stamped with its own id', () => {
    const found = checkForm(
      changed((f) => {
        f.inspection.overallEffectiveness = 'inadequate';
        delete f.findings!.governance;
        f.school.boarding = true;
      }),
      { holidays },
    );
    expect(found.map((d) => d.rule)).toEqual(['para-2/eligibility', 'para-16/completeness', 'para-4/boarding']);
  });

  it('never throws and always gives well-formed diagnostics for generated valid forms', () => {
    const date = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addDays('2012-06-01', n));
    const grade = fc.constantFrom('outstanding', 'good', 'requires-improvement', 'inadequate');
    fc.assert(
      fc.property(
        fc.record({
          end: date,
          published: fc.option(date, { nil: undefined }),
          visits: fc.array(date, { minLength: 1, maxLength: 3 }),
          call: fc.option(date, { nil: undefined }),
          number: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
          overall: grade,
          leadership: grade,
          areas: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 4 }),
          letter: fc.option(date, { nil: undefined }),
          commissioned: fc.option(date, { nil: undefined }),
          completed: fc.option(date, { nil: undefined }),
          judgement: fc.constantFrom('effective', 'not-effective', undefined),
          type: fc.constantFrom('community', 'voluntary-aided', 'academy-converter', 'independent', 'free-school'),
          body: fc.constantFrom('governing-body', 'interim-executive-board', 'academy-trust', 'management-board'),
          act: fc.constantFrom('section-8', 'section-117'),
        }),
        (g) => {
          const f = changed((x) => {
            x.inspection.endDate = g.end;
            x.inspection.publishedDate = g.published;
            x.inspection.overallEffectiveness = g.overall as EvidenceForm['inspection']['overallEffectiveness'];
            x.inspection.leadershipAndManagement = g.leadership as EvidenceForm['inspection']['overallEffectiveness'];
            x.visit.dates = g.visits;
            x.visit.notificationCall = g.call;
            x.visit.number = g.number;
            x.visit.act = g.act as 'section-8';
            x.findings!.progress = g.areas.map((area) => ({ area, progress: 'Some progress.' }));
            x.letter = g.letter === undefined ? undefined : { date: g.letter };
            x.reviews = { pupilPremium: { commissioned: g.commissioned, completed: g.completed } };
            x.judgement = g.judgement as EvidenceForm['judgement'];
            x.school.type = g.type;
            x.school.governance = { body: g.body as 'governing-body' };
          });
          // Only forms the schema accepts reach checkForm.
          const parsed = formSchema.safeParse(JSON.parse(JSON.stringify(f)));
          if (!parsed.success) return;
          const found = checkForm(parsed.data, { holidays });
          for (const d of found) {
            expect(['error', 'warning', 'info']).toContain(d.severity);
            expect(d.rule).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
            expect(d.message).not.toMatch(/undefined|NaN|\[object|Invalid Date/);
            expect(d.paragraph).toBeTruthy();
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
