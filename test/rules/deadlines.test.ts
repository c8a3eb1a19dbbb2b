import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { form as formSchema, type EvidenceForm } from '../../src/evidence/schema.js';
import { dayNumber, fromDayNumber, isWeekend } from '../../src/ground/calendar.js';
import { arrangementsForVisit } from '../../src/rules/arrangements.js';
import { addCalendarMonths, computeDeadlines, deadlineKind, planDeadlines } from '../../src/rules/deadlines.js';
import { completedDeadlineIds, deadlineStatus } from '../../src/rules/deadline-status.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { isWorkingDay, workingDaysBetween } from '../../src/rules/working-days.js';
import type { Deadline } from '../../src/rules/types.js';

const holidays = englandBankHolidays();
const example = formSchema.parse(
  parse(readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8')),
);

/** The example form with its inspection and visit changed. */
function formWith(changes: {
  visit?: Partial<EvidenceForm['visit']>;
  inspection?: Partial<EvidenceForm['inspection']>;
}): EvidenceForm {
  return {
    ...example,
    inspection: { ...example.inspection, ...changes.inspection },
    visit: { ...example.visit, ...changes.visit },
  };
}

function byId(deadlines: Deadline[]): Record<string, Deadline> {
  return Object.fromEntries(deadlines.map((d) => [d.id, d]));
}
const dateOf = (deadlines: Deadline[], id: string): string | undefined => byId(deadlines)[id]?.date;

describe('computeDeadlines: the example form (a Wednesday visit on 2014-03-12, 2014 arrangements)', () => {
  const deadlines = computeDeadlines(example, holidays);

  it('para 7: the notification call comes at the earliest 5 working days before the visit', () => {
    expect(dateOf(deadlines, 'notification-call')).toBe('2014-03-05');
  });

  it('para 17: letter to the ISP 3 working days, final letter 10 working days after the visit, across the clocks changing on 30 March', () => {
    expect(dateOf(deadlines, 'letter-to-isp')).toBe('2014-03-17');
    expect(dateOf(deadlines, 'final-letter')).toBe('2014-03-26');
  });

  it('para 18: Ofsted publishes within 15 working days, counting over the DST weekend', () => {
    expect(dateOf(deadlines, 'publication')).toBe('2014-04-02');
  });

  it('para 2: the visit window runs 4 to 12 calendar weeks from the report\u2019s publication', () => {
    expect(byId(deadlines)['visit-window-opens']).toMatchObject({
      date: '2014-03-03',
      paragraph: '2',
      basis: 'calendar weeks',
    });
    expect(dateOf(deadlines, 'visit-window-closes')).toBe('2014-04-28');
  });

  it('para 6: next section 5 no later than 24 months after publication; para 19: evidence kept until then', () => {
    expect(byId(deadlines)['next-section-5']).toMatchObject({
      date: '2016-02-03',
      paragraph: '6',
      basis: 'calendar months',
    });
    expect(byId(deadlines)['evidence-retention']).toMatchObject({ date: '2016-02-03', paragraph: '19' });
  });

  it('footnote 6: the recommended pupil premium review is commissioned within 2 weeks and completed within 8 of the report’s publication', () => {
    expect(byId(deadlines)['pupil-premium-review-commissioned']).toMatchObject({
      date: '2014-02-17',
      basis: 'calendar weeks',
    });
    expect(byId(deadlines)['pupil-premium-review-commissioned']?.description).toContain('published on 3 February 2014');
    expect(dateOf(deadlines, 'pupil-premium-review-completed')).toBe('2014-03-31');
  });

  it('footnote 6: without the publication date, the review dates count from the inspection’s end, and say so', () => {
    const form = formWith({});
    delete (form.inspection as { publishedDate?: string }).publishedDate;
    const d = byId(computeDeadlines(form, holidays));
    expect(d['pupil-premium-review-commissioned']?.date).toBe('2014-01-30');
    expect(d['pupil-premium-review-completed']?.date).toBe('2014-03-13');
    expect(d['pupil-premium-review-completed']?.description).toMatch(/end of the section 5 inspection .* not given/);
  });

  it('footnote 6: no governance review dates when none was recommended, and it says why', () => {
    expect(byId(deadlines)['governance-review-commissioned']).toBeUndefined();
    const plan = planDeadlines(example, holidays);
    expect(plan.omitted.find((o) => o.id === 'governance-review')?.reason).toMatch(/no external review of governance/);
  });

  it('no 2012-only date under the 2014 arrangements', () => {
    expect(byId(deadlines)['plans-shared-with-la']).toBeUndefined();
  });

  it('footnote 6: a recommended governance review has no 2- and 8-week dates (footnote 6 is about pupil premium reviews), and it says why', () => {
    const form = formWith({ inspection: { reviewsRecommended: { governance: true, pupilPremium: true } } });
    const plan = planDeadlines(form, holidays);
    expect(byId(plan.deadlines)['governance-review-commissioned']).toBeUndefined();
    expect(byId(plan.deadlines)['governance-review-completed']).toBeUndefined();
    expect(byId(plan.deadlines)['pupil-premium-review-commissioned']).toBeDefined();
    expect(plan.omitted.find((o) => o.id === 'governance-review')?.reason).toMatch(/pupil premium reviews; no period/);
  });

  it('is sorted by date, and every working-day date is a working day', () => {
    const dates = deadlines.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of deadlines.filter((x) => x.basis === 'working days, England')) {
      expect(isWeekend(d.date) || holidays.has(d.date), d.id).toBe(false);
    }
  });
});

describe('computeDeadlines across holidays', () => {
  it('Christmas and New Year: a visit on Friday 2014-12-19 → letter 2014-12-24, final 2015-01-07, publication 2015-01-14', () => {
    const d = computeDeadlines(formWith({ visit: { dates: ['2014-12-19'] } }), holidays);
    expect(dateOf(d, 'letter-to-isp')).toBe('2014-12-24');
    expect(dateOf(d, 'final-letter')).toBe('2015-01-07');
    expect(dateOf(d, 'publication')).toBe('2015-01-14');
  });

  it('a year end: a visit on 2014-12-31 → letter to the ISP 2015-01-06 (1 January is a bank holiday)', () => {
    expect(dateOf(computeDeadlines(formWith({ visit: { dates: ['2014-12-31'] } }), holidays), 'letter-to-isp')).toBe(
      '2015-01-06',
    );
  });

  it('Easter: a visit on Wednesday 2014-04-16 skips Good Friday, Easter Monday and the early May bank holiday', () => {
    const d = computeDeadlines(formWith({ visit: { dates: ['2014-04-16'] } }), holidays);
    expect(dateOf(d, 'letter-to-isp')).toBe('2014-04-23');
    expect(dateOf(d, 'final-letter')).toBe('2014-05-02');
    expect(dateOf(d, 'publication')).toBe('2014-05-12');
  });

  it('a bank holiday: a visit on Thursday 2014-05-22 → letter to the ISP 2014-05-28 (26 May is off)', () => {
    expect(dateOf(computeDeadlines(formWith({ visit: { dates: ['2014-05-22'] } }), holidays), 'letter-to-isp')).toBe(
      '2014-05-28',
    );
  });

  it('a weekend: a visit on Friday 2014-06-06 → letter to the ISP Wednesday 2014-06-11', () => {
    expect(dateOf(computeDeadlines(formWith({ visit: { dates: ['2014-06-06'] } }), holidays), 'letter-to-isp')).toBe(
      '2014-06-11',
    );
  });

  it('29 February: a visit on Friday 2016-02-26 counts Monday 29th; 24 months from 2016-02-29 is 2018-02-28', () => {
    const d = computeDeadlines(
      formWith({
        visit: { dates: ['2016-02-26'] },
        inspection: { publishedDate: '2016-02-29', endDate: '2016-02-10' },
      }),
      holidays,
    );
    expect(dateOf(d, 'letter-to-isp')).toBe('2016-03-02');
    expect(dateOf(d, 'next-section-5')).toBe('2018-02-28');
    expect(addCalendarMonths('2016-02-29', 48)).toBe('2020-02-29');
    expect(addCalendarMonths('2013-12-31', 2)).toBe('2014-02-28');
  });

  it('a visit of two days counts from its last day, and the call from its first', () => {
    const d = computeDeadlines(formWith({ visit: { dates: ['2014-03-11', '2014-03-12'] } }), holidays);
    expect(dateOf(d, 'notification-call')).toBe('2014-03-04');
    expect(dateOf(d, 'letter-to-isp')).toBe('2014-03-17');
  });
});

describe('2012 arrangements (visits before 1 January 2014)', () => {
  const form2013 = formWith({
    visit: { dates: ['2013-03-06'] },
    inspection: { startDate: '2013-01-23', endDate: '2013-01-24', publishedDate: '2013-02-11' },
  });
  const d = computeDeadlines(form2013, holidays);

  it('chooses the arrangements by the visit date', () => {
    expect(arrangementsForVisit('2013-12-31').id).toBe('2012');
    expect(arrangementsForVisit('2014-01-01').id).toBe('2014');
    expect(planDeadlines(form2013, holidays).arrangements).toBe('2012');
  });

  it('2012 sheet: the visit window is 4 to 6 weeks after the inspection ends, not after publication', () => {
    expect(byId(d)['visit-window-opens']).toMatchObject({ date: '2013-02-21', paragraph: '2012 LA information sheet' });
    expect(dateOf(d, 'visit-window-closes')).toBe('2013-03-07');
  });

  it('2012 sheet: the next section 5 is 24 months after the inspection, not its publication', () => {
    expect(dateOf(d, 'next-section-5')).toBe('2015-01-24');
  });

  it('2012 sheet: plans shared with the LA are one LA\u2019s own request, not a deadline for every school', () => {
    expect(byId(d)['plans-shared-with-la']).toBeUndefined();
    const plan = planDeadlines(form2013, holidays);
    expect(plan.omitted.find((o) => o.id === 'plans-shared-with-la')?.reason).toMatch(
      /one local authority\u2019s own request/,
    );
  });
});

describe('other kinds of visit', () => {
  it('para 26: a section 117 visit has no publication date, and says why', () => {
    const form = formWith({ visit: { act: 'section-117' } });
    const plan = planDeadlines(form, holidays);
    expect(byId(plan.deadlines).publication).toBeUndefined();
    expect(plan.omitted).toContainEqual(expect.objectContaining({ id: 'publication', paragraph: '26' }));
    expect(byId(plan.deadlines)['final-letter']?.description).toMatch(/not for publication/);
    expect(byId(plan.deadlines)['letter-to-isp']).toBeDefined();
  });

  it('para 21: a second monitoring inspection has no visit window', () => {
    const plan = planDeadlines(formWith({ visit: { number: 2 } }), holidays);
    expect(byId(plan.deadlines)['visit-window-opens']).toBeUndefined();
    expect(plan.omitted.map((o) => o.id)).toContain('visit-window');
  });

  it('para 2, 6: without the report\u2019s publication date the window and next section 5 are omitted with the reason', () => {
    const form = formWith({});
    delete (form.inspection as { publishedDate?: string }).publishedDate;
    const plan = planDeadlines(form, holidays);
    expect(plan.deadlines.map((x) => x.id)).not.toContain('next-section-5');
    expect(plan.omitted.find((o) => o.id === 'next-section-5')?.reason).toMatch(/publishedDate/);
  });

  it('property: for any visit on a working day 2012–2030, the letter dates are 3, 10 and 15 working days after it, in order', () => {
    const day = fc
      .integer({ min: dayNumber('2012-09-01'), max: dayNumber('2030-12-31') })
      .map(fromDayNumber)
      .filter((d) => isWorkingDay(d, holidays));
    fc.assert(
      fc.property(day, (visit) => {
        const d = computeDeadlines(formWith({ visit: { dates: [visit] } }), holidays);
        expect(workingDaysBetween(visit, dateOf(d, 'letter-to-isp') ?? '', holidays)).toBe(3);
        expect(workingDaysBetween(visit, dateOf(d, 'final-letter') ?? '', holidays)).toBe(10);
        expect(workingDaysBetween(visit, dateOf(d, 'publication') ?? '', holidays)).toBe(15);
        expect(workingDaysBetween(dateOf(d, 'notification-call') ?? '', visit, holidays)).toBe(5);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same dates whatever the process time zone (no UTC-midnight drift)', () => {
    const original = process.env.TZ;
    const results: string[] = [];
    try {
      for (const zone of ['Europe/London', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone;
        results.push(JSON.stringify(computeDeadlines(formWith({ visit: { dates: ['2014-03-28'] } }), holidays)));
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(new Set(results).size).toBe(1);
  });
});

describe('deadline status against today', () => {
  const deadlines = computeDeadlines(example, holidays);
  const statusOn = (today: string): Record<string, string> => {
    const done = completedDeadlineIds(example, today);
    return Object.fromEntries(deadlines.map((d) => [d.id, deadlineStatus(d, today, holidays, done)]));
  };

  it('on the visit day: the call and window are done, the letter to the ISP due soon, publication upcoming', () => {
    const s = statusOn('2014-03-12');
    expect(s['notification-call']).toBe('done');
    expect(s['visit-window-opens']).toBe('done');
    expect(s['letter-to-isp']).toBe('due-soon');
    expect(s.publication).toBe('upcoming');
    // Recorded in the form: commissioned 2014-02-10 and completed 2014-03-05.
    expect(s['pupil-premium-review-completed']).toBe('done');
  });

  it('the day after the final letter was due, it is overdue', () => {
    const s = statusOn('2014-03-27');
    expect(s['final-letter']).toBe('overdue');
    expect(s['publication']).toBe('due-soon');
  });

  it('due soon means within 5 working days: a Friday counts the next week\u2019s days', () => {
    const d: Deadline = {
      id: 'x',
      date: '2014-03-21',
      description: 'x',
      paragraph: '17',
      basis: 'working days, England',
    };
    expect(deadlineStatus(d, '2014-03-14', holidays, new Set())).toBe('due-soon');
    expect(deadlineStatus(d, '2014-03-13', holidays, new Set())).toBe('upcoming');
  });

  it('a window that has opened is open, not overdue', () => {
    const planned = formWith({ visit: { dates: ['2014-03-12'], notificationCall: undefined } });
    delete (planned.visit as { notificationCall?: string }).notificationCall;
    const call = computeDeadlines(planned, holidays).find((d) => d.id === 'notification-call');
    if (!call) throw new Error('no notification call');
    expect(deadlineStatus(call, '2014-03-07', holidays, completedDeadlineIds(planned, '2014-03-07'))).toBe('open');
  });
  it('para 19: keeping the evidence is open, never overdue, before and after the expected next section 5', () => {
    const retention = deadlines.find((d) => d.id === 'evidence-retention');
    if (!retention) throw new Error('no evidence-retention');
    expect(deadlineKind('evidence-retention')).toBe('until');
    for (const today of ['2014-03-12', '2016-01-29', retention.date, '2016-02-04', '2017-06-01']) {
      expect(statusOn(today)['evidence-retention'], today).toBe('open');
    }
    // The inspection it waits for is due by then: that one is overdue once its day has passed.
    expect(statusOn('2016-02-04')['next-section-5']).toBe('overdue');
  });
});
