/**
 * Every date a monitoring visit sets running (DOMAIN.md "Dates"; paras 2, 6, 7,
 * 17, 18, 19; footnote 6; the 2012 LA information sheet).
 *
 * Counting rules: "days" in the guidance are working days in England (weekends
 * and England's bank holidays off), counted from the visit's last day as day 0;
 * weeks and months are calendar weeks and months. Dates are YYYY-MM-DD strings
 * (rules/calendar.ts), so no time zone or daylight-saving change can move them.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import { addDays } from './calendar.js';
import type { Deadline } from './types.js';
import { addWorkingDays, subtractWorkingDays, type Holidays } from './working-days.js';

/** Which guidance governs a visit. */
export type Arrangements = '2012' | '2014';

/** The 2014 guidance is in force for visits from 1 January 2014; earlier visits follow the 2012 arrangements. */
export function arrangementsFor(visitDate: string): Arrangements {
  return visitDate < '2014-01-01' ? '2012' : '2014';
}

/** A date the table lists that does not apply to this visit, and why. */
export interface OmittedDeadline {
  id: string;
  reason: string;
  paragraph: string;
}

export interface DeadlinePlan {
  arrangements: Arrangements;
  deadlines: Deadline[];
  omitted: OmittedDeadline[];
}

/** Deadline ids in the order they fall for a typical visit; ties on a date keep this order. */
export const deadlineIds = [
  'plans-shared-with-la',
  'pupil-premium-review-commissioned',
  'governance-review-commissioned',
  'visit-window-opens',
  'pupil-premium-review-completed',
  'governance-review-completed',
  'visit-window-closes',
  'notification-call',
  'letter-to-isp',
  'final-letter',
  'publication',
  'next-section-5',
  'evidence-retention',
] as const;
export type DeadlineId = (typeof deadlineIds)[number];

/** Ids whose date opens a window (the earliest day), rather than closing one. */
export const windowOpeningIds: ReadonlySet<string> = new Set<DeadlineId>(['notification-call', 'visit-window-opens']);

const sheet2012 = '2012 LA information sheet';
const workingDays = 'working days, England' as const;

/** The date `months` calendar months after `date`; the 29th–31st fall back to the month's last day. */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every deadline that applies to the visit, and every one that does not with the reason. */
export function planDeadlines(form: EvidenceForm, holidays: Holidays): DeadlinePlan {
  const days = [...form.visit.dates].sort();
  const firstDay = days[0] ?? '';
  const lastDay = days.at(-1) ?? firstDay;
  const arrangements = arrangementsFor(firstDay);
  const sectionOneSeventeen = form.visit.act === 'section-117';
  const inspectionEnd = form.inspection.endDate;
  const published = form.inspection.publishedDate;
  const deadlines: Deadline[] = [];
  const omitted: OmittedDeadline[] = [];

  // para 7: HMI telephone the school up to five days before the visit starts.
  deadlines.push({
    id: 'notification-call',
    date: subtractWorkingDays(firstDay, 5, holidays),
    description: `Earliest day for HMI to telephone the school: up to 5 working days before the visit on ${firstDay}`,
    paragraph: '7',
    basis: workingDays,
  });

  // para 2 (2014): 4 to 12 weeks after publication; 2012 sheet: 4 to 6 weeks after the inspection.
  if ((form.visit.number ?? 1) > 1 || sectionOneSeventeen) {
    omitted.push({
      id: 'visit-window',
      reason: sectionOneSeventeen
        ? 'a visit under section 117 to assist improvement has no set window'
        : 'the window applies to the first monitoring inspection; a later one follows "after a suitable interval" (para 21)',
      paragraph: arrangements === '2014' ? '2, 21' : sheet2012,
    });
  } else if (arrangements === '2012') {
    deadlines.push(
      {
        id: 'visit-window-opens',
        date: addDays(inspectionEnd, 28),
        description:
          'Monitoring visit window opens: usually 4 to 6 weeks after the section 5 inspection (2012 arrangements)',
        paragraph: sheet2012,
        basis: 'calendar weeks',
      },
      {
        id: 'visit-window-closes',
        date: addDays(inspectionEnd, 42),
        description:
          'Monitoring visit window closes: usually 4 to 6 weeks after the section 5 inspection (2012 arrangements)',
        paragraph: sheet2012,
        basis: 'calendar weeks',
      },
    );
  } else if (published === undefined) {
    omitted.push({
      id: 'visit-window',
      reason:
        'counted from the section 5 report\u2019s publication, which the form does not give (inspection.publishedDate)',
      paragraph: '2',
    });
  } else {
    deadlines.push(
      {
        id: 'visit-window-opens',
        date: addDays(published, 28),
        description: 'Monitoring visit window opens: usually 4 to 12 weeks after the section 5 report is published',
        paragraph: '2',
        basis: 'calendar weeks',
      },
      {
        id: 'visit-window-closes',
        date: addDays(published, 84),
        description: 'Monitoring visit window closes: usually 4 to 12 weeks after the section 5 report is published',
        paragraph: '2',
        basis: 'calendar weeks',
      },
    );
  }

  // para 17: HMI's letter reaches the ISP within three days of the visit.
  deadlines.push({
    id: 'letter-to-isp',
    date: addWorkingDays(lastDay, 3, holidays),
    description: 'HMI\u2019s letter reaches the inspection service provider: within 3 working days of the visit',
    paragraph: '17',
    basis: workingDays,
  });

  // para 17: the ISP's final version, sent to the headteacher and copied, within ten days of the end.
  deadlines.push({
    id: 'final-letter',
    date: addWorkingDays(lastDay, 10, holidays),
    description: sectionOneSeventeen
      ? 'Final letter sent to the headteacher and copied: within 10 working days of the end of the visit (not for publication: section 117 visit)'
      : 'Final letter sent to the headteacher, copied and submitted to Ofsted: within 10 working days of the end of the visit',
    paragraph: '17',
    basis: workingDays,
  });

  // para 18: Ofsted publishes within fifteen days; para 26: not a section 117 visit's letter.
  if (sectionOneSeventeen) {
    omitted.push({
      id: 'publication',
      reason: 'the letter of a visit under section 117 to assist improvement is not published',
      paragraph: '26',
    });
  } else {
    deadlines.push({
      id: 'publication',
      date: addWorkingDays(lastDay, 15, holidays),
      description: 'Ofsted publishes the letter on its website: within 15 working days of the end of the visit',
      paragraph: '18',
      basis: workingDays,
    });
  }

  // para 6 (2014): no later than 24 months after the RI report's publication; 2012 sheet: after the RI inspection.
  const nextSection5From = arrangements === '2012' ? inspectionEnd : published;
  if (nextSection5From === undefined) {
    const reason =
      'counted from the section 5 report\u2019s publication, which the form does not give (inspection.publishedDate)';
    omitted.push({ id: 'next-section-5', reason, paragraph: '6' });
    omitted.push({
      id: 'evidence-retention',
      reason: `kept until the next section 5 inspection, ${reason}`,
      paragraph: '19',
    });
  } else {
    const next = addCalendarMonths(nextSection5From, 24);
    deadlines.push({
      id: 'next-section-5',
      date: next,
      description:
        arrangements === '2012'
          ? 'Next section 5 inspection: no more than 24 months after the inspection that judged the school to require improvement (2012 arrangements)'
          : 'Next section 5 inspection: usually no later than 24 months after the report that judged the school to require improvement was published',
      paragraph: arrangements === '2012' ? sheet2012 : '6',
      basis: 'calendar months',
    });
    // para 19: evidence is kept until the school is reinspected under section 5.
    deadlines.push({
      id: 'evidence-retention',
      date: next,
      description:
        'HMI keep the inspection evidence until the school is next inspected under section 5 (expected by this date)',
      paragraph: '19',
      basis: 'calendar months',
    });
  }

  // para 16, footnote 6: commission an external review within 2 weeks of its recommendation, complete it within 8.
  const reviews = [
    { key: 'pupilPremium', id: 'pupil-premium-review', what: 'review of the use of the pupil premium' },
    { key: 'governance', id: 'governance-review', what: 'external review of governance' },
  ] as const;
  for (const review of reviews) {
    if (form.inspection.reviewsRecommended?.[review.key] !== true) {
      omitted.push({
        id: review.id,
        reason: `no ${review.what} was recommended at the section 5 inspection`,
        paragraph: '16, footnote 6',
      });
      continue;
    }
    deadlines.push(
      {
        id: `${review.id}-commissioned`,
        date: addDays(inspectionEnd, 14),
        description: `The school starts commissioning the ${review.what}: within 2 weeks of its recommendation at the section 5 inspection`,
        paragraph: '16, footnote 6',
        basis: 'calendar weeks',
      },
      {
        id: `${review.id}-completed`,
        date: addDays(inspectionEnd, 56),
        description: `The ${review.what} is completed: within 8 weeks of its recommendation at the section 5 inspection`,
        paragraph: '16, footnote 6',
        basis: 'calendar weeks',
      },
    );
  }

  // 2012 sheet: the school shares its plans with the LA within two to three working weeks of the inspection.
  if (arrangements === '2012') {
    deadlines.push({
      id: 'plans-shared-with-la',
      date: addWorkingDays(inspectionEnd, 15, holidays),
      description:
        'The school shares its plans with the local authority: within 2 to 3 working weeks (10 to 15 working days) of the section 5 inspection (2012 arrangements)',
      paragraph: sheet2012,
      basis: workingDays,
    });
  } else {
    omitted.push({
      id: 'plans-shared-with-la',
      reason: 'a 2012 arrangement; the 2014 guidance sets no date for it: schools amend their existing plans',
      paragraph: '5',
    });
  }

  return { arrangements, deadlines: sortDeadlines(deadlines), omitted };
}

/** Every deadline that applies to the visit, sorted by date. */
export function computeDeadlines(form: EvidenceForm, holidays: Holidays): Deadline[] {
  return planDeadlines(form, holidays).deadlines;
}

function sortDeadlines(deadlines: Deadline[]): Deadline[] {
  const rank = (id: string): number => deadlineIds.indexOf(id as DeadlineId);
  return [...deadlines].sort((a, b) => (a.date === b.date ? rank(a.id) - rank(b.id) : a.date < b.date ? -1 : 1));
}
