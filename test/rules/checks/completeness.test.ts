import { completeness } from '../../../src/rules/checks/completeness.js';
import { changed, ruleTable } from './support.js';

ruleTable(completeness, {
  ok: [
    {
      name: 'para 22: a second visit with the school’s response to each previous priority',
      form: changed((f) => {
        f.visit.number = 2;
        f.visit.previous = { date: '2014-02-20', priorities: ['Tighten the plan.', 'Train governors.'] };
        f.findings!.previousRecommendations = 'The plan now has dated milestones.';
        f.findings!.previousPriorities = [
          { priority: 1, response: 'The plan now has termly milestones.' },
          { priority: 2, response: 'Governors have completed training.' },
        ];
      }),
    },
    { name: 'para 16: a form with all eight contents', form: changed(() => {}) },
    {
      name: 'para 16: no additional priorities is a fine answer (an empty list)',
      form: changed((f) => {
        f.priorities = [];
      }),
    },
    {
      name: 'para 16: a review that was not recommended need not be reported',
      form: changed((f) => {
        f.inspection.reviewsRecommended = { pupilPremium: false };
        delete f.reviews;
      }),
    },
    {
      name: 'para 16: external support described provider by provider, with quality and brokerage',
      form: changed((f) => {
        f.externalSupport = {
          providers: [
            {
              name: 'Suffolk County Council',
              support: 'An adviser.',
              qualityAndImpact: 'Good.',
              brokeredEffectively: true,
            },
          ],
        };
      }),
    },
    {
      name: 'para 16: no external support at all, said so',
      form: changed((f) => {
        f.externalSupport = { none: true };
      }),
    },
    {
      name: 'para 16: quality and brokering given for every provider, without an overall word',
      form: changed((f) => {
        f.externalSupport = {
          summary: 'Two providers.',
          providers: [
            {
              name: 'Suffolk County Council',
              support: 'An adviser.',
              qualityAndImpact: 'Good.',
              brokeredEffectively: true,
            },
            { name: 'The Wensum Trust', support: 'Coaching.', qualityAndImpact: 'Weak.', brokeredEffectively: false },
          ],
        };
      }),
    },
    {
      name: 'para 16: a recommended review not yet commissioned by the visit (commissioned: false) is reported',
      form: changed((f) => {
        f.reviews = { pupilPremium: { commissioned: false, impact: 'None yet.' } };
      }),
    },
    {
      name: 'nothing further for the school to do, said so (an empty list)',
      form: changed((f) => {
        f.actions = { school: [] };
      }),
    },
    {
      name: 'para 16: evidence given only as free text still summarises it',
      form: changed((f) => {
        f.evidence = { other: 'HMI met the headteacher and toured the school.' };
      }),
    },
  ],
  notOk: [
    {
      name: 'para 22: a second visit without the school’s response to a previous priority is an error naming it',
      form: changed((f) => {
        f.visit.number = 2;
        f.visit.previous = { date: '2014-02-20', priorities: ['Tighten the plan.', 'Train governors.'] };
        f.findings!.previousRecommendations = 'The plan now has dated milestones.';
        f.findings!.previousPriorities = [{ priority: 1, response: 'The plan now has termly milestones.' }];
      }),
      expected: [
        {
          severity: 'error',
          path: ['findings', 'previousPriorities'],
          message:
            'the letter must give the school’s response to priority 2 from the previous monitoring inspection ("Train governors.") (no findings.previousPriorities entry has priority: 2)',
          paragraph: '16, 22',
        },
      ],
    },
    {
      name: 'para 16: whether the visit is first or subsequent is missing',
      form: changed((f) => {
        delete f.visit.number;
      }),
      expected: [{ severity: 'error', path: ['visit', 'number'], message: 'first or a subsequent' }],
    },
    {
      name: 'para 16: no evidence and no context',
      form: changed((f) => {
        delete f.evidence;
        delete f.context;
      }),
      expected: [
        { severity: 'error', path: ['evidence'], message: 'summarise the evidence gathered (evidence is missing)' },
        { severity: 'error', path: ['context'], message: 'context of the school (context is missing)' },
      ],
    },
    {
      name: 'para 16: evidence given as empty lists says nothing',
      form: changed((f) => {
        f.evidence = { meetings: [], documents: [] };
      }),
      expected: [{ severity: 'error', path: ['evidence'], message: 'evidence is missing' }],
    },
    {
      name: 'para 16: the judgement is missing',
      form: changed((f) => {
        delete f.judgement;
      }),
      expected: [{ severity: 'error', path: ['judgement'], message: 'single judgement of para 11' }],
    },
    {
      name: 'para 16: governance is always addressed',
      form: changed((f) => {
        delete f.findings!.governance;
      }),
      expected: [
        {
          severity: 'error',
          path: ['findings', 'governance'],
          message:
            'the letter must say how governance is being improved, in all cases (findings.governance is missing)',
        },
      ],
    },
    {
      name: 'para 16: teaching and learning and leadership are always addressed',
      form: changed((f) => {
        delete f.findings!.teachingAndLearning;
        delete f.findings!.leadership;
      }),
      expected: [
        {
          severity: 'error',
          path: ['findings', 'teachingAndLearning'],
          message: 'findings.teachingAndLearning is missing',
        },
        { severity: 'error', path: ['findings', 'leadership'], message: 'findings.leadership is missing' },
      ],
    },
    {
      name: 'para 16: no findings at all names every missing item',
      form: changed((f) => {
        delete f.findings;
      }),
      expected: [
        { severity: 'error', path: ['findings', 'teachingAndLearning'], message: 'teaching and learning' },
        { severity: 'error', path: ['findings', 'leadership'], message: 'leadership' },
        { severity: 'error', path: ['findings', 'governance'], message: 'governance' },
        { severity: 'error', path: ['findings'], message: 'from the section 5 inspection, area 1' },
        { severity: 'error', path: ['findings'], message: 'from the section 5 inspection, area 2' },
        { severity: 'error', path: ['findings', 'plans'], message: 'plans' },
      ],
    },
    {
      name: 'para 16: progress on area 2 is missing, named by its words',
      form: changed((f) => {
        f.findings!.progress = [{ area: 1, progress: 'Better.' }];
      }),
      expected: [
        {
          severity: 'error',
          path: ['findings', 'progress'],
          message: 'area for improvement 2 ("Raise attainment in writing.")',
        },
      ],
    },
    {
      name: 'para 16: progress given for an area that does not exist (3 of 2), and area 2 missing',
      form: changed((f) => {
        f.findings!.progress = [
          { area: 1, progress: 'Better.' },
          { area: 3, progress: 'Meant for area 2.' },
        ];
      }),
      expected: [
        { severity: 'error', path: ['findings', 'progress', 1, 'area'], message: 'expected a number from 1 to 2' },
        { severity: 'error', path: ['findings', 'progress'], message: 'area: 2' },
      ],
    },
    {
      name: 'para 16: suitability of the plans is missing',
      form: changed((f) => {
        delete f.findings!.plans;
      }),
      expected: [{ severity: 'error', path: ['findings', 'plans'], message: 'findings.plans is missing' }],
    },
    {
      name: 'para 16: a recommended pupil premium review with nothing said is missing its commissioning and impact',
      form: changed((f) => {
        delete f.reviews;
      }),
      expected: [
        {
          severity: 'error',
          path: ['reviews', 'pupilPremium', 'commissioned'],
          message: 'reviews.pupilPremium.commissioned is missing',
        },
        {
          severity: 'error',
          path: ['reviews', 'pupilPremium', 'impact'],
          message: 'reviews.pupilPremium.impact is missing',
        },
      ],
    },
    {
      name: 'para 16: a recommended governance review given as an empty entry is missing',
      form: changed((f) => {
        f.inspection.reviewsRecommended!.governance = true;
        f.reviews!.governance = {};
      }),
      expected: [
        {
          severity: 'error',
          path: ['reviews', 'governance', 'commissioned'],
          message: 'external review of governance was recommended',
        },
        { severity: 'error', path: ['reviews', 'governance', 'impact'], message: 'what impact it has had' },
      ],
    },
    {
      name: 'para 16 (timeliness): a recommended review reported with its impact but not when it was commissioned',
      form: changed((f) => {
        f.reviews = { pupilPremium: { completed: '2014-03-05', impact: 'Funding redirected.' } };
      }),
      expected: [
        {
          severity: 'error',
          path: ['reviews', 'pupilPremium', 'commissioned'],
          message: 'how promptly it was commissioned',
        },
      ],
    },
    {
      name: 'the school\u2019s further actions ("The school should take further action to:") are missing',
      form: changed((f) => {
        delete f.actions;
      }),
      expected: [{ severity: 'error', path: ['actions'], message: 'actions.school is missing' }],
    },
    {
      name: 'only the local authority\u2019s actions given: the school\u2019s are still missing',
      form: changed((f) => {
        f.actions = { localAuthority: ['Broker support for mathematics.'] };
      }),
      expected: [
        { severity: 'error', path: ['actions', 'school'], message: 'The school should take further action to:' },
      ],
    },
    {
      name: 'para 16: a review reported that was not recommended',
      form: changed((f) => {
        f.reviews!.governance = { commissioned: '2014-02-10' };
      }),
      expected: [
        {
          severity: 'warning',
          path: ['inspection', 'reviewsRecommended', 'governance'],
          message: 'inspection.reviewsRecommended.governance is not true',
        },
      ],
    },
    {
      name: 'para 16: external support is missing',
      form: changed((f) => {
        delete f.externalSupport;
      }),
      expected: [{ severity: 'error', path: ['externalSupport'], message: 'brokered effectively' }],
    },
    {
      name: 'para 16: a provider without quality and impact, and nothing on brokerage',
      form: changed((f) => {
        f.externalSupport = { providers: [{ name: 'The Wensum Trust', support: 'Coaching.' }] };
      }),
      expected: [
        {
          severity: 'error',
          path: ['externalSupport', 'providers', 0, 'qualityAndImpact'],
          message: 'support from The Wensum Trust',
        },
        { severity: 'error', path: ['externalSupport', 'brokering'], message: 'brokered effectively' },
      ],
    },
    {
      name: 'para 16: a summary alone says neither the quality and impact nor whether the support is brokered effectively',
      form: changed((f) => {
        f.externalSupport = { summary: 'The local authority provides an adviser, well brokered and effective.' };
      }),
      expected: [
        {
          severity: 'error',
          path: ['externalSupport', 'qualityAndImpact'],
          message: 'a summary of the support does not say it',
        },
        { severity: 'error', path: ['externalSupport', 'brokering'], message: 'externalSupport.brokering is missing' },
      ],
    },
    {
      name: 'para 16: brokering given for one provider of two, and no overall word',
      form: changed((f) => {
        f.externalSupport = {
          qualityAndImpact: 'Both are good.',
          providers: [
            { name: 'Suffolk County Council', support: 'An adviser.', brokeredEffectively: true },
            { name: 'The Wensum Trust', support: 'Coaching.' },
          ],
        };
      }),
      expected: [
        {
          severity: 'error',
          path: ['externalSupport', 'brokering'],
          message: 'no brokeredEffectively for The Wensum Trust',
        },
      ],
    },
    {
      name: 'para 16: no support said, yet providers listed',
      form: changed((f) => {
        f.externalSupport = { none: true, providers: [{ name: 'The Wensum Trust', support: 'Coaching.' }] };
      }),
      expected: [{ severity: 'warning', path: ['externalSupport', 'none'], message: 'not both' }],
    },
    {
      name: 'para 16: additional priorities absent (not an empty list) is a warning',
      form: changed((f) => {
        delete f.priorities;
      }),
      expected: [{ severity: 'warning', path: ['priorities'], message: 'priorities: []' }],
    },
  ],
});
