import { concernRecommendations } from '../../../src/rules/checks/concerns.js';
import { seriousConcerns } from '../../../src/rules/checks/serious-concerns.js';
import { changed, ruleTable } from './support.js';

ruleTable(concernRecommendations, {
  ok: [
    { name: 'para 14: no concerns and an effective judgement', form: changed(() => {}) },
    {
      name: 'para 14: a concern with a specific recommendation',
      form: changed((f) => {
        f.concerns = [
          { about: 'governance', concern: 'Governors do not check.', recommendations: ['Commission a review.'] },
        ];
      }),
    },
    {
      name: 'para 14: a not-effective judgement with its concerns recorded',
      form: changed((f) => {
        f.judgement = 'not-effective';
        f.concerns = [{ about: 'urgency', concern: 'Actions are slow.', recommendations: ['Set dated milestones.'] }];
      }),
    },
  ],
  notOk: [
    {
      name: 'para 14: a concern recorded without recommendations is an error',
      form: changed((f) => {
        f.concerns = [{ about: 'leadership', concern: 'Leaders lack urgency.' }];
      }),
      expected: [
        {
          severity: 'error',
          path: ['concerns', 0],
          code: 'no-recommendations',
        },
      ],
    },
    {
      name: 'para 14: a concern with an empty list of recommendations is an error',
      form: changed((f) => {
        f.concerns = [
          { about: 'urgency', concern: 'Slow.', recommendations: ['Act now.'] },
          { about: 'governance', concern: 'Weak.', recommendations: [] },
        ];
      }),
      expected: [{ severity: 'error', path: ['concerns', 1, 'recommendations'], code: 'no-recommendations' }],
    },
    {
      name: 'para 14: a not-effective judgement with no concerns identified',
      form: changed((f) => {
        f.judgement = 'not-effective';
      }),
      expected: [{ severity: 'warning', path: ['concerns'], code: 'no-concerns' }],
    },
  ],
});

ruleTable(seriousConcerns, {
  ok: [
    { name: 'para 15: no serious concerns', form: changed(() => {}) },
    {
      name: 'para 15: a reported concern with the section 5 inspection already recommended',
      form: changed((f) => {
        f.seriousConcerns = [{ concern: 'Attendance has collapsed.', reportedToOfsted: true }];
        f.nextSteps = { readyForSection5: true };
      }),
    },
  ],
  notOk: [
    {
      name: 'para 15: an unreported safeguarding concern prompts a report to Ofsted and bringing section 5 forward',
      form: changed((f) => {
        f.seriousConcerns = [{ concern: 'Checks on staff are incomplete.', safeguarding: true }];
      }),
      expected: [
        {
          severity: 'warning',
          path: ['seriousConcerns', 0, 'reportedToOfsted'],
          code: 'not-reported',
        },
        { severity: 'info', path: ['seriousConcerns'], code: 'consider-section-5' },
      ],
    },
    {
      name: 'para 15: two concerns, one reported, still prompt to consider the section 5 inspection',
      form: changed((f) => {
        f.seriousConcerns = [
          { concern: 'Attendance has collapsed.', reportedToOfsted: true },
          { concern: 'Results fell sharply.', reportedToOfsted: false },
        ];
      }),
      expected: [
        { severity: 'warning', path: ['seriousConcerns', 1, 'reportedToOfsted'], code: 'not-reported' },
        { severity: 'info', path: ['seriousConcerns'], code: 'consider-section-5' },
      ],
    },
  ],
});
