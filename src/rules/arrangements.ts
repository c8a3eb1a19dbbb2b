/**
 * Which guidance governs a visit, chosen by the visit's (first) date: the 2014
 * guidance ("Monitoring visits and support for schools that require
 * improvement", in force from 1 January 2014) or, before that, the autumn 2012
 * arrangements as the 2012 LA information sheet summarises them.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import { addDays } from '../ground/calendar.js';

export type ArrangementsId = '2012' | '2014';

/** What a period is counted from: the section 5 report's publication or the inspection's last day. */
export type CountedFrom = 'publication' | 'inspection-end';

/** The window in which the first monitoring inspection usually falls. */
export interface VisitWindow {
  /** What the weeks are counted from. */
  from: CountedFrom;
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
  /** The next section 5 inspection: at most this many calendar months after the date counted from. */
  nextSection5: { from: CountedFrom; months: number; paragraph: string };
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
  // 2012 sheet: the next section 5 inspection within 24 months of the inspection that judged the school RI.
  nextSection5: { from: 'inspection-end', months: 24, paragraph: sheet2012 },
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
  // para 6: "usually no later than 24 months after the publication" of the RI report.
  nextSection5: { from: 'publication', months: 24, paragraph: '6' },
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

/** The date a period counts from, or undefined when the form does not give it (inspection.publishedDate). */
export function countedFromDate(form: Pick<EvidenceForm, 'inspection'>, from: CountedFrom): string | undefined {
  return from === 'publication' ? form.inspection.publishedDate : form.inspection.endDate;
}

/** The usual window for a first visit, as dates, given the date it counts from. */
export function visitWindowDates(arrangements: Arrangements, countFrom: string): { opens: string; closes: string } {
  const { minWeeks, maxWeeks } = arrangements.visitWindow;
  return { opens: addDays(countFrom, minWeeks * 7), closes: addDays(countFrom, maxWeeks * 7) };
}
