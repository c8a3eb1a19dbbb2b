import { additionalPriorities } from '../../../src/rules/checks/additional-priorities.js';
import { furtherMonitoring } from '../../../src/rules/checks/further-monitoring.js';
import { subsequentVisit } from '../../../src/rules/checks/subsequent-visit.js';
import type { EvidenceForm } from '../../../src/evidence/schema.js';
import { changed, ruleTable } from './support.js';

/** The second visit, after a not-effective first one. */
function second(f: EvidenceForm): void {
  f.visit.number = 2;
  f.visit.dates = ['2014-06-18'];
  f.visit.notificationCall = '2014-06-13';
  f.visit.previous = { date: '2014-03-12', judgement: 'not-effective', priorities: ['Tighten the plan.'] };
  f.findings!.previousRecommendations = 'The plan now has dated milestones.';
}

ruleTable(subsequentVisit, {
  ok: [
    { name: 'para 21: a first visit with no previous visit', form: changed(() => {}) },
    { name: 'para 22: a second visit that refers to the first one\u2019s priorities', form: changed(second) },
    {
      name: 'para 22: a second visit whose first set no priorities (an empty list)',
      form: changed((f) => {
        second(f);
        f.visit.previous!.priorities = [];
      }),
    },
  ],
  notOk: [
    {
      name: 'para 21: a second visit without the previous visit or the response to its recommendations',
      form: changed((f) => {
        second(f);
        delete f.visit.previous;
        delete f.findings!.previousRecommendations;
      }),
      expected: [
        { severity: 'error', path: ['visit', 'previous'], code: 'previous-missing' },
        {
          severity: 'error',
          path: ['findings', 'previousRecommendations'],
          code: 'previous-recommendations-missing',
          paragraph: '16, 21',
        },
      ],
    },
    {
      name: 'para 22: a third visit without the previous priorities is a warning (activities "will likely" concentrate on them)',
      form: changed((f) => {
        second(f);
        f.visit.number = 3;
        delete f.visit.previous!.priorities;
      }),
      expected: [
        {
          severity: 'warning',
          path: ['visit', 'previous', 'priorities'],
          code: 'previous-priorities-missing',
          paragraph: '22',
        },
      ],
    },
    {
      name: 'para 21: a previous visit dated after this one',
      form: changed((f) => {
        second(f);
        f.visit.previous!.date = '2014-06-20';
      }),
      expected: [{ severity: 'error', path: ['visit', 'previous', 'date'], code: 'previous-not-before-visit' }],
    },
    {
      name: 'para 21: a previous visit dated before the section 5 inspection ended',
      form: changed((f) => {
        second(f);
        f.visit.previous!.date = '2014-01-10';
      }),
      expected: [
        {
          severity: 'error',
          path: ['visit', 'previous', 'date'],
          code: 'previous-not-after-inspection',
        },
      ],
    },
    {
      name: 'para 21: a first visit that describes a previous one',
      form: changed((f) => {
        f.visit.previous = { date: '2014-02-20' };
      }),
      expected: [{ severity: 'warning', path: ['visit', 'previous'], code: 'previous-on-first-visit' }],
    },
  ],
});

ruleTable(additionalPriorities, {
  ok: [
    {
      name: 'para 22: additional priorities at a first visit are not flagged',
      form: changed((f) => {
        f.priorities = ['Improve attendance.'];
      }),
    },
    { name: 'para 22: a subsequent visit with no additional priorities', form: changed(second) },
  ],
  notOk: [
    {
      name: 'para 22: new priorities at a subsequent visit only where essential',
      form: changed((f) => {
        second(f);
        f.priorities = ['Improve attendance.', 'Improve mathematics.'];
      }),
      expected: [{ severity: 'info', path: ['priorities'], code: 'priorities-set' }],
    },
  ],
});

ruleTable(furtherMonitoring, {
  ok: [
    { name: 'para 21: an effective judgement needs no further monitoring', form: changed(() => {}) },
    {
      name: 'para 21: not-effective with further monitoring recommended',
      form: changed((f) => {
        f.judgement = 'not-effective';
        f.nextSteps = { furtherMonitoring: true };
      }),
    },
    {
      name: 'para 21: not-effective, no further monitoring, and the reason given',
      form: changed((f) => {
        f.judgement = 'not-effective';
        f.nextSteps = { furtherMonitoring: false, note: 'The section 5 inspection is due next term.' };
      }),
    },
  ],
  notOk: [
    {
      name: 'para 21: not-effective with further monitoring false',
      form: changed((f) => {
        f.judgement = 'not-effective';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['nextSteps', 'furtherMonitoring'],
          code: 'not-recommended',
        },
      ],
    },
    {
      name: 'para 21: not-effective with no next steps at all',
      form: changed((f) => {
        f.judgement = 'not-effective';
        delete f.nextSteps;
      }),
      expected: [{ severity: 'warning', path: ['nextSteps'], code: 'not-recommended' }],
    },
  ],
});
