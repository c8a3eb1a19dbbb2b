import type { EvidenceForm } from '../../../src/evidence/schema.js';
import { inspectionDates } from '../../../src/rules/checks/inspection-dates.js';
import { letterDate } from '../../../src/rules/checks/letter-date.js';
import { notificationCall } from '../../../src/rules/checks/notification-call.js';
import { visitAfterInspection } from '../../../src/rules/checks/visit-after-inspection.js';
import { visitDays } from '../../../src/rules/checks/visit-days.js';
import { visitWindow } from '../../../src/rules/checks/visit-window.js';
import { changed, ruleTable } from './support.js';

/** Spring bank holiday 2014: constructed here so the test does not depend on the holiday data. */
const springBankHoliday2014 = new Set(['2014-05-26']);

/** A visit in 2013, under the 2012 arrangements: inspection ended 7 February 2013. */
function in2013(f: EvidenceForm): void {
  f.inspection.endDate = '2013-02-07';
  f.inspection.publishedDate = '2013-02-25';
  f.visit.dates = ['2013-03-13'];
  f.visit.notificationCall = '2013-03-08';
  delete f.reviews;
  f.inspection.reviewsRecommended = {};
}

ruleTable(visitWindow, {
  ok: [
    { name: 'para 2: a visit 5 weeks after publication (2014 guidance)', form: changed(() => {}) },
    {
      name: 'para 2: exactly 4 weeks after publication is inside the window',
      form: changed((f) => {
        f.visit.dates = ['2014-03-03'];
      }),
    },
    {
      name: 'para 2: exactly 12 weeks after publication is inside the window',
      form: changed((f) => {
        f.visit.dates = ['2014-04-28'];
      }),
    },
    {
      name: '2012 arrangements: a 2013 visit 5 weeks after the inspection is judged by 2012 rules (only 2 weeks after publication)',
      form: changed(in2013),
    },
    {
      name: 'para 21: a subsequent visit has no window',
      form: changed((f) => {
        f.visit.number = 2;
        f.visit.dates = ['2014-09-17'];
      }),
    },
    {
      name: 'para 26: a section 117 visit has no window',
      form: changed((f) => {
        f.visit.act = 'section-117';
        f.visit.dates = ['2014-09-17'];
      }),
    },
  ],
  notOk: [
    {
      name: 'para 2: a visit 3 weeks after publication is before the usual window',
      form: changed((f) => {
        f.visit.dates = ['2014-02-24'];
      }),
      expected: [
        {
          severity: 'warning',
          path: ['visit', 'dates', 0],
          code: 'outside-window',
        },
      ],
    },
    {
      name: 'para 2: a visit one day after 12 weeks is late',
      form: changed((f) => {
        f.visit.dates = ['2014-04-29'];
      }),
      expected: [{ severity: 'warning', path: ['visit', 'dates', 0], code: 'outside-window' }],
    },
    {
      name: '2012 arrangements: a 2013 visit 10 weeks after the inspection is outside 4 to 6 weeks',
      form: changed((f) => {
        in2013(f);
        f.visit.dates = ['2013-04-17'];
      }),
      expected: [
        {
          severity: 'warning',
          path: ['visit', 'dates', 0],
          code: 'outside-window',
          paragraph: '2012 LA information sheet',
        },
      ],
    },
    {
      name: 'para 2: the window cannot be checked without the publication date (2014 guidance)',
      form: changed((f) => {
        delete f.inspection.publishedDate;
      }),
      expected: [{ severity: 'info', path: ['inspection', 'publishedDate'], code: 'cannot-check' }],
    },
  ],
});

ruleTable(visitAfterInspection, {
  ok: [
    { name: 'para 2: a visit after publication', form: changed(() => {}) },
    { name: '2012 arrangements: a visit after the inspection and its publication', form: changed(in2013) },
  ],
  notOk: [
    {
      name: 'para 2: a visit before the report was published is a warning under the 2014 guidance ("usually")',
      form: changed((f) => {
        f.visit.dates = ['2014-01-29'];
      }),
      expected: [
        {
          severity: 'warning',
          path: ['visit', 'dates', 0],
          code: 'before-publication',
        },
      ],
    },
    {
      name: '2012 arrangements: a visit before publication is only a warning (counted from the inspection)',
      form: changed((f) => {
        in2013(f);
        f.inspection.publishedDate = '2013-03-20';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['visit', 'dates', 0],
          code: 'before-publication',
          paragraph: '2012 LA information sheet',
        },
      ],
    },
    {
      name: 'para 2: a visit on the last day of the section 5 inspection is an error',
      form: changed((f) => {
        f.visit.dates = ['2014-01-16'];
      }),
      expected: [
        {
          severity: 'error',
          path: ['visit', 'dates', 0],
          code: 'not-after-inspection',
        },
      ],
    },
  ],
});

ruleTable(notificationCall, {
  ok: [
    { name: 'para 7: a call 3 working days before', form: changed(() => {}) },
    {
      name: 'para 7: a call exactly 5 working days before (Wednesday to Wednesday)',
      form: changed((f) => {
        f.visit.notificationCall = '2014-03-05';
      }),
    },
    {
      name: 'para 7: a call on the visit day itself is not after it',
      form: changed((f) => {
        f.visit.notificationCall = '2014-03-12';
      }),
    },
    {
      name: 'para 7: 6 weekdays before, but the spring bank holiday does not count: 5 working days',
      form: changed((f) => {
        f.visit.dates = ['2014-05-28'];
        f.visit.notificationCall = '2014-05-20';
      }),
      holidays: springBankHoliday2014,
    },
    {
      name: 'para 7: no call recorded is not checked',
      form: changed((f) => {
        delete f.visit.notificationCall;
      }),
    },
  ],
  notOk: [
    {
      name: 'para 7: a call 6 working days before is too early',
      form: changed((f) => {
        f.visit.notificationCall = '2014-03-04';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['visit', 'notificationCall'],
          code: 'too-early',
        },
      ],
    },
    {
      name: 'para 7: the same call counts 6 working days when the bank holiday is not one',
      form: changed((f) => {
        f.visit.dates = ['2014-05-28'];
        f.visit.notificationCall = '2014-05-20';
      }),
      expected: [{ severity: 'warning', path: ['visit', 'notificationCall'], code: 'too-early' }],
    },
    {
      name: 'para 7: a call after the visit began is an error',
      form: changed((f) => {
        f.visit.dates = ['2014-03-12', '2014-03-13'];
        f.visit.notificationCall = '2014-03-13';
      }),
      expected: [{ severity: 'error', path: ['visit', 'notificationCall'], code: 'after-visit' }],
    },
  ],
});

ruleTable(visitDays, {
  ok: [
    { name: 'para 16: one visit day', form: changed(() => {}) },
    {
      name: 'para 16: two consecutive days in order',
      form: changed((f) => {
        f.visit.dates = ['2014-03-12', '2014-03-13'];
      }),
    },
  ],
  notOk: [
    {
      name: 'para 16: visit days out of order',
      form: changed((f) => {
        f.visit.dates = ['2014-03-13', '2014-03-12'];
      }),
      expected: [{ severity: 'error', path: ['visit', 'dates', 1], code: 'out-of-order' }],
    },
    {
      name: 'para 16: a visit day listed twice',
      form: changed((f) => {
        f.visit.dates = ['2014-03-12', '2014-03-12'];
      }),
      expected: [{ severity: 'error', path: ['visit', 'dates', 1], code: 'listed-twice' }],
    },
    {
      name: 'para 16: a visit on a Saturday',
      form: changed((f) => {
        f.visit.dates = ['2014-03-15'];
      }),
      expected: [{ severity: 'warning', path: ['visit', 'dates', 0], code: 'weekend' }],
    },
    {
      name: 'para 16: a visit on the spring bank holiday',
      form: changed((f) => {
        f.visit.dates = ['2014-05-26'];
      }),
      holidays: springBankHoliday2014,
      expected: [{ severity: 'warning', path: ['visit', 'dates', 0], code: 'bank-holiday' }],
    },
  ],
});

ruleTable(inspectionDates, {
  ok: [{ name: 'para 2: inspection ends before its report is published', form: changed(() => {}) }],
  notOk: [
    {
      name: 'para 2: the inspection starts after it ends',
      form: changed((f) => {
        f.inspection.startDate = '2014-01-17';
      }),
      expected: [{ severity: 'error', path: ['inspection', 'startDate'], code: 'start-after-end' }],
    },
    {
      name: 'para 2: the report is published before the inspection ended',
      form: changed((f) => {
        f.inspection.publishedDate = '2014-01-10';
      }),
      expected: [{ severity: 'error', path: ['inspection', 'publishedDate'], code: 'published-before-end' }],
    },
    {
      name: 'para 2: an inspection before September 2012 could not judge a school to require improvement',
      form: changed((f) => {
        f.inspection.endDate = '2012-06-14';
        f.inspection.publishedDate = '2012-07-02';
      }),
      expected: [{ severity: 'warning', path: ['inspection', 'endDate'], code: 'before-requires-improvement' }],
    },
  ],
});

ruleTable(letterDate, {
  ok: [
    { name: 'para 17: no letter date (defaults to the last visit day)', form: changed(() => {}) },
    {
      name: 'para 17: the letter dated the visit day',
      form: changed((f) => {
        f.letter = { date: '2014-03-12' };
      }),
    },
    {
      name: 'para 17: the letter dated 10 working days after the visit',
      form: changed((f) => {
        f.letter = { date: '2014-03-26' };
      }),
    },
  ],
  notOk: [
    {
      name: 'para 17: a letter dated before the visit is an error',
      form: changed((f) => {
        f.letter = { date: '2014-03-11' };
      }),
      expected: [{ severity: 'error', path: ['letter', 'date'], code: 'before-visit' }],
    },
    {
      name: 'para 17: a letter dated the first of two visit days is an error',
      form: changed((f) => {
        f.visit.dates = ['2014-03-12', '2014-03-13'];
        f.letter = { date: '2014-03-12' };
      }),
      expected: [{ severity: 'error', path: ['letter', 'date'], code: 'before-visit' }],
    },
    {
      name: 'para 17: a letter dated 11 working days after the visit is late',
      form: changed((f) => {
        f.letter = { date: '2014-03-27' };
      }),
      expected: [{ severity: 'warning', path: ['letter', 'date'], code: 'late' }],
    },
  ],
});
