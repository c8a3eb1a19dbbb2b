/**
 * Which guidance governs a visit, chosen by the visit's (first) date: the 2014
 * guidance ("Monitoring visits and support for schools that require
 * improvement", in force from 1 January 2014) or, before that, the autumn 2012
 * arrangements as the 2012 LA information sheet summarises them.
 */
import { addDays, formatLongDate } from './calendar.js';

export type ArrangementsId = '2012' | '2014';

/** The window in which the first monitoring inspection usually falls. */
export interface VisitWindow {
  /** What the weeks are counted from. */
  from: 'publication' | 'inspection-end';
  minWeeks: number;
  maxWeeks: number;
  paragraph: string;
}

export interface Arrangements {
  id: ArrangementsId;
  /** How a message names them: "the 2014 guidance". */
  name: string;
  /** First day they apply to a visit. */
  inForceFrom: string;
  visitWindow: VisitWindow;
  /** para 7 (both): HMI telephone the school up to five (working) days before. */
  notificationWorkingDays: number;
  /** footnote 6: commissioning starts within 2 weeks of the recommendation, done within 8. */
  reviewCommissionWeeks: number;
  reviewCompletionWeeks: number;
}

/** The paragraph label used for the 2012 LA information sheet. */
export const sheet2012 = '2012 LA information sheet';

/** "Requires improvement" replaced "satisfactory" with the section 5 framework of September 2012. */
export const requiresImprovementIntroduced = '2012-09-01';

export const arrangements2012: Arrangements = {
  id: '2012',
  name: 'the 2012 arrangements',
  inForceFrom: requiresImprovementIntroduced,
  // 2012 sheet: "usually between four and six weeks after the inspection finishes".
  visitWindow: { from: 'inspection-end', minWeeks: 4, maxWeeks: 6, paragraph: sheet2012 },
  notificationWorkingDays: 5,
  reviewCommissionWeeks: 2,
  reviewCompletionWeeks: 8,
};

export const arrangements2014: Arrangements = {
  id: '2014',
  name: 'the 2014 guidance',
  inForceFrom: '2014-01-01',
  // para 2: "usually within four to twelve weeks of the publication of the inspection report".
  visitWindow: { from: 'publication', minWeeks: 4, maxWeeks: 12, paragraph: '2' },
  notificationWorkingDays: 5,
  reviewCommissionWeeks: 2,
  reviewCompletionWeeks: 8,
};

/** The arrangements that govern a visit on this date (YYYY-MM-DD). */
export function arrangementsForVisit(visitDate: string): Arrangements {
  return visitDate < arrangements2014.inForceFrom ? arrangements2012 : arrangements2014;
}

/** The arrangements for a form's visit, by its earliest visit day. */
export function arrangementsForDates(visitDates: readonly string[]): Arrangements {
  const first = [...visitDates].sort()[0];
  return first === undefined ? arrangements2014 : arrangementsForVisit(first);
}

/** The usual window for a first visit, as dates, given the date it counts from. */
export function visitWindowDates(arrangements: Arrangements, countFrom: string): { opens: string; closes: string } {
  const { minWeeks, maxWeeks } = arrangements.visitWindow;
  return { opens: addDays(countFrom, minWeeks * 7), closes: addDays(countFrom, maxWeeks * 7) };
}

/** "between 3 March 2014 and 28 April 2014". */
export function describeWindow(window: { opens: string; closes: string }): string {
  return `between ${formatLongDate(window.opens)} and ${formatLongDate(window.closes)}`;
}
