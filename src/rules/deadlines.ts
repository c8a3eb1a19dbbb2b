/**
 * Every date a monitoring visit sets running (DOMAIN.md "Dates"; paras 2, 6, 7,
 * 17, 18, 19; footnote 6; the 2012 LA information sheet).
 *
 * Counting rules: "days" in the guidance are working days in England (weekends
 * and England's bank holidays off), counted from the visit's last day as day 0;
 * weeks and months are calendar weeks and months. Dates are YYYY-MM-DD strings
 * (src/ground/calendar.ts), so no time zone or daylight-saving change can move them.
 */
import { sortedVisitDates } from '../evidence/visit-dates.js';
import { formatLongDate } from '../ground/dates-in-words.js';
import type { EvidenceForm } from '../evidence/schema.js';
import {
  arrangementsForDates,
  countedFromDate,
  sheet2012,
  visitWindowDates,
  type Arrangements,
  type ArrangementsId,
  type CountedFrom,
} from './arrangements.js';
import { describeRecommendedOn, isRecommended, reviewDueDates, reviewKinds } from './review-dates.js';
import type { Deadline } from './types.js';
import { addWorkingDays, subtractWorkingDays, type Holidays } from './working-days.js';

/** A date the table lists that does not apply to this visit, and why. */
export interface OmittedDeadline {
  id: string;
  reason: string;
  paragraph: string;
}

export interface DeadlinePlan {
  /** The guidance in force on the first visit day (rules/arrangements.ts). */
  arrangements: ArrangementsId;
  deadlines: Deadline[];
  omitted: OmittedDeadline[];
}

/** Deadline ids in the order they fall for a typical visit; ties on a date keep this order. */
export const deadlineIds = [
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

/**
 * How a deadline's date reads: 'due', something is to be done by then; 'opens',
 * the first day of a window; 'until', a standing duty expected to end then
 * (evidence is kept until the next section 5 inspection), which cannot be missed.
 */
export type DeadlineKind = 'due' | 'opens' | 'until';

const kindById: Partial<Record<DeadlineId, DeadlineKind>> = {
  'notification-call': 'opens',
  'visit-window-opens': 'opens',
  'evidence-retention': 'until',
};

/** The kind of a deadline by its id; unknown ids are 'due'. */
export function deadlineKind(id: string): DeadlineKind {
  return kindById[id as DeadlineId] ?? 'due';
}

const workingDays = 'working days, England' as const;

/** "the section 5 report is published", for a description of what a period counts from. */
const countedFromWords: Record<CountedFrom, string> = {
  publication: 'the section 5 report is published',
  'inspection-end': 'the section 5 inspection',
};

const publicationNotGiven =
  'counted from the section 5 report\u2019s publication, which the form does not give (inspection.publishedDate)';

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

/** What one part of the plan adds. */
interface Part {
  deadlines?: Deadline[];
  omitted?: OmittedDeadline[];
}

/** What every part of the plan is computed from. */
interface Visit {
  form: EvidenceForm;
  holidays: Holidays;
  arrangements: Arrangements;
  firstDay: string;
  lastDay: string;
  sectionOneSeventeen: boolean;
}

/** Every deadline that applies to the visit, and every one that does not with the reason. */
export function planDeadlines(form: EvidenceForm, holidays: Holidays): DeadlinePlan {
  const days = sortedVisitDates(form);
  const firstDay = days[0] ?? '';
  const visit: Visit = {
    form,
    holidays,
    arrangements: arrangementsForDates(days),
    firstDay,
    lastDay: days.at(-1) ?? firstDay,
    sectionOneSeventeen: form.visit.act === 'section-117',
  };
  const parts = [notificationCall, visitWindow, letterDates, nextSection5, reviews, plansToLa].map((part) =>
    part(visit),
  );
  return {
    arrangements: visit.arrangements.id,
    deadlines: sortDeadlines(parts.flatMap((p) => p.deadlines ?? [])),
    omitted: parts.flatMap((p) => p.omitted ?? []),
  };
}

/** Every deadline that applies to the visit, sorted by date. */
export function computeDeadlines(form: EvidenceForm, holidays: Holidays): Deadline[] {
  return planDeadlines(form, holidays).deadlines;
}

// para 7: HMI telephone the school up to five days before the visit starts.
function notificationCall({ arrangements, firstDay, holidays }: Visit): Part {
  const days = arrangements.notificationWorkingDays;
  return {
    deadlines: [
      {
        id: 'notification-call',
        date: subtractWorkingDays(firstDay, days, holidays),
        description: `Earliest day for HMI to telephone the school: up to ${days} working days before the visit on ${formatLongDate(firstDay)}`,
        paragraph: '7',
        basis: workingDays,
      },
    ],
  };
}

// para 2 (2014): 4 to 12 weeks after publication; 2012 sheet: 4 to 6 weeks after the inspection.
function visitWindow({ form, arrangements, sectionOneSeventeen }: Visit): Part {
  const window = arrangements.visitWindow;
  if ((form.visit.number ?? 1) > 1 || sectionOneSeventeen) {
    const reason = sectionOneSeventeen
      ? 'a visit under section 117 to assist improvement has no set window'
      : 'the window applies to the first monitoring inspection; a later one follows "after a suitable interval" (para 21)';
    const paragraph = arrangements.id === '2014' ? `${window.paragraph}, 21` : window.paragraph;
    return { omitted: [{ id: 'visit-window', reason, paragraph }] };
  }
  const countFrom = countedFromDate(form, window.from);
  if (countFrom === undefined) {
    return { omitted: [{ id: 'visit-window', reason: publicationNotGiven, paragraph: window.paragraph }] };
  }
  const dates = visitWindowDates(arrangements, countFrom);
  const usually = `usually ${window.minWeeks} to ${window.maxWeeks} weeks after ${countedFromWords[window.from]}${arrangements.id === '2012' ? ' (2012 arrangements)' : ''}`;
  const common = { paragraph: window.paragraph, basis: 'calendar weeks' } as const;
  return {
    deadlines: [
      {
        id: 'visit-window-opens',
        date: dates.opens,
        description: `Monitoring visit window opens: ${usually}`,
        ...common,
      },
      {
        id: 'visit-window-closes',
        date: dates.closes,
        description: `Monitoring visit window closes: ${usually}`,
        ...common,
      },
    ],
  };
}

// paras 17, 18, 26: the letter to the ISP, the final letter, and (not for section 117) publication.
function letterDates({ lastDay, holidays, sectionOneSeventeen }: Visit): Part {
  const after = (days: number): string => addWorkingDays(lastDay, days, holidays);
  const deadlines: Deadline[] = [
    // para 17: HMI's letter reaches the ISP within three days of the visit.
    {
      id: 'letter-to-isp',
      date: after(3),
      description: 'HMI\u2019s letter reaches the inspection service provider: within 3 working days of the visit',
      paragraph: '17',
      basis: workingDays,
    },
    // para 17: the ISP's final version, sent to the headteacher and copied, within ten days of the end.
    {
      id: 'final-letter',
      date: after(10),
      description: sectionOneSeventeen
        ? 'Final letter sent to the headteacher and copied: within 10 working days of the end of the visit (not for publication: section 117 visit)'
        : 'Final letter sent to the headteacher, copied and submitted to Ofsted: within 10 working days of the end of the visit',
      paragraph: '17',
      basis: workingDays,
    },
  ];
  // para 26: a section 117 visit's letter is not published.
  if (sectionOneSeventeen) {
    const reason = 'the letter of a visit under section 117 to assist improvement is not published';
    return { deadlines, omitted: [{ id: 'publication', reason, paragraph: '26' }] };
  }
  // para 18: Ofsted publishes within fifteen days.
  deadlines.push({
    id: 'publication',
    date: after(15),
    description: 'Ofsted publishes the letter on its website: within 15 working days of the end of the visit',
    paragraph: '18',
    basis: workingDays,
  });
  return { deadlines };
}

// para 6 (2014): no later than 24 months after the RI report's publication; 2012 sheet: after the RI inspection.
// para 19: evidence is kept until the school is reinspected under section 5.
function nextSection5({ form, arrangements }: Visit): Part {
  const rule = arrangements.nextSection5;
  const from = countedFromDate(form, rule.from);
  if (from === undefined) {
    return {
      omitted: [
        { id: 'next-section-5', reason: publicationNotGiven, paragraph: rule.paragraph },
        {
          id: 'evidence-retention',
          reason: `kept until the next section 5 inspection, ${publicationNotGiven}`,
          paragraph: '19',
        },
      ],
    };
  }
  const next = addCalendarMonths(from, rule.months);
  return {
    deadlines: [
      {
        id: 'next-section-5',
        date: next,
        description:
          rule.from === 'inspection-end'
            ? `Next section 5 inspection: no more than ${rule.months} months after the inspection that judged the school to require improvement (2012 arrangements)`
            : `Next section 5 inspection: usually no later than ${rule.months} months after the report that judged the school to require improvement was published`,
        paragraph: rule.paragraph,
        basis: 'calendar months',
      },
      {
        id: 'evidence-retention',
        date: next,
        description:
          'HMI keep the inspection evidence until the school is next inspected under section 5 (expected by this date)',
        paragraph: '19',
        basis: 'calendar months',
      },
    ],
  };
}

// para 16, footnote 6: commission a pupil premium review within 2 weeks of its recommendation, complete it within 8.
function reviews({ form, arrangements }: Visit): Part {
  const { recommended, commissionBy, completeBy } = reviewDueDates(form, arrangements);
  const since = describeRecommendedOn(recommended);
  const part: Required<Part> = { deadlines: [], omitted: [] };
  const common = { paragraph: '16, footnote 6', basis: 'calendar weeks' } as const;
  for (const kind of reviewKinds) {
    if (!isRecommended(form, kind)) {
      const reason = `no ${kind.what} was recommended at the section 5 inspection`;
      part.omitted.push({ id: kind.id, reason, paragraph: common.paragraph });
      continue;
    }
    if (!kind.timed) {
      const reason = `footnote 6\u2019s 2 and 8 weeks are the DfE\u2019s advice for pupil premium reviews; no period is set for the ${kind.what}, whose timeliness the letter reports (para 16)`;
      part.omitted.push({ id: kind.id, reason, paragraph: common.paragraph });
      continue;
    }
    part.deadlines.push(
      {
        id: `${kind.id}-commissioned`,
        date: commissionBy,
        description: `The school starts commissioning the ${kind.what}: within ${arrangements.reviewCommissionWeeks} weeks of ${since}`,
        ...common,
      },
      {
        id: `${kind.id}-completed`,
        date: completeBy,
        description: `The ${kind.what} is completed: within ${arrangements.reviewCompletionWeeks} weeks of ${since}`,
        ...common,
      },
    );
  }
  return part;
}

/**
 * The 2012 sheet's "intentions … shared with the appropriate local authority representative within two to three
 * working weeks" is one local authority's own request to its schools, not Ofsted's guidance: it is no deadline
 * for every school, so it is listed as not applicable under both arrangements, with the reason.
 */
function plansToLa(): Part {
  const reason =
    'one local authority\u2019s own request in its 2012 information sheet, not Ofsted\u2019s guidance: ask your local authority whether it sets such a date (the 2014 guidance sets none, para 5)';
  return { omitted: [{ id: 'plans-shared-with-la', reason, paragraph: sheet2012 }] };
}

function sortDeadlines(deadlines: Deadline[]): Deadline[] {
  const rank = (id: string): number => deadlineIds.indexOf(id as DeadlineId);
  return [...deadlines].sort((a, b) => (a.date === b.date ? rank(a.id) - rank(b.id) : a.date < b.date ? -1 : 1));
}
