import { completeness } from '../../../src/rules/checks/completeness.js';
import { changed, ruleTable } from './support.js';

ruleTable(completeness, {
  ok: [
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
      name: 'para 16: evidence given only as free text still summarises it',
      form: changed((f) => {
        f.evidence = { other: 'HMI met the headteacher and toured the school.' };
      }),
    },
  ],
  notOk: [
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
        { severity: 'error', path: ['findings'], message: 'each of the 2 areas for improvement' },
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
      name: 'para 16: a recommended pupil premium review with nothing said is missing',
      form: changed((f) => {
        delete f.reviews;
      }),
      expected: [{ severity: 'error', path: ['reviews', 'pupilPremium'], message: 'reviews.pupilPremium is missing' }],
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
          path: ['reviews', 'governance'],
          message: 'external review of governance was recommended',
        },
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
          severity: 'warning',
          path: ['externalSupport', 'providers', 0, 'qualityAndImpact'],
          message: 'support from The Wensum Trust',
        },
        { severity: 'warning', path: ['externalSupport', 'providers'], message: 'brokered effectively' },
      ],
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
