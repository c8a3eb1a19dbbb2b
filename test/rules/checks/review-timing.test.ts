import { reviewTiming } from '../../../src/rules/checks/review-timing.js';
import { changed, ruleTable } from './support.js';

// Base form: pupil premium review recommended in the report published 3 February 2014:
// commissioning by 17 February 2014, completion by 31 March 2014; visit 12 March 2014.
ruleTable(reviewTiming, {
  ok: [
    {
      name: 'footnote 6: a governance review commissioned late but before the visit is not timed (footnote 6 is about pupil premium reviews)',
      form: changed((f) => {
        f.inspection.reviewsRecommended!.governance = true;
        f.visit.dates = ['2014-04-09'];
        f.reviews!.governance = { commissioned: '2014-03-14', completed: '2014-04-01', impact: 'New committees.' };
      }),
    },
    { name: 'footnote 6: commissioned within 2 weeks, completed within 8', form: changed(() => {}) },
    {
      name: 'footnote 6: commissioned on the last day of the 2 weeks, not yet completed',
      form: changed((f) => {
        f.reviews!.pupilPremium = { commissioned: '2014-02-17', impact: 'The review is booked for April.' };
      }),
    },
    {
      name: 'footnote 6: a late review that was not recommended is not timed',
      form: changed((f) => {
        f.inspection.reviewsRecommended = {};
        f.reviews!.pupilPremium = { commissioned: '2014-03-10' };
      }),
    },
  ],
  notOk: [
    {
      name: 'footnote 6: commissioned late and not completed 8 weeks on: both flagged',
      form: changed((f) => {
        f.visit.dates = ['2014-04-09'];
        f.reviews!.pupilPremium = { commissioned: '2014-02-18', impact: 'The review is booked for May.' };
      }),
      expected: [
        { severity: 'warning', path: ['reviews', 'pupilPremium', 'commissioned'], code: 'commissioned-late' },
        { severity: 'warning', path: ['reviews', 'pupilPremium', 'completed'], code: 'not-completed-by-visit' },
      ],
    },
    {
      name: 'footnote 6: never commissioned 9 weeks on: flagged',
      form: changed((f) => {
        f.visit.dates = ['2014-04-09'];
        f.reviews!.pupilPremium = { commissioned: false, impact: 'Governors have not yet chosen a reviewer.' };
      }),
      expected: [
        { severity: 'warning', path: ['reviews', 'pupilPremium', 'commissioned'], code: 'not-commissioned-by-visit' },
      ],
    },
    {
      name: 'footnote 6: not commissioned by a visit more than 2 weeks after the recommendation: flagged',
      form: changed((f) => {
        f.reviews!.pupilPremium = { commissioned: false, impact: 'Governors have not yet chosen a reviewer.' };
      }),
      expected: [
        { severity: 'warning', path: ['reviews', 'pupilPremium', 'commissioned'], code: 'not-commissioned-by-visit' },
      ],
    },
    {
      name: 'footnote 6: completed, yet recorded as not commissioned by the visit',
      form: changed((f) => {
        f.visit.dates = ['2014-02-14'];
        f.reviews!.pupilPremium = { commissioned: false, completed: '2014-02-12', impact: 'Funding redirected.' };
      }),
      expected: [
        { severity: 'error', path: ['reviews', 'pupilPremium', 'commissioned'], code: 'completed-not-commissioned' },
      ],
    },
    {
      name: 'footnote 6: commissioning started later than 2 weeks after the recommendation',
      form: changed((f) => {
        f.reviews!.pupilPremium!.commissioned = '2014-02-18';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['reviews', 'pupilPremium', 'commissioned'],
          code: 'commissioned-late',
        },
      ],
    },
    {
      name: 'footnote 6: without a publication date, counted from the end of the inspection, and says so',
      form: changed((f) => {
        delete f.inspection.publishedDate;
      }),
      expected: [
        {
          severity: 'warning',
          path: ['reviews', 'pupilPremium', 'commissioned'],
          code: 'commissioned-late',
        },
      ],
    },
    {
      name: 'footnote 6: a pupil premium review completed later than 8 weeks after the recommendation',
      form: changed((f) => {
        f.visit.dates = ['2014-04-09'];
        f.reviews!.pupilPremium = {
          commissioned: '2014-02-14',
          completed: '2014-04-01',
          impact: 'Funding redirected.',
        };
      }),
      expected: [
        {
          severity: 'warning',
          path: ['reviews', 'pupilPremium', 'completed'],
          code: 'completed-late',
        },
      ],
    },
    {
      name: 'footnote 6: completed before it was commissioned is an error',
      form: changed((f) => {
        f.reviews!.pupilPremium = { commissioned: '2014-02-10', completed: '2014-02-07' };
      }),
      expected: [
        { severity: 'error', path: ['reviews', 'pupilPremium', 'completed'], code: 'completed-before-commissioned' },
      ],
    },
    {
      name: 'footnote 6: a governance review commissioned after the visit is still a plan, not a fact',
      form: changed((f) => {
        f.inspection.reviewsRecommended!.governance = true;
        f.reviews!.governance = { commissioned: '2014-03-20', impact: 'Planned.' };
      }),
      expected: [
        { severity: 'warning', path: ['reviews', 'governance', 'commissioned'], code: 'commissioned-after-visit' },
      ],
    },
    {
      name: 'footnote 6: completion dated after the visit is a plan, not a fact',
      form: changed((f) => {
        f.reviews!.pupilPremium!.completed = '2014-03-20';
      }),
      expected: [
        { severity: 'warning', path: ['reviews', 'pupilPremium', 'completed'], code: 'completed-after-visit' },
      ],
    },
  ],
});
