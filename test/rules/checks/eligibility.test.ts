import { eligibility } from '../../../src/rules/checks/eligibility.js';
import { changed, ruleTable } from './support.js';

ruleTable(eligibility, {
  ok: [
    { name: 'para 2: overall and leadership both require improvement, a community school', form: changed(() => {}) },
    {
      name: 'para 24: an academy converter that requires improvement is in scope',
      form: changed((f) => {
        f.school.type = 'academy-converter';
      }),
    },
  ],
  notOk: [
    {
      name: 'para 2: leadership and management good is "not usually visited" (a warning)',
      form: changed((f) => {
        f.inspection.leadershipAndManagement = 'good';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['inspection', 'leadershipAndManagement'],
          code: 'leadership-not-requires-improvement',
          paragraph: '2',
        },
      ],
    },
    {
      name: 'para 24: leadership and management outstanding is not usually visited',
      form: changed((f) => {
        f.inspection.leadershipAndManagement = 'outstanding';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['inspection', 'leadershipAndManagement'],
          code: 'leadership-not-requires-improvement',
          paragraph: '2',
        },
      ],
    },
    {
      name: 'para 2: overall effectiveness inadequate is a category of concern, a different regime',
      form: changed((f) => {
        f.inspection.overallEffectiveness = 'inadequate';
      }),
      expected: [{ severity: 'error', path: ['inspection', 'overallEffectiveness'], code: 'category-of-concern' }],
    },
    {
      name: 'para 2: leadership and management inadequate is a category of concern',
      form: changed((f) => {
        f.inspection.leadershipAndManagement = 'inadequate';
      }),
      expected: [
        {
          severity: 'error',
          path: ['inspection', 'leadershipAndManagement'],
          code: 'category-of-concern',
        },
      ],
    },
    {
      name: 'para 2: overall effectiveness good does not require improvement',
      form: changed((f) => {
        f.inspection.overallEffectiveness = 'good';
        f.inspection.leadershipAndManagement = 'good';
      }),
      expected: [{ severity: 'error', path: ['inspection', 'overallEffectiveness'], code: 'not-requires-improvement' }],
    },
    {
      name: 'para 2: overall effectiveness outstanding does not require improvement',
      form: changed((f) => {
        f.inspection.overallEffectiveness = 'outstanding';
      }),
      expected: [{ severity: 'error', path: ['inspection', 'overallEffectiveness'], code: 'not-requires-improvement' }],
    },
    {
      name: 'para 2: an independent school is not inspected under section 5',
      form: changed((f) => {
        f.school.type = 'independent';
      }),
      expected: [{ severity: 'error', path: ['school', 'type'], code: 'not-section-5' }],
    },
    {
      name: 'para 2: a further education college is not inspected under section 5, and an inadequate grade is reported too',
      form: changed((f) => {
        f.school.type = 'further-education';
        f.inspection.overallEffectiveness = 'inadequate';
      }),
      expected: [
        { severity: 'error', path: ['inspection', 'overallEffectiveness'], code: 'category-of-concern' },
        { severity: 'error', path: ['school', 'type'], code: 'not-section-5' },
      ],
    },
  ],
});
