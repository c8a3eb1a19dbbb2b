/**
 * Table-driven tests for domain checks (remark-lint style): each rule's ok and
 * not-ok examples are its documentation and its test. A clean base form is
 * changed by a small mutation per case. The examples assert what a rule found
 * (message code, place, severity, paragraph), never its words: the words live
 * in the message catalogue (templates/messages/en.yaml), and one golden file
 * per rule (test/rules/checks/messages/<rule id>.txt) shows the sentence each
 * not-ok example prints, to be read when it changes.
 */
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import type { Diagnostic, FormPath, Severity } from '../../../src/ground/diagnostics.js';
import type { EvidenceForm } from '../../../src/evidence/schema.js';
import { loadMessages } from '../../../src/ground/message-catalogue.js';
import { arrangementsForDates } from '../../../src/rules/arrangements.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { Holidays } from '../../../src/rules/working-days.js';

/** A complete, clean first visit to a community primary school under the 2014 guidance. */
export function baseForm(): EvidenceForm {
  return {
    school: {
      name: 'Hillside Community Primary School',
      urn: '120987',
      address: { lines: ['Hill Road'], town: 'Lowestoft', postcode: 'NR32 4AB' },
      localAuthority: { name: 'Suffolk' },
      type: 'community',
      phase: 'primary',
      sixthForm: false,
      boarding: false,
      governance: { body: 'governing-body', chair: { title: 'Mrs', firstName: 'Siân', lastName: 'Evans' } },
    },
    headteacher: { title: 'Mr', firstName: 'Łukasz', lastName: 'Kowalski' },
    inspection: {
      endDate: '2014-01-16',
      publishedDate: '2014-02-03',
      overallEffectiveness: 'requires-improvement',
      leadershipAndManagement: 'requires-improvement',
      areasForImprovement: ['Improve teaching in Key Stage 2.', 'Raise attainment in writing.'],
      reviewsRecommended: { governance: false, pupilPremium: true },
    },
    visit: {
      dates: ['2014-03-12'],
      number: 1,
      act: 'section-8',
      inspector: { name: 'Zoë Ó Súilleabháin' },
      notificationCall: '2014-03-07',
    },
    evidence: { meetings: ['the headteacher'], documents: ['the school improvement plan'] },
    context: 'The school has 210 pupils on roll.',
    judgement: 'effective',
    findings: {
      progress: [
        { area: 1, progress: 'Teaching in Key Stage 2 is improving.' },
        { area: 2, progress: 'Pupils write at length each week.' },
      ],
      teachingAndLearning: 'Teaching is improving.',
      leadership: 'The headteacher has acted quickly.',
      governance: 'Governors ask more searching questions.',
      plans: 'The plan addresses the areas for improvement.',
    },
    reviews: { pupilPremium: { commissioned: '2014-02-10', completed: '2014-03-05', impact: 'Funding redirected.' } },
    externalSupport: {
      summary: 'The local authority provides an adviser.',
      qualityAndImpact: 'The support is effective.',
      brokering: 'It is well brokered.',
    },
    actions: { school: ['Check the impact of the plan.'] },
    priorities: [],
    nextSteps: { furtherMonitoring: false },
  };
}

/** The base form changed by `mutate` (on a deep copy). */
export function changed(mutate: (form: EvidenceForm) => void): EvidenceForm {
  const form = structuredClone(baseForm());
  mutate(form);
  return form;
}

export interface OkCase {
  name: string;
  form: EvidenceForm;
  holidays?: Holidays;
}

export interface Expected {
  severity: Severity;
  path: FormPath;
  /** Which of the rule's messages (its code under the rule id in templates/messages/en.yaml). */
  code: string;
  paragraph?: string;
}

export interface NotOkCase extends OkCase {
  expected: Expected[];
}

/** One test per example: ok examples give no diagnostics from the rule, not-ok ones exactly the expected. */
export function ruleTable(rule: Rule, cases: { ok: OkCase[]; notOk: NotOkCase[] }): void {
  const run = (c: OkCase) =>
    rule.check(c.form, {
      holidays: c.holidays ?? new Set<string>(),
      arrangements: arrangementsForDates(c.form.visit.dates),
    });

  const golden = fileURLToPath(new URL(`./messages/${rule.id}.txt`, import.meta.url));

  describe(`${rule.id} (para ${rule.paragraph})`, () => {
    for (const c of cases.ok) {
      it(`ok: ${c.name}`, () => {
        expect(run(c)).toEqual([]);
      });
    }
    for (const c of cases.notOk) {
      it(`not ok: ${c.name}`, () => {
        const found = run(c);
        expect(found.map((d) => ({ code: d.code, severity: d.severity, path: d.path }))).toEqual(
          c.expected.map((e) => ({ code: e.code, severity: e.severity, path: e.path })),
        );
        found.forEach((d, i) => {
          const e = c.expected[i]!;
          expect(d.rule).toBe(rule.id);
          expect(d.paragraph).toBe(e.paragraph ?? rule.paragraph);
          expect(d.message).not.toMatch(/undefined|NaN|\[object/);
        });
      });
    }

    it('has a not-ok example for every message the catalogue holds for it', () => {
      const shown = new Set(cases.notOk.flatMap((c) => c.expected.map((e) => e.code)));
      const codes = loadMessages()
        .entries()
        .filter((entry) => entry.rule === rule.id)
        .map((entry) => entry.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.filter((code) => !shown.has(code))).toEqual([]);
    });

    it(`words every not-ok example as messages/${rule.id}.txt shows`, async () => {
      const text = cases.notOk.map((c) => `## ${c.name}\n${run(c).map(describeFinding).join('')}`).join('\n');
      await expect(
        `# ${rule.id}: the sentence each not-ok example prints (templates/messages/en.yaml)\n\n${text}`,
      ).toMatchFileSnapshot(golden);
    });
  });
}

/** One finding as the golden file shows it: what the test asserts, then the words. */
function describeFinding(d: Diagnostic): string {
  return `${d.severity} ${d.code} at ${d.path.join('.') || '(the form)'} (para ${d.paragraph})\n  ${d.message}\n`;
}
