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
      name: 'para 16: the letter is headed with the school\u2019s name, which the form (or --register) must give',
      form: changed((f) => {
        delete f.school.name;
      }),
      expected: [{ severity: 'error', path: ['school', 'name'], code: 'school-name' }],
    },
    {
      name: 'para 17: the letter is addressed to the headteacher, whom the form (or --register) must name',
      form: changed((f) => {
        delete f.headteacher;
      }),
      expected: [{ severity: 'error', path: ['headteacher'], code: 'headteacher', paragraph: '17' }],
    },
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
          code: 'previous-priority',
          paragraph: '16, 22',
        },
      ],
    },
    {
      name: 'para 22: a second visit with no response to any previous priority is an error naming the first',
      form: changed((f) => {
        f.visit.number = 2;
        f.visit.previous = { date: '2014-02-20', priorities: ['Tighten the plan.'] };
        f.findings!.previousRecommendations = 'The plan now has dated milestones.';
      }),
      expected: [
        {
          severity: 'error',
          path: ['findings', 'previousPriorities'],
          code: 'previous-priority-none',
          paragraph: '16, 22',
        },
      ],
    },
    {
      name: 'para 16: whether the visit is first or subsequent is missing',
      form: changed((f) => {
        delete f.visit.number;
      }),
      expected: [{ severity: 'error', path: ['visit', 'number'], code: 'visit-number' }],
    },
    {
      name: 'para 16: no evidence and no context',
      form: changed((f) => {
        delete f.evidence;
        delete f.context;
      }),
      expected: [
        { severity: 'error', path: ['evidence'], code: 'evidence' },
        { severity: 'error', path: ['context'], code: 'context' },
      ],
    },
    {
      name: 'para 16: evidence given as empty lists says nothing',
      form: changed((f) => {
        f.evidence = { meetings: [], documents: [] };
      }),
      expected: [{ severity: 'error', path: ['evidence'], code: 'evidence' }],
    },
    {
      name: 'para 16: the judgement is missing',
      form: changed((f) => {
        delete f.judgement;
      }),
      expected: [{ severity: 'error', path: ['judgement'], code: 'judgement' }],
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
          code: 'governance',
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
          code: 'teaching-and-learning',
        },
        { severity: 'error', path: ['findings', 'leadership'], code: 'leadership' },
      ],
    },
    {
      name: 'para 16: no findings at all names every missing item',
      form: changed((f) => {
        delete f.findings;
      }),
      expected: [
        { severity: 'error', path: ['findings', 'teachingAndLearning'], code: 'teaching-and-learning' },
        { severity: 'error', path: ['findings', 'leadership'], code: 'leadership' },
        { severity: 'error', path: ['findings', 'governance'], code: 'governance' },
        { severity: 'error', path: ['findings'], code: 'area-progress-none' },
        { severity: 'error', path: ['findings'], code: 'area-progress-none' },
        { severity: 'error', path: ['findings', 'plans'], code: 'plans' },
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
          code: 'area-progress',
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
        { severity: 'error', path: ['findings', 'progress', 1, 'area'], code: 'unknown-area' },
        { severity: 'error', path: ['findings', 'progress'], code: 'area-progress' },
      ],
    },
    {
      name: 'para 16: suitability of the plans is missing',
      form: changed((f) => {
        delete f.findings!.plans;
      }),
      expected: [{ severity: 'error', path: ['findings', 'plans'], code: 'plans' }],
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
          code: 'review-commissioned',
        },
        {
          severity: 'error',
          path: ['reviews', 'pupilPremium', 'impact'],
          code: 'review-impact',
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
          code: 'review-commissioned',
        },
        { severity: 'error', path: ['reviews', 'governance', 'impact'], code: 'review-impact' },
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
          code: 'review-commissioned',
        },
      ],
    },
    {
      name: 'the school\u2019s further actions ("The school should take further action to:") are missing',
      form: changed((f) => {
        delete f.actions;
      }),
      expected: [{ severity: 'error', path: ['actions'], code: 'school-actions' }],
    },
    {
      name: 'only the local authority\u2019s actions given: the school\u2019s are still missing',
      form: changed((f) => {
        f.actions = { localAuthority: ['Broker support for mathematics.'] };
      }),
      expected: [{ severity: 'error', path: ['actions', 'school'], code: 'school-actions' }],
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
          code: 'review-not-recommended',
        },
      ],
    },
    {
      name: 'para 16: external support is missing',
      form: changed((f) => {
        delete f.externalSupport;
      }),
      expected: [{ severity: 'error', path: ['externalSupport'], code: 'external-support' }],
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
          code: 'provider-quality',
        },
        { severity: 'error', path: ['externalSupport', 'brokering'], code: 'external-support-brokering' },
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
          code: 'external-support-quality',
        },
        { severity: 'error', path: ['externalSupport', 'brokering'], code: 'external-support-brokering' },
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
          code: 'external-support-brokering',
        },
      ],
    },
    {
      name: 'para 16: no support said, yet providers listed',
      form: changed((f) => {
        f.externalSupport = { none: true, providers: [{ name: 'The Wensum Trust', support: 'Coaching.' }] };
      }),
      expected: [
        { severity: 'warning', path: ['externalSupport', 'none'], code: 'external-support-none-and-providers' },
      ],
    },
    {
      name: 'para 16: additional priorities absent (not an empty list) is a warning',
      form: changed((f) => {
        delete f.priorities;
      }),
      expected: [{ severity: 'warning', path: ['priorities'], code: 'priorities' }],
    },
  ],
});
